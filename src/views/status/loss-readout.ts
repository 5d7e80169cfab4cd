/**
 * The status line's loss, and whose it is. Stepping by phase, from the loss phase on it is the
 * batch loss of the step on screen; before it, that step's loss is not computed yet and the
 * previous step's is shown, named. Before any step, it is the loss on the whole training set
 * measured with the first accuracy (both known at step 0).
 */
import type { ShownPhase } from '../shared/shown-phase.ts';

export interface LossSources {
  /** The batch loss of the step the latest trace holds (null before its loss phase). */
  readonly traceLoss: number | null;
  /** The latest two steps' batch losses from the history (null where there is none), the latest last. */
  readonly recent: readonly [number | null, number | null];
  /** Updates the engine has applied. */
  readonly stepsTaken: number;
  /** The latest evaluation: its step and training-set loss. */
  readonly evaluation: { readonly iteration: number; readonly loss: number | null } | null;
}

export interface LossReadout {
  readonly value: number | null;
  /** The step whose loss it is (0: before training, on the whole training set), or null when none is shown. */
  readonly step: number | null;
  readonly source: 'batch' | 'training-set';
}

const NONE: LossReadout = { value: null, step: null, source: 'batch' };

export function lossReadout(shown: ShownPhase | null, s: LossSources): LossReadout {
  const atStart = (): LossReadout =>
    s.evaluation !== null && s.evaluation.iteration === 0 && s.evaluation.loss !== null ? { value: s.evaluation.loss, step: 0, source: 'training-set' } : NONE;
  if (shown === null) {
    const latest = s.recent[1];
    return latest !== null ? { value: latest, step: s.stepsTaken, source: 'batch' } : s.stepsTaken === 0 ? atStart() : NONE;
  }
  if (shown.lossKnown) return s.traceLoss !== null ? { value: s.traceLoss, step: shown.step, source: 'batch' } : NONE;
  const previous = shown.step - 1;
  if (previous === 0) return atStart();
  // The history holds step `stepsTaken` last: the previous step's loss is its latest point while
  // the step on screen is under way, the one before once its update has run (viewing back with ←).
  const value = s.stepsTaken === previous ? s.recent[1] : s.stepsTaken === shown.step ? s.recent[0] : null;
  return value !== null ? { value, step: previous, source: 'batch' } : NONE;
}
