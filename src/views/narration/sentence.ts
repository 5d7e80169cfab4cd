/**
 * The sentence that narrates a phase, with the live numbers of one unit (or weight) taken from
 * the trace: which message, and its parameters already formatted. The unit is the selected one
 * when it lies in the phase's layer, else the one with the largest |value| for the sample.
 */
import { activation, type ActivationName } from '../../core/activations.ts';
import { loss as lossOf } from '../../core/losses.ts';
import type { Phase } from '../../core/phases.ts';
import type { NetworkSpec } from '../../core/spec.ts';
import type { Matrix } from '../../core/tensor.ts';
import type { Trace } from '../../core/trace.ts';
import type { Selection } from '../../store/ui.ts';
import { indexText, type Convention } from '../shared/convention.ts';
import { formatEngineering as f } from '../shared/diverging.ts';
import { sup } from '../shared/notation.ts';
import { worked } from '../shared/worked.ts';

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
export function sub(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUBSCRIPT[Number(d)])
    .join('');
}

export type NarrationKey =
  | 'forward'
  | 'forward.identity'
  | 'loss'
  | 'backward.output'
  | 'backward.output.squared'
  | 'backward.hidden'
  | 'update.sgd'
  | 'update.other';

/** The unit or weight whose numbers the sentence quotes (the graph shows and marks it). */
export type Narrated = { readonly kind: 'unit'; readonly layer: number; readonly unit: number } | { readonly kind: 'weight'; readonly layer: number; readonly i: number; readonly j: number };

export interface Narration {
  readonly key: NarrationKey;
  readonly params: Record<string, string | number>;
  readonly about: Narrated;
}

/** A shown number written after an operator: negative ones in parentheses, "1.2 × (−0.5)". */
const paren = (s: string) => (s.startsWith('−') ? `(${s})` : s);

/** A worked line's operands and result: the result as the graph labels it, the operands with the digits that reproduce it. */
const work = (operands: readonly number[], compute: (xs: readonly number[]) => number, result: number) => worked(operands, compute, result, f, 3);

const at = (m: Matrix, i: number, j: number) => m.data[i * m.cols + j]!;

/** Index of the largest |x| in row k of m. */
function largestIn(m: Matrix, k: number): number {
  let best = 0;
  for (let j = 1; j < m.cols; j++) if (Math.abs(at(m, k, j)) > Math.abs(at(m, k, best))) best = j;
  return best;
}

function unitOf(selection: Selection, layer: number, m: Matrix, k: number): number {
  return selection?.kind === 'unit' && selection.layer === layer && selection.unit < m.cols ? selection.unit : largestIn(m, k);
}

/** f'(z) of one unit, as the core computes it. */
function slope(name: ActivationName, z: number, a: number): number {
  const out = new Float64Array(1);
  activation(name).derivative(Float64Array.of(z), Float64Array.of(a), out);
  return out[0]!;
}

/**
 * The narration of `phase` for sample k of a trace cut at that phase, a weight's indices written
 * in the screen's convention; null when the trace lacks its numbers.
 */
export function narrate(phase: Phase, trace: Trace, spec: NetworkSpec, k: number, selection: Selection, convention: Convention = 'rows'): Narration | null {
  const L = spec.layers.length - 1;
  switch (phase.kind) {
    case 'forward': {
      const l = phase.layer;
      const lt = trace.layers[l - 1]!;
      if (lt.z === undefined || lt.a === undefined) return null;
      const j = unitOf(selection, l, lt.a, k);
      const fn = spec.layers[l]!.activation ?? 'identity';
      const params = { l, z: `z${sup(l)}${sub(j)}`, a: `a${sup(l)}${sub(j)}`, f: fn, zv: f(at(lt.z, k, j)), av: f(at(lt.a, k, j)), k };
      return { key: fn === 'identity' ? 'forward.identity' : 'forward', params, about: { kind: 'unit', layer: l, unit: j } };
    }
    case 'loss': {
      if (trace.y === undefined || trace.perSampleLoss === undefined || trace.loss === undefined) return null;
      const j = trace.t.cols > 1 ? largestIn(trace.t, k) : 0;
      const name = trace.t.cols > 1 ? sub(j) : '';
      const params = { k, j: name, y: f(at(trace.y, k, j)), t: f(at(trace.t, k, j)), li: f(trace.perSampleLoss[k]!), loss: f(trace.loss.total) };
      return { key: 'loss', params, about: { kind: 'unit', layer: L, unit: j } };
    }
    case 'backward': {
      const l = phase.layer;
      const lt = trace.layers[l - 1]!;
      if (lt.delta === undefined) return null;
      const j = unitOf(selection, l, lt.delta, k);
      const d = `δ${sup(l)}${sub(j)}`;
      if (l === L) {
        if (trace.y === undefined) return null;
        const y = at(trace.y, k, j);
        const t = at(trace.t, k, j);
        const delta = at(lt.delta, k, j);
        const about = { kind: 'unit', layer: l, unit: j } as const;
        const factor = lossOf(spec.loss).deltaFactor;
        if (factor !== undefined) {
          const fn = spec.layers[l]!.activation ?? 'identity';
          const s = slope(fn, at(lt.z!, k, j), at(lt.a!, k, j));
          const value = factor.value(trace.t.cols);
          const line = work([value, y, t, s], ([c, yv, tv, sv]) => c! * (yv! - tv!) * sv!, delta);
          const [cv, ys, ts, ss] = line.operands as [string, string, string, string];
          const c = value === 1 ? '' : `${cv} × `;
          return { key: 'backward.output.squared', params: { l, d, y: ys, t: paren(ts), delta: line.result, k, c, slope: paren(ss), f: fn }, about };
        }
        const line = work([y, t], ([yv, tv]) => yv! - tv!, delta);
        return { key: 'backward.output', params: { l, d, y: line.operands[0]!, t: paren(line.operands[1]!), delta: line.result, k }, about };
      }
      const above = trace.layers[l]!;
      if (above.delta === undefined || lt.z === undefined || lt.a === undefined) return null;
      let sum = 0;
      for (let q = 0; q < above.delta.cols; q++) sum += at(above.W, j, q) * at(above.delta, k, q);
      const fn = spec.layers[l]!.activation ?? 'identity';
      const line = work([sum, slope(fn, at(lt.z, k, j), at(lt.a, k, j))], ([sv, fv]) => sv! * fv!, at(lt.delta, k, j));
      const params = { l, d, f: fn, sum: line.operands[0]!, slope: paren(line.operands[1]!), delta: line.result, k };
      return { key: 'backward.hidden', params, about: { kind: 'unit', layer: l, unit: j } };
    }
    case 'update': {
      // The weight that moved most in the last layer, or the selected weight.
      let best = { l: L, i: 0, j: 0, size: -1 };
      if (selection?.kind === 'weight') best = { l: selection.layer, i: selection.i, j: selection.j, size: 0 };
      else
        for (let l = 1; l <= L; l++) {
          const u = trace.layers[l - 1]!.updateW;
          if (u === undefined) return null;
          for (let s = 0; s < u.data.length; s++)
            if (Math.abs(u.data[s]!) > best.size) best = { l, i: Math.floor(s / u.cols), j: s % u.cols, size: Math.abs(u.data[s]!) };
        }
      const lt = trace.layers[best.l - 1];
      if (lt?.updateW === undefined || lt.dW === undefined) return null;
      const w = at(lt.W, best.i, best.j);
      const dw = at(lt.dW, best.i, best.j);
      const update = at(lt.updateW, best.i, best.j);
      const eta = trace.learningRate ?? NaN;
      const name = `W${sup(best.l)}${indexText(convention, best.i, best.j)}`;
      const about = { kind: 'weight', layer: best.l, i: best.i, j: best.j } as const;
      // Plain gradient descent when the update is −η·∂L/∂W (up to rounding); else the optimizer's own ΔW.
      // The result is the weight the update left, w + Δw.
      if (Math.abs(update + eta * dw) <= 1e-9 * Math.abs(update)) {
        const line = work([w, eta, dw], ([wv, e, g]) => wv! - e! * g!, w + update);
        const [wv, e, g] = line.operands as [string, string, string];
        return { key: 'update.sgd', params: { w: name, wv, eta: f(eta), etaWorked: e, dw: paren(g), next: line.result }, about };
      }
      const line = work([w, update], ([wv, u]) => wv! + u!, w + update);
      return { key: 'update.other', params: { w: name, wv: line.operands[0]!, update: paren(line.operands[1]!), next: line.result }, about };
    }
  }
}
