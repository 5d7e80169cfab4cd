/**
 * The input plane (x₁, x₂) a 2-D network is drawn over: its extent and the grid of cell centres
 * the boundary and the unit maps are computed at. Row r of a grid runs along x₁ at height
 * x₂ = top − (r + ½)·Δx₂ (row 0 at the top, as on a canvas); column c is x₁ = left + (c + ½)·Δx₁.
 */
import { zeros, type Matrix } from '../../core/tensor.ts';

export interface Extent {
  readonly x1: readonly [number, number];
  readonly x2: readonly [number, number];
}

/**
 * A square extent around the rows of x (n × 2): the larger of the two ranges plus `margin` of it
 * on every side, centred on the points, so circles stay round. No points: [−1, 1]².
 */
export function planeExtent(x: Matrix, margin = 0.1): Extent {
  let lo1 = Infinity, hi1 = -Infinity, lo2 = Infinity, hi2 = -Infinity;
  for (let i = 0; i < x.rows; i++) {
    const a = x.data[i * x.cols]!;
    const b = x.cols > 1 ? x.data[i * x.cols + 1]! : 0;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    if (a < lo1) lo1 = a;
    if (a > hi1) hi1 = a;
    if (b < lo2) lo2 = b;
    if (b > hi2) hi2 = b;
  }
  if (!(hi1 >= lo1)) return { x1: [-1, 1], x2: [-1, 1] };
  const span = Math.max(hi1 - lo1, hi2 - lo2) || 2; // one point: a unit box around it
  const half = span / 2 + margin * span;
  const c1 = (lo1 + hi1) / 2;
  const c2 = (lo2 + hi2) / 2;
  return { x1: [c1 - half, c1 + half], x2: [c2 - half, c2 + half] };
}

/** The centre (x₁, x₂) of grid cell (row r, column c) of a resolution × resolution grid. */
export function cellCentre(extent: Extent, resolution: number, r: number, c: number): [number, number] {
  const [l, rt] = extent.x1;
  const [b, t] = extent.x2;
  return [l + ((c + 0.5) / resolution) * (rt - l), t - ((r + 0.5) / resolution) * (t - b)];
}

/** The resolution² cell centres as rows of an input matrix (row index r·resolution + c). */
export function gridInputs(extent: Extent, resolution: number): Matrix {
  const x = zeros(resolution * resolution, 2);
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      const [x1, x2] = cellCentre(extent, resolution, r, c);
      const k = 2 * (r * resolution + c);
      x.data[k] = x1;
      x.data[k + 1] = x2;
    }
  }
  return x;
}
