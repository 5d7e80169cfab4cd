/**
 * The screen's two notations (ui store `convention`). The core keeps every batch quantity as
 * m × units (one sample per row) and W as n_in × n_out, so z = a·W + b: the row convention. The
 * column convention of most textbooks writes a sample as a column, z = W·a + b, so its W, z, a
 * and δ are the transposes of ours. Views show the core's numbers in either: the entry the core
 * calls [r][c] is written [c][r] in columns, and a matrix is drawn transposed. Nothing here
 * computes; only the layout and the writing change.
 */
import { transposeInto, zeros, type Matrix } from '../../core/tensor.ts';
import type { Convention } from '../../store/ui.ts';

export type { Convention };

/** The two indices of the core's entry [r][c], in the order this convention writes them. */
export function ordered<T>(convention: Convention, r: T, c: T): readonly [T, T] {
  return convention === 'rows' ? [r, c] : [c, r];
}

/** "[r][c]" in rows, "[c][r]" in columns. */
export function indexText(convention: Convention, r: number | string, c: number | string): string {
  const [first, second] = ordered(convention, r, c);
  return `[${first}][${second}]`;
}

/** One of the core's matrices laid out in this convention: itself in rows, its transpose in columns. */
export function laidOut(convention: Convention, m: Matrix): Matrix {
  if (convention === 'rows') return m;
  const t = zeros(m.cols, m.rows);
  transposeInto(m, t);
  return t;
}
