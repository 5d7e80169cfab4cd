/**
 * Says, once, that the address held settings the lab could not use, and why: at start-up the
 * default experiment runs instead; a link pasted into an open lab leaves the current one (`kept`).
 */
import { defineMessages, useRefusalText } from '../i18n/i18n.ts';

const useMessages = defineMessages({
  en: {
    refused: 'The settings in this link could not be used ({reason}), so the lab started with its default experiment.',
    kept: 'The settings in this link could not be used ({reason}), so the lab kept the experiment it was running.',
    dismiss: 'Dismiss',
  },
  zh: {
    refused: '无法使用此链接中的设置（{reason}），实验室已改用默认实验。',
    kept: '无法使用此链接中的设置（{reason}），实验室保留了正在运行的实验。',
    dismiss: '关闭',
  },
});

export function LinkNotice({ problem, kept = false, onDismiss }: { problem: string; kept?: boolean; onDismiss: () => void }) {
  const t = useMessages();
  const inLanguage = useRefusalText();
  return (
    <div role="alert" className="link-notice">
      <p>{t(kept ? 'kept' : 'refused', { reason: inLanguage(problem) })}</p>
      <button type="button" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
