/**
 * The screen's own switches: presenter mode (P), fullscreen (F) and the shortcut sheet (?).
 * Presenter mode scales type and marks for a projector, hides secondary controls and opens
 * the data view (boundary or digits) beside the graph; it travels in the link.
 */
import { useEffect, useState } from 'react';
import { defineMessages } from '../../i18n/i18n.ts';
import { useUi } from '../lab-context.tsx';
import { ownedByFocus } from './Transport.tsx';
import { useWhyDisabled } from './why-disabled.tsx';

export const useScreenMessages = defineMessages({
  en: {
    presenter: 'Presenter',
    presenterHint: 'Presenter mode: large type, fewer controls (P)',
    fullscreen: 'Fullscreen',
    exitFullscreen: 'Exit fullscreen',
    noFullscreen: 'not allowed on this page',
    shortcuts: 'Keyboard shortcuts',
    help: '?',
  },
  zh: {
    presenter: '演示模式',
    presenterHint: '演示模式：大字号，精简控件（P）',
    fullscreen: '全屏',
    exitFullscreen: '退出全屏',
    noFullscreen: '此页面不允许全屏',
    shortcuts: '键盘快捷键',
    help: '?',
  },
});

function useFullscreen(): [boolean, () => void] {
  const [on, setOn] = useState(() => document.fullscreenElement != null);
  useEffect(() => {
    const update = () => setOn(document.fullscreenElement != null);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  const toggle = () => {
    if (document.fullscreenElement != null) void document.exitFullscreen?.();
    else void document.documentElement.requestFullscreen?.().catch(() => {});
  };
  return [on, toggle];
}

/**
 * `dataTab`: the view presenter mode opens beside the graph. Keys P, F and ? work anywhere a
 * focused field does not use them.
 */
export function ScreenSwitches({ dataTab }: { dataTab: string | null }) {
  const t = useScreenMessages();
  const presenter = useUi((s) => s.presenter);
  const setPresenter = useUi((s) => s.setPresenter);
  const setTab = useUi((s) => s.setTab);
  const setShortcutsOpen = useUi((s) => s.setShortcutsOpen);
  const [fullscreen, toggleFullscreen] = useFullscreen();
  const fullscreenAllowed = typeof document.documentElement.requestFullscreen === 'function' && document.fullscreenEnabled !== false;
  const fullscreenWhy = useWhyDisabled(fullscreenAllowed ? null : t('noFullscreen'));

  const togglePresenter = () => {
    if (!presenter && dataTab !== null) setTab(dataTab);
    setPresenter(!presenter);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || ownedByFocus(e.target, e.key) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'p' || e.key === 'P') togglePresenter();
      else if ((e.key === 'f' || e.key === 'F') && fullscreenAllowed) toggleFullscreen();
      else if (e.key === '?') setShortcutsOpen(true);
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  return (
    <div className="screen-switches">
      <label className="switch" title={t('presenterHint')}>
        <input type="checkbox" role="switch" checked={presenter} onChange={togglePresenter} aria-keyshortcuts="P" />
        <span>{t('presenter')}</span>
      </label>
      <button type="button" onClick={toggleFullscreen} disabled={!fullscreenAllowed} aria-describedby={fullscreenWhy.describedBy} aria-keyshortcuts="F">
        {fullscreen ? t('exitFullscreen') : t('fullscreen')}
      </button>
      {fullscreenWhy.note}
      <button type="button" className="help" onClick={() => setShortcutsOpen(true)} aria-label={t('shortcuts')} title={t('shortcuts')} aria-keyshortcuts="?">
        {t('help')}
      </button>
    </div>
  );
}
