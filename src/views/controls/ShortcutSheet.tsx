/** The keyboard shortcut sheet ("?"): every key the screen answers, closed with Esc or a click outside. */
import { useEffect, useRef } from 'react';
import { defineMessages } from '../../i18n/i18n.ts';
import { useUi } from '../lab-context.tsx';

const useMessages = defineMessages({
  en: {
    title: 'Keyboard shortcuts',
    play: 'Play / pause',
    step: 'Step and stop: one phase, batch or epoch, as “Step by” says',
    back: 'Stepping by phase: show the step’s previous phase again (→ returns)',
    reset: 'Reset to the seed’s weights',
    presenter: 'Presenter mode on / off',
    fullscreen: 'Fullscreen on / off',
    help: 'This sheet',
    tabs: 'Next / previous view (on the tabs)',
    close: 'Close',
    space: 'Space',
  },
  zh: {
    title: '键盘快捷键',
    play: '播放 / 暂停',
    step: '单步后停住：按“步进单位”所选，一个阶段、批次或轮次',
    back: '按阶段单步时：重看这一步的上一个阶段（→ 返回）',
    reset: '重置为种子生成的权重',
    presenter: '开关演示模式',
    fullscreen: '开关全屏',
    help: '本快捷键表',
    tabs: '下一个 / 上一个视图（焦点在标签上时）',
    close: '关闭',
    space: '空格',
  },
});

export function ShortcutSheet() {
  const t = useMessages();
  const open = useUi((s) => s.shortcutsOpen);
  const setOpen = useUi((s) => s.setShortcutsOpen);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' || e.key === '?') {
        e.preventDefault();
        setOpen(false);
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [open, setOpen]);
  if (!open) return null;
  const rows: [string[], string][] = [
    [[t('space')], t('play')],
    [['→'], t('step')],
    [['←'], t('back')],
    [['R'], t('reset')],
    [['P'], t('presenter')],
    [['F'], t('fullscreen')],
    [['?'], t('help')],
    [['←', '→'], t('tabs')],
  ];
  return (
    <div className="sheet-backdrop" onClick={() => setOpen(false)}>
      <div role="dialog" aria-modal="true" aria-labelledby="shortcut-title" className="sheet" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcut-title">{t('title')}</h2>
        <dl>
          {rows.map(([keys, what]) => (
            <div key={what}>
              <dt>
                {keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button ref={close} type="button" onClick={() => setOpen(false)}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
