import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneRng, createRng, gaussian, nextUint32, shuffleInPlace, uniform, uniformInt, uniformIntsInto } from '../../../src/core/rng.ts';
import { expectWithinStandardErrors } from '../stats.ts';

describe('rng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const sa = Array.from({ length: 20 }, () => nextUint32(a));
    const sb = Array.from({ length: 20 }, () => nextUint32(b));
    const sc = Array.from({ length: 20 }, () => nextUint32(c));
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('works for seed 0 (splitmix seeding avoids an all-zero state)', () => {
    const r = createRng(0);
    const draws = new Set(Array.from({ length: 100 }, () => nextUint32(r)));
    expect(draws.size).toBe(100);
  });

  it('refuses a non-finite seed', () => {
    expect(() => createRng(NaN)).toThrow(/seed/);
  });

  it('draws uniform doubles in [0, 1) with mean ½ and variance 1/12', () => {
    const r = createRng(1);
    const n = 100_000;
    let sum = 0;
    let sq = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = uniform(r);
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sq += u * u;
    }
    const mean = sum / n;
    expect(outside).toBe(0);
    // Standard errors: √(σ²/n) for the mean, √((μ₄ − σ⁴)/n) for the variance (μ₄ = 1/80).
    expectWithinStandardErrors(mean, 0.5, Math.sqrt(1 / 12 / n), 'mean');
    expectWithinStandardErrors(sq / n - mean * mean, 1 / 12, Math.sqrt((1 / 80 - 1 / 144) / n), 'variance');
  });

  it('draws standard normals with mean 0, variance 1 and the right tail mass', () => {
    const r = createRng(2);
    const n = 100_000;
    let sum = 0;
    let sq = 0;
    let beyond2 = 0;
    for (let i = 0; i < n; i++) {
      const g = gaussian(r);
      sum += g;
      sq += g * g;
      if (Math.abs(g) > 2) beyond2++;
    }
    // Standard errors: 1/√n for the mean, √((μ₄ − σ⁴)/n) = √(2/n) for E[g²], √(p(1 − p)/n) for a
    // share p. P(|Z| > 2) = erfc(√2) = 0.0455003.
    expectWithinStandardErrors(sum / n, 0, 1 / Math.sqrt(n), 'mean');
    expectWithinStandardErrors(sq / n, 1, Math.sqrt(2 / n), 'E[g²]');
    const p = 0.0455003;
    expectWithinStandardErrors(beyond2 / n, p, Math.sqrt((p * (1 - p)) / n), 'P(|g| > 2)');
  });

  it('draws unbiased integers in [0, n)', () => {
    const r = createRng(3);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[uniformInt(r, 6)]++;
    // Each count is binomial(60 000, 1/6): standard error √(n·p·(1 − p)) ≈ 91.
    for (const c of counts) expectWithinStandardErrors(c, 10_000, Math.sqrt(60_000 * (1 / 6) * (5 / 6)), 'count');
    expect(() => uniformInt(r, 0)).toThrow(RangeError);
    expect(() => uniformInt(r, 2.5)).toThrow(RangeError);
  });

  it('clones state so that the copy and the original continue identically and independently', () => {
    const a = createRng(4);
    gaussian(a); // leaves a spare normal waiting
    const b = cloneRng(a);
    expect(gaussian(b)).toBe(gaussian(a));
    expect(uniform(b)).toBe(uniform(a));
    uniform(a);
    expect(a.s).not.toEqual(b.s);
  });

  it('shuffles into a permutation', () => {
    const r = createRng(5);
    const xs = Int32Array.from({ length: 50 }, (_, i) => i);
    shuffleInPlace(r, xs);
    expect(Array.from(xs).sort((p, q) => p - q)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(xs)).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe('uniformIntsInto', () => {
  it('gives the numbers and leaves the state that as many calls of uniformInt would', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        // n near 2^32 rejects many draws; small n almost none.
        fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 2 ** 32 }), fc.constant(3 * 2 ** 30)),
        fc.integer({ min: 0, max: 300 }),
        (seed, n, count) => {
          const one = createRng(seed);
          const many = createRng(seed);
          const expected = Int32Array.from({ length: count }, () => uniformInt(one, n));
          const out = new Int32Array(count);
          uniformIntsInto(many, n, out);
          expect(out).toEqual(expected);
          expect(many.s).toEqual(one.s);
        },
      ),
    );
  });

  it('refuses an impossible n as uniformInt does', () => {
    expect(() => uniformIntsInto(createRng(1), 0, new Int32Array(3))).toThrow(RangeError);
    expect(() => uniformIntsInto(createRng(1), 2.5, new Int32Array(3))).toThrow(RangeError);
  });
});
