/**
 * Loss and accuracy of a network over a whole data set, computed in chunks so that 60 000
 * MNIST images need no more memory than 1 000.
 * Accuracy: argmax(y) = argmax(t) for several outputs; (y ≥ 0.5) = (t ≥ 0.5) for one output.
 */
import type { LayerParams } from './network.ts';
import { computeLoss, createWorkspace, forwardLayer, predictOutput, type Workspace } from './passes.ts';
import { depth, type NetworkSpec } from './spec.ts';
import { argmaxRow, type Matrix } from './tensor.ts';

/** Rows that are not one matrix in memory (e.g. pixels kept as bytes), handed out a range at a time. */
export interface RowRanges {
  readonly rows: number;
  /** Rows start … end − 1 as a matrix, valid until the next call. */
  rowsAt(start: number, end: number): Matrix;
}

function rowsOf(x: Matrix | RowRanges, start: number, end: number): Matrix {
  return 'data' in x ? rowsView(x, start, end) : x.rowsAt(start, end);
}

export interface Evaluation {
  /** Mean data loss (no penalty) over the samples. */
  readonly loss: number;
  /** Fraction of samples classified correctly, in [0, 1]. */
  readonly accuracy: number;
  readonly correct: number;
  readonly count: number;
}

/** Number of rows of y whose predicted class matches t's. */
export function countCorrect(y: Matrix, t: Matrix): number {
  let correct = 0;
  if (y.cols === 1) {
    for (let i = 0; i < y.rows; i++) if (y.data[i]! >= 0.5 === t.data[i]! >= 0.5) correct++;
  } else {
    for (let i = 0; i < y.rows; i++) if (argmaxRow(y, i) === argmaxRow(t, i)) correct++;
  }
  return correct;
}

function rowsView(m: Matrix, start: number, end: number): Matrix {
  return { rows: end - start, cols: m.cols, data: m.data.subarray(start * m.cols, end * m.cols) };
}

const NO_PENALTY = { kind: 'none', lambda: 0 } as const;

/** Predictions y for every row of x. */
export function predict(spec: NetworkSpec, params: readonly LayerParams[], x: Matrix | RowRanges, chunk = 1000): Matrix {
  const k = spec.layers[spec.layers.length - 1]!.units;
  const y: Matrix = { rows: x.rows, cols: k, data: new Float64Array(x.rows * k) };
  forEachChunk(spec, params, x, chunk, (ws, start) => {
    predictOutput(spec, ws);
    y.data.set(ws.y.data, start * k);
  });
  return y;
}

export function evaluate(spec: NetworkSpec, params: readonly LayerParams[], x: Matrix | RowRanges, t: Matrix, chunk = 1000): Evaluation {
  return finish(evaluationSteps(spec, params, x, t, chunk));
}

/** Runs steps to their end and returns what they return. */
export function finish<R>(steps: Generator<unknown, R, void>): R {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * evaluate as steps: yields after each chunk of rows (the rows done so far), so a caller can
 * answer messages between chunks; the same sums in the same order, so the same figures.
 */
export function* evaluationSteps(
  spec: NetworkSpec,
  params: readonly LayerParams[],
  x: Matrix | RowRanges,
  t: Matrix,
  chunk = 1000,
): Generator<number, Evaluation, void> {
  if (x.rows !== t.rows) throw new RangeError(`x has ${x.rows} rows but t has ${t.rows}`);
  let lossSum = 0;
  let correct = 0;
  let ws: Workspace | null = null;
  for (let start = 0; start < x.rows; start += chunk) {
    const end = Math.min(x.rows, start + chunk);
    ws = forwardChunk(spec, params, x, ws, start, end);
    const tc = rowsView(t, start, end);
    lossSum += computeLoss(spec, params, NO_PENALTY, ws, tc).data * (end - start);
    correct += countCorrect(ws.y, tc);
    if (end < x.rows) yield end;
  }
  const count = x.rows;
  return { loss: count ? lossSum / count : NaN, accuracy: count ? correct / count : NaN, correct, count };
}

/** The forward pass over rows start … end − 1, in `ws` (or a new workspace when its size differs). */
function forwardChunk(spec: NetworkSpec, params: readonly LayerParams[], x: Matrix | RowRanges, ws: Workspace | null, start: number, end: number): Workspace {
  const w = ws === null || ws.m !== end - start ? createWorkspace(spec, end - start) : ws;
  const xc = rowsOf(x, start, end);
  for (let l = 1; l <= depth(spec); l++) forwardLayer(spec, params, w, xc, l);
  return w;
}

function forEachChunk(
  spec: NetworkSpec,
  params: readonly LayerParams[],
  x: Matrix | RowRanges,
  chunk: number,
  visit: (ws: Workspace, start: number, end: number) => void,
): void {
  let ws: Workspace | null = null;
  for (let start = 0; start < x.rows; start += chunk) {
    const end = Math.min(x.rows, start + chunk);
    ws = forwardChunk(spec, params, x, ws, start, end);
    visit(ws, start, end);
  }
}
