/**
 * The one colour scale for every signed quantity (weights, activations, error terms,
 * gradients, updates): blue below zero, white at zero, red above, symmetric around zero so
 * that equal magnitudes get equal intensity. Views use `divergingScale(colorRange(values))` and show its
 * range with <Legend>.
 */
import { interpolateRdBu, scaleDiverging, type ScaleDiverging } from 'd3';

/**
 * The half-width of a colour scale for the values: their largest finite |x| (0 for none or all
 * zero). Unlike core's colorRange, which is NaN when any entry is not finite (the divergence check
 * needs that), a NaN or infinite cell must not wash out the colours of the finite ones.
 */
export function colorRange(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i]!);
    if (v > m && Number.isFinite(v)) m = v;
  }
  return m;
}

/** Blue (−m) … white (0) … red (+m). A zero range still maps 0 to white. */
export function divergingScale(m: number): ScaleDiverging<string> {
  const r = m > 0 && Number.isFinite(m) ? m : 1;
  return scaleDiverging<string>((t) => interpolateRdBu(1 - t)).domain([-r, 0, r]).clamp(true);
}

/** The scale's colour as [r, g, b] bytes, for writing canvas pixels. */
export function rgbBytes(scale: ScaleDiverging<string>, x: number): [number, number, number] {
  const c = scale(x);
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(c);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  return [128, 128, 128];
}

/** Entries of the lookup table: odd, so that entry 128 is exactly 0 and ±x are mirror entries. */
export const TABLE_SIZE = 257;

/** A lookup table over [−m, m] for painting many cells fast. */
export function colorTable(m: number): { lut: Uint8ClampedArray; index(x: number): number } {
  const scale = divergingScale(m);
  const r = m > 0 && Number.isFinite(m) ? m : 1;
  const last = TABLE_SIZE - 1;
  const lut = new Uint8ClampedArray(TABLE_SIZE * 3);
  for (let i = 0; i < TABLE_SIZE; i++) {
    const [cr, cg, cb] = rgbBytes(scale, -r + (2 * r * i) / last);
    lut[i * 3] = cr;
    lut[i * 3 + 1] = cg;
    lut[i * 3 + 2] = cb;
  }
  return {
    lut,
    index: (x) => (Number.isNaN(x) ? last / 2 : Math.max(0, Math.min(last, Math.round(((x + r) / (2 * r)) * last)))),
  };
}

/** A number with about `digits` significant digits, compact for labels. */
export function formatValue(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e4 || a < 1e-3 ? x.toExponential(digits - 1) : Number(x.toPrecision(digits)).toString();
}
