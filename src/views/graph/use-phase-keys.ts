/**
 * ← shows the previous phase of the current step again; while an earlier phase is shown, →
 * moves the view forward (only once the latest phase is shown does → step the engine, as the
 * toolbar's shortcut does). Listens in the capture phase and marks the keys it takes as handled.
 */
import { useEffect } from 'react';
import { ownedByFocus } from '../controls/Transport.tsx';

export function usePhaseKeys(index: number | null, last: number, viewPhase: (index: number | null) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (index === null || e.defaultPrevented || ownedByFocus(e.target, e.key) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'ArrowLeft' && index > 0) {
        e.preventDefault();
        viewPhase(index - 1);
      } else if (e.key === 'ArrowRight' && index < last) {
        e.preventDefault();
        viewPhase(index + 1 === last ? null : index + 1);
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [index, last, viewPhase]);
}
