/**
 * What the graph draws for a phase, taken from the trace: one quantity for the units (a
 * forward, δ from the backward phases on) and one for the weights (W, then ∂L/∂W, then the
 * applied ΔW), per layer, with each layer's largest |value|. Layers the phase has not reached
 * have no values (drawn neutral). Colour scales are one per quantity shared by all layers, or
 * one per layer when asked.
 */
import type { Phase } from '../../core/phases.ts';
import type { Matrix } from '../../core/tensor.ts';
import type { Trace } from '../../core/trace.ts';
import { colorRange, signedColour, type ColourMode } from '../shared/diverging.ts';
import { LIGHT_SIGNED, type SignedPalette } from '../shared/signed-palette.ts';

export type UnitQuantity = 'a' | 'delta';
export type EdgeQuantity = 'W' | 'dW' | 'updateW';

/** What the units show in a phase (null: between steps, activations). */
export function unitQuantity(phase: Phase | null): UnitQuantity {
  return phase !== null && (phase.kind === 'backward' || phase.kind === 'update') ? 'delta' : 'a';
}

/** What the weights show in a phase. */
export function edgeQuantity(phase: Phase | null): EdgeQuantity {
  if (phase === null) return 'W';
  return phase.kind === 'update' ? 'updateW' : phase.kind === 'backward' ? 'dW' : 'W';
}

export interface LayerValues {
  /** Each unit's value for the focused sample (or the batch mean); null when not computed yet. */
  readonly units: Float64Array | null;
  readonly unitMax: number;
  /** Weight layer l's values (row i: unit below, column j: unit above); null for layer 0 or not yet. */
  readonly edges: Matrix | null;
  readonly edgeMax: number;
}

/** Row k of m, or the mean of its rows with k = 'mean'. */
export function rowOf(m: Matrix, k: number | 'mean'): Float64Array {
  if (k !== 'mean') return m.data.subarray(k * m.cols, (k + 1) * m.cols);
  const mean = new Float64Array(m.cols);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) mean[j]! += m.data[i * m.cols + j]!;
  for (let j = 0; j < m.cols; j++) mean[j]! /= m.rows;
  return mean;
}

/** The values of every layer 0..L for a trace cut at its phase (see traceAtPhase). */
export function graphValues(trace: Trace, phase: Phase | null, focus: number | 'mean'): LayerValues[] {
  const uq = unitQuantity(phase);
  const eq = edgeQuantity(phase);
  const L = trace.layers.length;
  const out: LayerValues[] = [];
  for (let l = 0; l <= L; l++) {
    const lt = l === 0 ? undefined : trace.layers[l - 1]!;
    const unitMatrix = l === 0 ? (uq === 'a' ? trace.x : undefined) : uq === 'a' ? lt!.a : lt!.delta;
    const units = unitMatrix === undefined ? null : rowOf(unitMatrix, focus);
    const edges = lt === undefined ? null : (lt[eq] ?? null);
    out.push({ units, unitMax: units === null ? 0 : colorRange(units), edges, edgeMax: edges === null ? 0 : colorRange(edges.data) });
  }
  return out;
}

export interface GraphColours {
  /** Range of the units' scale and of the weights' scale (the largest over all layers). */
  readonly unitMax: number;
  readonly edgeMax: number;
  readonly unit: ((x: number) => string)[];
  readonly edge: ((x: number) => string)[];
  /** The range each layer's colours span (the shared range, or the layer's own). */
  readonly unitRange: number[];
  readonly edgeRange: number[];
}

/**
 * One colour scale per quantity shared by all layers, or (scaling 'layer') one per layer. Units
 * not drawn on the scale (an input drawn as an image, `onScale` false) do not set its range.
 */
export function graphColours(
  values: readonly LayerValues[],
  scaling: 'shared' | 'layer',
  mode: ColourMode,
  palette: SignedPalette = LIGHT_SIGNED,
  onScale: (layer: number) => boolean = () => true,
): GraphColours {
  const unitMax = Math.max(0, ...values.map((v, l) => (onScale(l) ? v.unitMax : 0)));
  const edgeMax = Math.max(0, ...values.map((v) => v.edgeMax));
  const unitRange = values.map((v) => (scaling === 'shared' ? unitMax : v.unitMax));
  const edgeRange = values.map((v) => (scaling === 'shared' ? edgeMax : v.edgeMax));
  return {
    unitMax,
    edgeMax,
    unitRange,
    edgeRange,
    unit: unitRange.map((r) => signedColour(r, mode, palette)),
    edge: edgeRange.map((r) => signedColour(r, mode, palette)),
  };
}
