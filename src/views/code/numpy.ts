/**
 * The current network's training step as NumPy code that runs: the same mathematics as the
 * core (batch-mean loss, per-sample δ, dW = aᵀ·δ / m + the penalty's gradient, db = Σδ / m,
 * then the optimizer's update), in two textbook styles and either convention.
 *
 *   numpyCode(spec, hyper, 'layers' | 'loop', 'row' | 'column')
 *     → { lines, phaseLines }   phaseLines: phase key (phaseLabel: "forward 1", "loss",
 *                                "backward 2", "update") → the 1-based numbers of the lines
 *                                of step() that compute it.
 *
 * The program defines step(); run as a script it trains a random batch for a few steps.
 * Layers style:  step(x, t, params, lr=…, lam=…) → params, loss, cache
 *                (params = {"W1": …, "b1": …, …}, updated in place)
 * Loop style:    step(x, t, weights, biases, lr=…, lam=…) → weights, biases, loss, cache
 * cache = {"z": [...], "a": [...], "delta": [...], "dW": [...], "db": [...]}, layer l at l − 1.
 * lam appears only when the lab regularizes; the defaults are the lab's current values.
 */
import type { Hyperparameters, NetworkSpec } from '../../core/spec.ts';
import { layersCode } from './numpy-layers.ts';
import { loopCode } from './numpy-loop.ts';
import { layout, PythonWriter, type Convention } from './python.ts';

export type CodeStyle = 'layers' | 'loop';
export type { Convention } from './python.ts';

export interface NumpyCode {
  readonly lines: string[];
  readonly phaseLines: Map<string, number[]>;
}

export function numpyCode(spec: NetworkSpec, hyper: Hyperparameters, style: CodeStyle, convention: Convention): NumpyCode {
  const w = new PythonWriter();
  const lay = layout(convention);
  if (style === 'layers') layersCode(w, spec, hyper, lay);
  else loopCode(w, spec, hyper, lay);
  return { lines: w.lines, phaseLines: w.phaseLines };
}
