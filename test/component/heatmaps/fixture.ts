/** A known trace of the planar 2-4-1 network (m = 3 samples) for the heatmap tests. */
import type { Phase } from '../../../src/core/phases.ts';
import type { Matrix } from '../../../src/core/tensor.ts';
import type { LayerTrace, Trace } from '../../../src/core/trace.ts';
import type { Event } from '../../../src/engine/protocol.ts';

export function matrix(rows: number, cols: number, f: (i: number, j: number) => number): Matrix {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] = f(i, j);
  return { rows, cols, data };
}

const M = 3;
const UNITS = [2, 4, 1];

/** Entries chosen so that δ¹[2][3] = −0.0123 and W¹[1][2] = 0.35 can be read back exactly. */
function layer(l: number, upTo: 'forward' | 'backward' | 'update'): LayerTrace {
  const nIn = UNITS[l - 1]!;
  const n = UNITS[l]!;
  const z = matrix(M, n, (i, j) => (i - j) * 0.5 + l);
  const out: LayerTrace = {
    W: matrix(nIn, n, (i, j) => 0.1 * (i + 1) + 0.05 * j - 0.2 * (l - 1)),
    b: new Float64Array(n),
    z,
    a: matrix(M, n, (i, j) => Math.tanh(z.data[i * n + j]!)),
  };
  if (upTo === 'forward') return out;
  out.delta = matrix(M, n, (i, j) => (i === 2 && j === 3 ? -0.0123 : 0.01 * (j - i)));
  out.dW = matrix(nIn, n, (i, j) => 0.02 * (i - j));
  out.db = new Float64Array(n);
  if (upTo === 'backward') return out;
  out.updateW = matrix(nIn, n, (i, j) => -1.2 * 0.02 * (i - j));
  out.updateB = new Float64Array(n);
  return out;
}

/** A trace of the whole step, or one stopped after forward 1 (z¹, a¹ only). */
export function knownTrace(upTo: 'forward 1' | 'step'): Trace {
  const phases: Phase[] =
    upTo === 'forward 1'
      ? [{ kind: 'forward', layer: 1 }]
      : [{ kind: 'forward', layer: 1 }, { kind: 'forward', layer: 2 }, { kind: 'loss' }, { kind: 'backward', layer: 2 }, { kind: 'backward', layer: 1 }, { kind: 'update' }];
  const layers = upTo === 'forward 1' ? [layer(1, 'forward'), { W: matrix(4, 1, () => 0.3), b: new Float64Array(1) }] : [layer(1, 'update'), layer(2, 'update')];
  return { step: 0, x: matrix(M, 2, (i, j) => i + j), t: matrix(M, 1, () => 1), layers, phases };
}

/** The current weights after the step: W¹[i][j] = 0.1·i + 0.1·j + 0.05, so W¹[1][2] = 0.35. */
export function knownParams() {
  return [
    { W: matrix(2, 4, (i, j) => 0.1 * i + 0.1 * j + 0.05), b: new Float64Array(4) },
    { W: matrix(4, 1, (i) => -0.25 * i), b: new Float64Array(1) },
  ];
}

export function snapshot(trace: Trace | null, params = knownParams()): Event {
  return { type: 'snapshot', step: 1, epoch: 1, phase: null, params, trace };
}

/** A fake 2-D context that records what is put into the canvas. */
export function recordingContext() {
  const puts: { data: Uint8ClampedArray; width: number; height: number }[] = [];
  const ctx = {
    createImageData: (width: number, height: number) => ({ width, height, data: new Uint8ClampedArray(width * height * 4) }),
    putImageData: (image: { data: Uint8ClampedArray; width: number; height: number }) => puts.push(image),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, puts };
}

/** Lays a canvas out at (left, top) with the given CSS size, as a browser would. */
export function layOut(el: Element, left: number, top: number, width: number, height: number) {
  el.getBoundingClientRect = () => ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) }) as DOMRect;
}
