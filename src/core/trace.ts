/**
 * A trace: every number one training step computed, copied out of the workspace so it stays
 * valid after the next step. Layer index: layers[l − 1] is weight layer l.
 * Fields appear as the phases that compute them have run.
 */
import type { LossBreakdown } from './passes.ts';
import type { Phase } from './phases.ts';
import type { Matrix } from './tensor.ts';

export interface LayerTrace {
  /** Wˡ and bˡ as used by this step's forward pass (before the update). */
  readonly W: Matrix;
  readonly b: Float64Array;
  /** zˡ = aˡ⁻¹·Wˡ + bˡ (m × nˡ), after forward l. */
  z?: Matrix;
  /** aˡ = f(zˡ), after forward l. */
  a?: Matrix;
  /** δˡ = ∂Lᵢ/∂zˡ per sample (m × nˡ), after backward l. */
  delta?: Matrix;
  /** ∂L/∂Wˡ including the penalty's gradient (nˡ⁻¹ × nˡ), after backward l. */
  dW?: Matrix;
  /** ∂L/∂bˡ (nˡ), after backward l. */
  db?: Float64Array;
  /** ΔWˡ actually added to Wˡ by the update. */
  updateW?: Matrix;
  /** Δbˡ actually added to bˡ by the update. */
  updateB?: Float64Array;
}

export interface Trace {
  /** Number of updates applied before this step (0 for the first step). */
  readonly step: number;
  readonly x: Matrix;
  readonly t: Matrix;
  readonly layers: LayerTrace[];
  /** The prediction y, after the loss phase. */
  y?: Matrix;
  /** Lᵢ per sample, after the loss phase. */
  perSampleLoss?: Float64Array;
  loss?: LossBreakdown;
  /** The phases that had run when the trace was taken, in order. */
  readonly phases: Phase[];
  /** The learning rate the update used, once it has run. */
  learningRate?: number;
}
