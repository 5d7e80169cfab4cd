/** Shipping a small data set's points to the screen for plotting. */
import { zeros, type Matrix } from '../core/tensor.ts';
import { isBytes } from '../data/features.ts';
import type { ExperimentData } from '../presets/data-source.ts';
import { MAX_SHIPPED_POINTS } from '../core/limits.ts';
import type { DataPoints } from './protocol.ts';

/** The data's points when they are few and low-dimensional enough to plot. */
export function pointsOf(data: ExperimentData): { points?: DataPoints } {
  const parts = [data.train, ...(data.test ? [data.test] : [])];
  const n = parts.reduce((s, d) => s + d.x.rows, 0);
  const d = data.train.x.cols;
  if (d > 2 || n > MAX_SHIPPED_POINTS) return {};
  const matrices = parts.map((part) => part.x);
  if (!matrices.every((x): x is Matrix => !isBytes(x))) return {}; // pixels are never 1-D or 2-D
  const x = zeros(n, d);
  const y = new Float64Array(n);
  const test = new Uint8Array(n);
  let offset = 0;
  parts.forEach((part, p) => {
    x.data.set(matrices[p]!.data, offset * d);
    for (let i = 0; i < part.x.rows; i++) {
      y[offset + i] = part.kind === 'classification' ? part.labels[i]! : part.y.data[i * part.y.cols]!;
      test[offset + i] = p;
    }
    offset += part.x.rows;
  });
  return { points: { x, y, test, kind: data.train.kind } };
}
