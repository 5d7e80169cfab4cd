/**
 * Statistical tolerances for tests of random draws: an estimate must lie within K standard
 * errors of the value the mathematics gives. With K = 4 a correct generator fails one such
 * check in about 16 000 (normal tails); the seeds are fixed, so a passing test stays passing.
 */
import { expect } from 'vitest';

export const K_STANDARD_ERRORS = 4;

/** |estimate − expected| ≤ K·standardError, with the figures in the failure message. */
export function expectWithinStandardErrors(estimate: number, expected: number, standardError: number, what: string): void {
  const errors = Math.abs(estimate - expected) / standardError;
  expect(errors, `${what}: ${estimate} is ${errors.toFixed(1)} standard errors (${standardError.toExponential(2)}) from ${expected}`).toBeLessThanOrEqual(
    K_STANDARD_ERRORS,
  );
}

/** Standard error of the sample standard deviation of n normal draws with deviation sigma. */
export const stdOfNormalStd = (sigma: number, n: number) => sigma / Math.sqrt(2 * n);

/** Sample standard deviation (population form, 1/n) of a set of draws. */
export function sampleStd(xs: ArrayLike<number>): number {
  let s = 0;
  let q = 0;
  for (let i = 0; i < xs.length; i++) {
    s += xs[i]!;
    q += xs[i]! * xs[i]!;
  }
  const mean = s / xs.length;
  return Math.sqrt(q / xs.length - mean * mean);
}
