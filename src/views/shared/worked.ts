/**
 * Worked arithmetic on screen ("w − η·g = w′", "Σ × f′ = δ"): the result is the computed number
 * at its own precision; each operand gets as many significant digits as it takes (from `min`)
 * for the shown operands, computed by hand, to give the shown result. A student who checks a
 * line with a pocket calculator gets the lab's figure. Most lines need 3 – 6 digits; only a
 * result near a rounding boundary, or one much smaller than its terms (cancellation), needs more.
 * A result within double rounding of zero (under ~10⁻¹² of its terms) is rounding noise that no
 * digits reproduce; its operands are then shown with 17.
 */

import { readShown } from '../../core/shown-number.ts';

export interface Worked {
  /** The operands as shown, in the order given. */
  readonly operands: readonly string[];
  /** The computed result at its own precision. */
  readonly result: string;
  /** Significant digits the operands needed. */
  readonly digits: number;
}

/**
 * The shown operands and result of one worked line. `compute` is the line's arithmetic on the
 * operands (as a student would do it); `result` is the lab's computed number, shown with
 * `format(result, resultDigits)`. Operands take `min` digits or more, up to 17 (exact doubles).
 */
export function worked(
  operands: readonly number[],
  compute: (xs: readonly number[]) => number,
  result: number,
  format: (x: number, digits: number) => string,
  resultDigits: number,
  min = resultDigits,
): Worked {
  const shownResult = format(result, resultDigits);
  for (let digits = min; ; digits++) {
    const shown = operands.map((x) => format(x, digits));
    if (digits >= 17 || format(compute(shown.map(readShown)), resultDigits) === shownResult) return { operands: shown, result: shownResult, digits };
  }
}
