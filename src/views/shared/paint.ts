/**
 * Pure pixel painting for heatmaps (layers, weight tiles, the gradient check's map): a Matrix to
 * RGBA bytes, one pixel per cell, in the one diverging colour scale (blue −max … zero … red
 * +max) of the theme's palette. No DOM, so tests check colours.
 */
import type { Matrix } from '../../core/tensor.ts';
import { colorTable, formatValue, colorRange } from './diverging.ts';
import { LIGHT_SIGNED, type SignedPalette } from './signed-palette.ts';

/** Grey for NaN: not a value, so not a colour of the scale. */
export const NAN_RGB: readonly [number, number, number] = [136, 136, 136];

/**
 * RGBA bytes (rows × cols × 4, row-major like the matrix) for the cells of m over ±max
 * (default max|m|). Values beyond ±max (and ±Infinity) take the end colours.
 */
export function paintCells(m: Matrix, max: number = colorRange(m.data), palette: SignedPalette = LIGHT_SIGNED): Uint8ClampedArray {
  const { lut, index } = colorTable(max, palette);
  const n = m.rows * m.cols;
  const out = new Uint8ClampedArray(n * 4);
  for (let k = 0; k < n; k++) {
    const x = m.data[k]!;
    const o = k * 4;
    out[o + 3] = 255;
    if (Number.isNaN(x)) {
      out[o] = NAN_RGB[0];
      out[o + 1] = NAN_RGB[1];
      out[o + 2] = NAN_RGB[2];
      continue;
    }
    const c = 3 * index(x); // ±Infinity clamp to the ends
    out[o] = lut[c]!;
    out[o + 1] = lut[c + 1]!;
    out[o + 2] = lut[c + 2]!;
  }
  return out;
}

/** Cells per CSS pixel that fit n cells into `box` pixels: an integer in [1, most]. */
export function fitCell(n: number, box: number, most = 24): number {
  return Math.max(1, Math.min(most, Math.floor(box / Math.max(1, n))));
}

/** A signed value for reading: 4 significant digits and a true minus sign (−). */
export function readValue(x: number): string {
  return formatValue(x, 4).replace(/^-/, '−');
}
