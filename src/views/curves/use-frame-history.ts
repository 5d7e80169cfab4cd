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
import { useEffect, useRef, useState } from 'react';
import type { HistoryState } from '../../store/history.ts';
import { useHistory } from '../lab-context.tsx';

export interface HistoryFrame {
  readonly version: number;
  readonly loss: HistoryState['loss'];
  readonly twinLoss: HistoryState['twinLoss'];
  readonly evaluations: HistoryState['evaluations'];
  readonly rateChanges: HistoryState['rateChanges'];
}

/** minIntervalMs: while training runs free, draw at most this often (0: every frame). */
export function useFrameHistory(minIntervalMs = 0): HistoryFrame {
  const version = useHistory((s) => s.version);
  const loss = useHistory((s) => s.loss);
  const twinLoss = useHistory((s) => s.twinLoss);
  const evaluations = useHistory((s) => s.evaluations);
  const rateChanges = useHistory((s) => s.rateChanges);
  const [frame, setFrame] = useState<HistoryFrame>(() => ({ version, loss, twinLoss, evaluations, rateChanges }));
  const lastDraw = useRef(-Infinity);
  useEffect(() => {
    if (frame.version === version) return;
    let raf = 0;
    const draw = () => {
      raf = requestAnimationFrame(() => {
        lastDraw.current = performance.now();
        setFrame({ version, loss, twinLoss, evaluations, rateChanges });
      });
    };
    // The deadline counts from the last draw, so newer changes never postpone it.
    const wait = lastDraw.current + minIntervalMs - performance.now();
    const timer = wait > 0 ? setTimeout(draw, wait) : (draw(), null);
    return () => {
      if (timer !== null) clearTimeout(timer);
      cancelAnimationFrame(raf);
    };
  }, [frame.version, version, loss, twinLoss, evaluations, rateChanges, minIntervalMs]);
  return frame;
}
