/**
 * Play / Pause (Space), Step (→) with its granularity, Reset (R). Shortcuts are ignored when
 * the focused element uses the key itself (a field, a button, the tabs, a heatmap's cursor).
 */
import { useEffect } from 'react';
import type { Granularity } from '../../engine/protocol.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { useConfig, useRun } from '../lab-context.tsx';

const GRANULARITIES: readonly Granularity[] = ['phase', 'batch', 'epoch'];

/** Keys that a focused field or widget uses itself (typing, tabs, a heatmap's cursor, buttons). */
export function ownedByFocus(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA', 'CANVAS', 'BUTTON'].includes(target.tagName)) return true;
  return target.closest('[role="tablist"], [role="grid"], [role="radiogroup"]') !== null;
}

export function Transport() {
  const { t } = useI18n();
  const running = useRun((s) => s.status === 'running');
  const ready = useRun((s) => s.info !== null && s.status !== 'loading');
  const granularity = useConfig((s) => s.granularity);
  const play = useConfig((s) => s.play);
  const pause = useConfig((s) => s.pause);
  const step = useConfig((s) => s.step);
  const reset = useConfig((s) => s.reset);
  const setGranularity = useConfig((s) => s.setGranularity);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!ready || e.defaultPrevented || ownedByFocus(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
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
      <button type="button" onClick={running ? pause : play} disabled={!ready} aria-keyshortcuts="Space">
        {running ? t('transport.pause') : t('transport.play')}
      </button>
      <button type="button" onClick={step} disabled={!ready} aria-keyshortcuts="ArrowRight">
        {t('transport.step')}
      </button>
      <label>
        {t('transport.granularity')}{' '}
        <select value={granularity} onChange={(e) => setGranularity(e.target.value as Granularity)}>
          {GRANULARITIES.map((g) => (
            <option key={g} value={g}>
              {t(`granularity.${g}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={reset} disabled={!ready} aria-keyshortcuts="R">
        {t('transport.reset')}
      </button>
    </div>
  );
}
