/** Offers to reload into a new version of the site once its service worker has installed. */
import { defineMessages } from '../../i18n/i18n.ts';
import { applyUpdate, useUpdateWaiting } from '../../pwa/register.ts';
import './update-notice.css';

const useMessages = defineMessages({
  en: {
    ready: 'A new version of the lab is ready. Reloading starts it (the settings stay; training starts again).',
    reload: 'Reload',
  },
  zh: {
    ready: '实验室有新版本。重新加载即可使用（设置保留，训练从头开始）。',
    reload: '重新加载',
  },
});

export function UpdateNotice() {
  const t = useMessages();
  const waiting = useUpdateWaiting();
  if (!waiting) return null;
  return (
    <div role="status" className="update-notice" data-testid="update-notice">
      <p>{t('ready')}</p>
      <button type="button" onClick={applyUpdate}>
        {t('reload')}
      </button>
    </div>
  );
}
