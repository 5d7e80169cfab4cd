/**
 * Weight penalties (never on biases), as in the classic two-layer-net code:
 *   L2: penalty ½·λ·Σ W²,  gradient λ·W
 *   L1: penalty λ·Σ |W|,   gradient λ·sign(W)   (sign(0) = 0)
 */
import type { LayerParams } from './network.ts';
import type { Regularization } from './spec.ts';

export function penalty(reg: Regularization, params: readonly LayerParams[]): number {
  if (reg.kind === 'none' || reg.lambda === 0) return 0;
  let sum = 0;
  for (const { W } of params) {
    const w = W.data;
    if (reg.kind === 'l2') for (let s = 0; s < w.length; s++) sum += w[s]! * w[s]!;
    else for (let s = 0; s < w.length; s++) sum += Math.abs(w[s]!);
  }
  return reg.kind === 'l2' ? 0.5 * reg.lambda * sum : reg.lambda * sum;
}

/** True when the penalty adds to the gradient (a kind other than none, with λ ≠ 0). */
export function penaltyAdds(reg: Regularization): boolean {
  return reg.kind !== 'none' && reg.lambda !== 0;
}

/** dW += ∂penalty/∂W for one layer. */
export function addPenaltyGradient(reg: Regularization, W: Float64Array, dW: Float64Array): void {
  if (!penaltyAdds(reg)) return;
  const lambda = reg.lambda;
  if (reg.kind === 'l2') for (let s = 0; s < W.length; s++) dW[s] += lambda * W[s]!;
  else for (let s = 0; s < W.length; s++) dW[s] += lambda * Math.sign(W[s]!);
}
