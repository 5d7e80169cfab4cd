/**
 * Says, once, that the address held settings the lab could not use, and why: at start-up the
 * default experiment runs instead (`default`); a link pasted into an open lab leaves the
 * current one (`kept`); a link whose experiment opened but one of whose other words (speed,
 * tab, …) could not be used opens the rest (`part`).
 */
import type { Shown } from '../core/refusal.ts';
import { defineMessages, useRefusalText } from '../i18n/i18n.ts';

const useMessages = defineMessages({
  en: {
    default: 'The settings in this link could not be used ({reason}), so the lab started with its default experiment.',
    kept: 'The settings in this link could not be used ({reason}), so the lab kept the experiment it was running.',
    part: 'Part of this link could not be used ({reason}); the rest of it was opened.',
    dismiss: 'Dismiss',
    separator: '; ',
  },
  zh: {
    default: '无法使用此链接中的设置（{reason}），实验室已改用默认实验。',
    kept: '无法使用此链接中的设置（{reason}），实验室保留了正在运行的实验。',
    part: '此链接中有部分设置无法使用（{reason}），其余部分已打开。',
    dismiss: '关闭',
    separator: '；',
  },
});

export type LinkOutcome = 'default' | 'kept' | 'part';

export function LinkNotice({ problems, outcome = 'default', onDismiss }: { problems: readonly Shown[]; outcome?: LinkOutcome; onDismiss: () => void }) {
  const t = useMessages();
  const inLanguage = useRefusalText();
  return (
    <div role="alert" className="link-notice">
      <p>{t(outcome, { reason: problems.map(inLanguage).join(t('separator')) })}</p>
      <button type="button" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
