/**
 * The one colour scale for every signed quantity (weights, activations, error terms,
 * gradients, updates): blue below zero, red above, and zero the colour of the background the views
 * draw on, so that zero is the least visible colour in either theme and intensity grows with
 * |x|. Symmetric around zero: equal magnitudes get equal intensity. Views take the theme's
 * palette (useSignedPalette), use `divergingScale(colorRange(values), palette)` and show its
 * range with <Legend>.
 */
import { scaleDiverging, type ScaleDiverging } from 'd3';
import { LIGHT_SIGNED, signedInterpolator, type SignedPalette } from './signed-palette.ts';

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

/** Blue (−m) … the palette's zero (0) … red (+m). A zero range still maps 0 to the zero colour. */
export function divergingScale(m: number, palette: SignedPalette = LIGHT_SIGNED): ScaleDiverging<string> {
  const r = m > 0 && Number.isFinite(m) ? m : 1;
  const colour = signedInterpolator(palette);
  return scaleDiverging<string>((t) => colour(2 * t - 1)).domain([-r, 0, r]).clamp(true);
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
export function colorTable(m: number, palette: SignedPalette = LIGHT_SIGNED): { lut: Uint8ClampedArray; index(x: number): number } {
  const scale = divergingScale(m, palette);
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

/**
 * How a signed value becomes a colour: `linear` (position x / m) or `symlog`, a symmetric
 * logarithm spanning SYMLOG_DECADES decades below m, for quantities whose sizes differ by
 * orders of magnitude (error terms deep in a sigmoid net).
 */
export type ColourMode = 'linear' | 'symlog';
export const SYMLOG_DECADES = 6;
/**
 * Positions closer to zero than this (a fraction of the half-range) are drawn exactly as zero:
 * the eye cannot tell the colours of smaller steps from the zero colour, so the scale says so instead of
 * pretending to resolve them.
 */
export const RESOLUTION = 1 / 128;

/** Where x sits on a scale of range ±m, from −1 to 1 (0 below the resolution). */
export function scalePosition(x: number, m: number, mode: ColourMode): number {
  if (!Number.isFinite(x) || !(m > 0) || !Number.isFinite(m)) return 0;
  let p: number;
  if (mode === 'linear') p = x / m;
  else {
    const c = m * 10 ** -SYMLOG_DECADES;
    p = (Math.sign(x) * Math.log1p(Math.abs(x) / c)) / Math.log1p(m / c);
  }
  if (Math.abs(p) < RESOLUTION) return 0;
  return Math.max(-1, Math.min(1, p));
}

/** The smallest |x| a scale of range ±m draws as different from zero. */
export function resolutionOf(m: number, mode: ColourMode): number {
  if (!(m > 0) || !Number.isFinite(m)) return 0;
  if (mode === 'linear') return m * RESOLUTION;
  const c = m * 10 ** -SYMLOG_DECADES;
  return c * Math.expm1(RESOLUTION * Math.log1p(m / c));
}

/** The colour at position p ∈ [−1, 1]: blue … zero … red, as divergingScale draws it. */
export function colourAt(p: number, palette: SignedPalette = LIGHT_SIGNED): string {
  return signedInterpolator(palette)(p);
}

/** A colour function for values on a scale of range ±m. */
export function signedColour(m: number, mode: ColourMode, palette: SignedPalette = LIGHT_SIGNED): (x: number) => string {
  const colour = signedInterpolator(palette);
  return (x) => colour(scalePosition(x, m, mode));
}

/**
 * A number for a label on the graph: 3 significant digits (or `digits`), in engineering notation
 * (exponent a multiple of 3) outside 0.001 … 9999, with a true minus sign: 57.2e−6. Compact
 * because the graph's room for a number is measured (NUMBER_ROOM): at 11 px in Chromium the
 * widest, −535e−15, is 60 px; −535×10⁻¹⁵ with a readable superscript (0.8 em) would be 72 px.
 * Where text is set in HTML (readouts, sentences, lessons), readableIndices shows the same
 * number as 57.2×10 with −6 as a real superscript; the graph's readout (4 digits) keeps the
 * graph's exponent, so 57.2e−6 on a unit reads out as 57.20×10⁻⁶ beside it.
 */
export function formatEngineering(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  let text: string;
  if (a >= 1e-3 && a < 1e4) text = String(Number(x.toPrecision(digits)));
  else {
    let e = Math.floor(Math.log10(a) / 3) * 3;
    let mantissa = Number((x / 10 ** e).toPrecision(digits));
    if (Math.abs(mantissa) >= 1000) {
      e += 3;
      mantissa = Number((x / 10 ** e).toPrecision(digits));
    }
    text = `${mantissa}e${e}`;
  }
  return text.replace(/-/g, '−');
}

/** A number with about `digits` significant digits, compact for labels. */
export function formatValue(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e4 || a < 1e-3 ? x.toExponential(digits - 1) : Number(x.toPrecision(digits)).toString();
}
