/**
 * The history as of the last animation frame.
 *
 * `useHistory((s) => s.version)` re-renders the caller on every change of the history, which
 * is cheap (a few hooks). The snapshot this returns changes at most once per animation frame:
 * a change schedules a requestAnimationFrame (a newer change before the frame replaces the
 * request, which still fires at that frame), and only then is the new snapshot set. So a view
 * memoised on the snapshot redraws at most once per frame however many metrics batches the
 * worker sends in between, and not at all while the page is hidden.
 *
 * `loss` is mutated in place by the store, so the chart reads it when drawing; `evaluations`
 * and `rateChanges` are replaced on change, so the snapshot holds them as they were.
 */
import { useEffect, useState } from 'react';
import type { HistoryState } from '../../store/history.ts';
import { useHistory } from '../lab-context.tsx';

export interface HistoryFrame {
  readonly version: number;
  readonly loss: HistoryState['loss'];
  readonly evaluations: HistoryState['evaluations'];
  readonly rateChanges: HistoryState['rateChanges'];
}

export function useFrameHistory(): HistoryFrame {
  const version = useHistory((s) => s.version);
  const loss = useHistory((s) => s.loss);
  const evaluations = useHistory((s) => s.evaluations);
  const rateChanges = useHistory((s) => s.rateChanges);
  const [frame, setFrame] = useState<HistoryFrame>(() => ({ version, loss, evaluations, rateChanges }));
  useEffect(() => {
    if (frame.version === version) return;
    const id = requestAnimationFrame(() => setFrame({ version, loss, evaluations, rateChanges }));
    return () => cancelAnimationFrame(id);
  }, [frame.version, version, loss, evaluations, rateChanges]);
  return frame;
}
