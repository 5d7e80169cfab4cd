/**
 * The trace file (`backprop-lab/trace@1`): every number one step computed, as JSON. Written by
 * the CLI's `trace` command and by the lab's Save menu, from the same function.
 */
import type { BugName } from '../core/bugs.ts';
import type { Regularization } from '../core/spec.ts';
import { toRows, type Matrix } from '../core/tensor.ts';
import type { Trace } from '../core/trace.ts';

const rows = (m: Matrix | undefined) => (m === undefined ? undefined : toRows(m));
const list = (v: Float64Array | undefined) => (v === undefined ? undefined : Array.from(v));

/**
 * `after`: the parameters once the step's update has been applied (layer l at index l − 1), or
 * null for a trace without them (the CLI without --apply, or a step not yet applied).
 * `bugs`: the bug lab's mistakes the step ran with, listed when there are any.
 */
export function traceToJson(
  trace: Trace,
  regularization: Regularization,
  after: readonly { readonly W: Matrix; readonly b: Float64Array }[] | null,
  bugs: readonly BugName[] = [],
): object {
  return {
    format: 'backprop-lab/trace@1',
    ...(bugs.length > 0 ? { bugs } : {}),
    convention: 'row vectors: z = a·W + b, W[i][j] from unit i below to unit j above; delta = dL_i/dz per sample; dW = (1/m)·aᵀ·delta + penalty gradient',
    regularization,
    loss: trace.loss,
    y: rows(trace.y),
    layers: trace.layers.map((l, i) => ({
      layer: i + 1,
      z: rows(l.z),
      a: rows(l.a),
      delta: rows(l.delta),
      dW: rows(l.dW),
      db: list(l.db),
      ...(after === null ? {} : { updateW: rows(l.updateW), updateB: list(l.updateB), W: toRows(after[i]!.W), b: Array.from(after[i]!.b) }),
    })),
    ...(trace.learningRate === undefined ? {} : { learningRate: trace.learningRate }),
  };
}
