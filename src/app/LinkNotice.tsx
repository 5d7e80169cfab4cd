/** Says, once, that the address held settings the lab could not use, and why. */
import { defineMessages, useRefusalText } from '../i18n/i18n.ts';

const useMessages = defineMessages({
  en: {
    refused: 'The settings in this link could not be used ({reason}), so the lab started with its default experiment.',
    part: 'Part of this link could not be used ({reason}); the rest of it was opened.',
    dismiss: 'Dismiss',
  },
  zh: {
    refused: '无法使用此链接中的设置（{reason}），实验室已改用默认实验。',
    part: '此链接中有部分设置无法使用（{reason}），其余部分已打开。',
    dismiss: '关闭',
  },
});

/** whole: the link's experiment could not be used (not just one of its other settings). */
export function LinkNotice({ problem, whole, onDismiss }: { problem: string; whole: boolean; onDismiss: () => void }) {
  const t = useMessages();
  const inLanguage = useRefusalText();
  return (
    <div role="alert" className="link-notice">
      <p>{t(whole ? 'refused' : 'part', { reason: inLanguage(problem) })}</p>
      <button type="button" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
