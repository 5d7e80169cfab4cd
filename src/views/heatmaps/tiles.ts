/** The weight tiles' arithmetic: a column of W¹ as the input image it weighs, and one colour range for all tiles. */
import type { Matrix } from '../../core/tensor.ts';

/**
 * Column j of W (the weights into unit j, one per input pixel) laid out as the side × side
 * image its inputs came from: pixel k = W[k][j].
 */
export function columnImage(W: Matrix, j: number, side: number): Matrix {
  const data = new Float64Array(side * side);
  for (let k = 0; k < data.length; k++) data[k] = W.data[k * W.cols + j]!;
  return { rows: side, cols: side, data };
}

/** max|W[i][j]| over the first `count` columns: one shared range for a grid of tiles. */
export function maxAbsColumns(W: Matrix, count: number): number {
  let m = 0;
  for (let i = 0; i < W.rows; i++) {
    const row = i * W.cols;
    for (let j = 0; j < count; j++) {
      const v = Math.abs(W.data[row + j]!);
      if (v > m && Number.isFinite(v)) m = v;
    }
  }
  return m;
}
