/**
 * The colours of the diverging scale in each theme. Zero is the page's background, on which
 * the views draw (--bg in app.css), so it is the least visible colour; each sign runs in a
 * straight line in CIELAB from zero to its end, so the distance from the background (in
 * lightness, in ΔE and in contrast) grows with |x|. Blue for negative, orange-red for positive: the two ends differ in
 * the blue–yellow direction, which the common red–green colour deficiencies keep. In the dark
 * theme the ends are light and of about equal lightness, so both signs stand out alike.
 * app.css carries the same colours as --signed-negative, --signed-zero and --signed-positive.
 */
import { interpolateLab } from 'd3';

export interface SignedPalette {
  readonly negative: string;
  readonly zero: string;
  readonly positive: string;
  /**
   * Not on the scale: the neutral edge every line of the graph is drawn with, beside its value's
   * colour, so that a weight near zero (drawn in the background's colour) is still seen as a
   * line. About 2:1 against the background (a projector's washed-out dark grey still shows it),
   * below the contrast of a value half the scale's range, so it never outshines a real value.
   */
  readonly line: string;
}

export const LIGHT_SIGNED: SignedPalette = { negative: '#2166ac', zero: '#f7f8fa', positive: '#b2182b', line: '#b4b9c1' };
export const DARK_SIGNED: SignedPalette = { negative: '#5aa0ff', zero: '#10141b', positive: '#ff7a59', line: '#444a56' };

export type ResolvedTheme = 'light' | 'dark';
export const SIGNED_PALETTES: Readonly<Record<ResolvedTheme, SignedPalette>> = { light: LIGHT_SIGNED, dark: DARK_SIGNED };

const interpolators = new WeakMap<SignedPalette, (p: number) => string>();

/** The palette's colour at position p ∈ [−1, 1] (clamped; NaN is zero). */
export function signedInterpolator(palette: SignedPalette): (p: number) => string {
  let colour = interpolators.get(palette);
  if (colour === undefined) {
    const negative = interpolateLab(palette.zero, palette.negative);
    const positive = interpolateLab(palette.zero, palette.positive);
    colour = (p) => {
      const q = Number.isNaN(p) ? 0 : Math.max(-1, Math.min(1, p));
      return q < 0 ? negative(-q) : positive(q);
    };
    interpolators.set(palette, colour);
  }
  return colour;
}
