import { describe, it, expect } from 'vitest';
import { friedman1, noisySine } from '../../../src/data/regression.ts';
import { expectWithinStandardErrors, stdOfNormalStd } from '../stats.ts';

describe('noisySine', () => {
  it('has n × 1 inputs in [-π, π) and n × 1 targets', () => {
    const ds = noisySine({ n: 50, seed: 1 });
    expect(ds.kind).toBe('regression');
    expect([ds.x.rows, ds.x.cols, ds.y.rows, ds.y.cols]).toEqual([50, 1, 50, 1]);
    for (const v of ds.x.data) {
      expect(v).toBeGreaterThanOrEqual(-Math.PI);
      expect(v).toBeLessThan(Math.PI);
    }
    expect(noisySine({ seed: 1 }).x.rows).toBe(200);
  });

  it('is exactly sin(x) at noise 0', () => {
    const ds = noisySine({ n: 100, noise: 0, seed: 2 });
    for (let i = 0; i < 100; i++) expect(ds.y.data[i]).toBe(Math.sin(ds.x.data[i]!));
  });

  it('has residuals with standard deviation ≈ noise', () => {
    const ds = noisySine({ n: 4000, noise: 0.3, seed: 3 });
    let ss = 0;
    for (let i = 0; i < 4000; i++) ss += (ds.y.data[i]! - Math.sin(ds.x.data[i]!)) ** 2;
    // The root mean square of 4 000 normal residuals: standard error σ/√(2n).
    expectWithinStandardErrors(Math.sqrt(ss / 4000), 0.3, stdOfNormalStd(0.3, 4000), 'residual deviation');
  });

  it('is deterministic for a seed, differs across seeds, and checks its options', () => {
    expect(noisySine({ seed: 5 }).y.data).toEqual(noisySine({ seed: 5 }).y.data);
    expect(noisySine({ seed: 5 }).y.data).not.toEqual(noisySine({ seed: 6 }).y.data);
    expect(() => noisySine({ n: 0, seed: 1 })).toThrow(/\bn\b/);
    expect(() => noisySine({ noise: -1, seed: 1 })).toThrow(/noise/);
  });
});

describe('friedman1', () => {
  const f = (x: ArrayLike<number>) =>
    10 * Math.sin(Math.PI * x[0]! * x[1]!) + 20 * (x[2]! - 0.5) ** 2 + 10 * x[3]! + 5 * x[4]!;

  it('has five features in [0, 1) and one target', () => {
    const ds = friedman1({ n: 30, seed: 1 });
    expect([ds.x.rows, ds.x.cols, ds.y.rows, ds.y.cols]).toEqual([30, 5, 30, 1]);
    for (const v of ds.x.data) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });

  it('is the Friedman #1 function at noise 0', () => {
    const ds = friedman1({ n: 100, noise: 0, seed: 2 });
    for (let i = 0; i < 100; i++) {
      expect(ds.y.data[i]).toBeCloseTo(f(ds.x.data.subarray(5 * i, 5 * i + 5)), 12);
    }
    // A known value: x = (0.5, 1, 0.5, 0, 0) gives 10·sin(π/2) = 10.
    expect(f([0.5, 1, 0.5, 0, 0])).toBeCloseTo(10, 12);
  });

  it('adds unit-variance noise by default, and is seeded', () => {
    const ds = friedman1({ n: 4000, seed: 3 });
    let ss = 0;
    for (let i = 0; i < 4000; i++) ss += (ds.y.data[i]! - f(ds.x.data.subarray(5 * i, 5 * i + 5))) ** 2;
    expectWithinStandardErrors(Math.sqrt(ss / 4000), 1, stdOfNormalStd(1, 4000), 'residual deviation');
    expect(friedman1({ seed: 4 }).y.data).toEqual(friedman1({ seed: 4 }).y.data);
    expect(friedman1({ seed: 4 }).y.data).not.toEqual(friedman1({ seed: 5 }).y.data);
    expect(() => friedman1({ n: 2.5, seed: 1 })).toThrow(RangeError);
  });
});
