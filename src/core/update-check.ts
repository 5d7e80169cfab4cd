/**
 * "Parameters changed by this step": takes one step on a copy of a trainer and compares every
 * parameter tensor before and after. A gradient check compares ∂L/∂θ with the loss's
 * derivative; it cannot see an update that is computed but never applied (the bug lab's
 * forgotten b¹ update). This check can: a tensor whose gradient is not zero but none of whose
 * entries moved was not updated.
 */
import type { Batch } from './passes.ts';
import { Trainer } from './trainer.ts';

export interface UpdateCheckTensor {
  /** "W1", "b1", … by weight layer. */
  readonly name: string;
  readonly size: number;
  /** Entries whose gradient is not zero. */
  readonly gradNonzero: number;
  /** Entries whose value changed in the step. */
  readonly changed: number;
  /** max |θ_after − θ_before|. */
  readonly maxAbsChange: number;
  /** The gradient is not zero somewhere but no entry moved. */
  readonly notUpdated: boolean;
}

export interface UpdateCheckReport {
  /** False when the step was refused (it diverged): then nothing moved for that reason. */
  readonly applied: boolean;
  readonly tensors: readonly UpdateCheckTensor[];
}

function compare(name: string, before: Float64Array, after: Float64Array, g: Float64Array): UpdateCheckTensor {
  let gradNonzero = 0;
  let changed = 0;
  let maxAbsChange = 0;
  for (let s = 0; s < before.length; s++) {
    if (g[s] !== 0) gradNonzero++;
    const d = Math.abs(after[s]! - before[s]!);
    if (d > 0) changed++;
    if (d > maxAbsChange) maxAbsChange = d;
  }
  return { name, size: before.length, gradNonzero, changed, maxAbsChange, notUpdated: gradNonzero > 0 && changed === 0 };
}

/** One step of a copy of `trainer` (same weights, hyperparameters and bugs) on `batch`. */
export function updateCheck(trainer: Trainer, batch: Batch): UpdateCheckReport {
  const copy = new Trainer(trainer.network, trainer.hyper);
  copy.setBugs(trainer.bugs);
  const gradients = copy.gradientsOn(batch);
  const { applied } = copy.step(batch);
  const tensors: UpdateCheckTensor[] = [];
  trainer.params.forEach(({ W, b }, i) => {
    tensors.push(compare(`W${i + 1}`, W.data, copy.params[i]!.W.data, gradients[i]!.dW));
    tensors.push(compare(`b${i + 1}`, b, copy.params[i]!.b, gradients[i]!.db));
  });
  return { applied, tensors };
}
