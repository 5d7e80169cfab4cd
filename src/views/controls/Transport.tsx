/**
 * Play / Pause (Space), Step (→) with its granularity, Reset (R). Shortcuts are ignored when
 * the focused element uses the key itself (a field, a button, the tabs, a heatmap's cursor).
 * Play and Pause share one button whose width fits the longer word, so nothing beside it moves.
 */
import { useEffect } from 'react';
import type { Granularity } from '../../engine/protocol.ts';
import { defineMessages, useI18n } from '../../i18n/i18n.ts';
import { useConfig, usePlayback, useRun } from '../lab-context.tsx';
import { useWhyDisabled } from './why-disabled.tsx';

const GRANULARITIES: readonly Granularity[] = ['phase', 'batch', 'epoch'];

const useMessages = defineMessages({
  en: {
    loading: 'Wait: the data is still loading',
    notReady: 'Wait: the network is being built',
    phase: 'by phase',
    batch: 'by batch',
    epoch: 'by epoch',
    stepTitle: 'Take one step and stop (→): the next phase of the training step, a whole step on a batch, or a whole epoch, as chosen beside it',
    granularityTitle: 'How far Step (→) goes: one phase (forward, loss, backward or update; ← goes back), one whole step on a batch, or one epoch. Play’s own pace is the Speed',
  },
  zh: {
    loading: '请稍候：数据仍在加载',
    notReady: '请稍候：正在构建网络',
    phase: '按阶段',
    batch: '按批次',
    epoch: '按轮次',
    stepTitle: '前进一下后停住（→）：按旁边的选择，走训练步的下一个阶段、在一个批次上的一整步，或一整轮',
    granularityTitle: '“单步”（→）每次走多远：一个阶段（前向、损失、反向或更新；← 退回），一个批次上的一整步，或一整轮。播放的节奏由“速度”决定',
  },
});

/** Input types whose only keys are Space and Enter (they take no letters and no arrows). */
const PRESSED_INPUTS = ['checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file'];

/**
 * Whether the focused element uses `key` itself: a field takes every key it can type; a select
 * its letters and arrows; a button or checkbox only Space and Enter (so P, R or → still reach the
 * lab after a click on Play); a slider, tabs, a radio group and a heatmap's cursor their arrows.
 */
export function ownedByFocus(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const pressed = key === ' ' || key === 'Enter';
  const letter = key.length === 1 && key !== ' ';
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target instanceof HTMLInputElement) return PRESSED_INPUTS.includes(target.type) ? pressed : target.type === 'range' ? !letter : true;
  if (target.tagName === 'BUTTON' && target.closest('[role="tablist"], [role="radiogroup"]') === null) return pressed;
  if (target.tagName === 'CANVAS') return !letter;
  return !letter && target.closest('[role="tablist"], [role="grid"], [role="radiogroup"]') !== null;
}

/** Both labels in one grid cell: the button is as wide as the longer, whichever shows. */
function Stacked({ shown, hidden }: { shown: string; hidden: string }) {
  return (
    <span className="stacked">
      <span>{shown}</span>
      <span aria-hidden="true" style={{ visibility: 'hidden' }}>
        {hidden}
      </span>
    </span>
  );
}

export function Transport() {
  const { t } = useI18n();
  const m = useMessages();
  const running = useRun((s) => s.status === 'running');
  const loading = useRun((s) => s.status === 'loading' && s.loading !== null);
  const ready = useRun((s) => s.info !== null && s.status !== 'loading');
  const granularity = useConfig((s) => s.granularity);
  const setGranularity = useConfig((s) => s.setGranularity);
  const play = usePlayback((s) => s.play);
  const pause = usePlayback((s) => s.pause);
  const step = usePlayback((s) => s.step);
  const reset = usePlayback((s) => s.reset);
  const why = useWhyDisabled(ready ? null : loading ? m('loading') : m('notReady'));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!ready || e.defaultPrevented || ownedByFocus(e.target, e.key) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === ' ') {
        e.preventDefault();
        if (running) pause();
        else play();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        step();
      } else if (e.key === 'r' || e.key === 'R') {
        reset();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [ready, running, play, pause, step, reset]);

  return (
    <div className="transport" role="group">
      <button type="button" className="primary play" onClick={running ? pause : play} disabled={!ready} aria-describedby={why.describedBy} aria-keyshortcuts="Space">
        <Stacked shown={running ? t('transport.pause') : t('transport.play')} hidden={running ? t('transport.play') : t('transport.pause')} />
      </button>
      <span className="step-group">
        <button type="button" onClick={step} disabled={!ready} aria-describedby={why.describedBy} aria-keyshortcuts="ArrowRight" title={m('stepTitle')}>
          {t('transport.step')}
        </button>
        <select aria-label={t('transport.granularity')} title={m('granularityTitle')} value={granularity} onChange={(e) => setGranularity(e.target.value as Granularity)}>
          {GRANULARITIES.map((g) => (
            <option key={g} value={g}>
              {m(g)}
            </option>
          ))}
        </select>
      </span>
      <button type="button" onClick={reset} disabled={!ready} aria-describedby={why.describedBy} aria-keyshortcuts="R">
        {t('transport.reset')}
      </button>
      {why.note}
    </div>
  );
}
