/**
 * Strict reading of numbers typed by a person (a form field, a command-line flag, a CSV cell):
 * plain decimal notation only, so `0x10`, `1_000`, `Infinity`, blanks and stray spaces are
 * refused rather than read as something else, and a whole number is never silently rounded.
 */

/** Optional sign, digits with an optional fraction (or a fraction alone), optional exponent. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The value of a decimal number written out in full, or null when the text is not one or it overflows. */
export function parseDecimal(text: string): number | null {
  if (text.length > 400 || !DECIMAL.test(text)) return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

export type WholeReading = { readonly value: number } | { readonly problem: 'not-a-number' | 'not-whole' };

/** A whole number in decimal notation: `2.5` is 'not-whole', `0x10` or `ten` 'not-a-number'. */
export function parseWhole(text: string): WholeReading {
  const v = parseDecimal(text);
  if (v === null) return { problem: 'not-a-number' };
  if (!Number.isInteger(v)) return { problem: 'not-whole' };
  return { value: v };
}
