import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEngineering } from '../../../src/views/shared/diverging.ts';
import { readShown } from '../../../src/core/shown-number.ts';
import { worked } from '../../../src/views/shared/worked.ts';

/** A double of any size a trace holds: sign × mantissa × 10^e, e in −9 … 3. */
const magnitude = fc.tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -9, max: 3 }), fc.boolean()).map(([m, e, neg]) => (neg ? -1 : 1) * m * 10 ** e);

/** w − η·g, as the narration and the inspector write the SGD update. */
const sgd = (xs: readonly number[]) => xs[0]! - xs[1]! * xs[2]!;

describe('formatEngineering with more digits', () => {
  it('reads back as the number rounded to its digits', () => {
    fc.assert(
      fc.property(magnitude, fc.integer({ min: 3, max: 12 }), (x, d) => {
        const back = readShown(formatEngineering(x, d));
        return Math.abs(back - x) <= 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(x))) - d + 1) * (1 + 1e-9);
      }),
    );
  });

  it('reads the inspector\'s ×10 form and parenthesised negatives', () => {
    expect(readShown('1.2346·10⁻⁵')).toBe(1.2346e-5);
    expect(readShown('(−0.5)')).toBe(-0.5);
    expect(readShown('589e−6')).toBe(589e-6);
  });
});

describe('worked', () => {
  it('the example a teacher checked by hand: −0.00236 − 1.2×(−0.00246) is shown with enough digits', () => {
    const w = -0.0023614;
    const g = -0.0024604;
    const line = worked([w, 1.2, g], sgd, w - 1.2 * g, formatEngineering, 3);
    expect(line.result).toBe(formatEngineering(w - 1.2 * g, 3));
    expect(line.digits).toBeGreaterThan(3);
    expect(formatEngineering(sgd(line.operands.map(readShown)), 3)).toBe(line.result);
  });

  it('for random operands, the shown operands computed by hand give the shown result, which is the computed one', () => {
    let beyondSix = 0;
    let ordinary = 0;
    fc.assert(
      fc.property(magnitude, fc.double({ min: 1e-4, max: 100, noNaN: true }), magnitude, (w, eta, g) => {
        const result = w - eta * g;
        // A result within double rounding of zero is the rounding itself: no digits reproduce it.
        fc.pre(Math.abs(result) > 1e-12 * Math.max(Math.abs(w), Math.abs(eta * g)));
        const line = worked([w, eta, g], sgd, result, formatEngineering, 3);
        expect(line.result).toBe(formatEngineering(result, 3));
        expect(formatEngineering(sgd(line.operands.map(readShown)), 3)).toBe(line.result);
        expect(line.digits).toBeGreaterThanOrEqual(3);
        // Without cancellation (the result at least 1 % of its larger term), 6 digits almost always do.
        if (Math.abs(result) >= 0.01 * Math.max(Math.abs(w), Math.abs(eta * g))) {
          ordinary++;
          if (line.digits > 6) beyondSix++;
        }
      }),
      { numRuns: 2000 },
    );
    console.log(`worked lines: ${beyondSix} of ${ordinary} without cancellation needed more than 6 digits`);
    expect(beyondSix).toBeLessThanOrEqual(0.02 * ordinary);
  });

  it('works for products and the inspector\'s 5-digit format', () => {
    const inspector = (x: number, d: number) => {
      const s = x.toExponential(d - 1);
      const [m, e] = s.split('e');
      return Math.abs(x) < 1e-3 || Math.abs(x) >= 1e4 ? `${m}·10${Number(e) < 0 ? '⁻' : ''}${[...String(Math.abs(Number(e)))].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)]).join('')}`.replace(/-/g, '−') : Number(x.toPrecision(d)).toString().replace(/-/g, '−');
    };
    fc.assert(
      fc.property(magnitude, magnitude, (sum, slope) => {
        const line = worked([sum, slope], (xs) => xs[0]! * xs[1]!, sum * slope, inspector, 5);
        return inspector(line.operands.map(readShown).reduce((p, x) => p * x, 1), 5) === line.result && line.digits >= 5;
      }),
    );
  });
});
