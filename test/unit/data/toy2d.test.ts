import { describe, it, expect } from 'vitest';
import { TOY_2D, TOY_2D_DEFAULTS, circle, flower, gaussians, moons, randomLabels, spiral, xor } from '../../../src/data/toy2d.ts';
import type { Toy2dName } from '../../../src/data/toy2d.ts';
import type { ClassificationSet } from '../../../src/data/dataset.ts';
import { expectWithinStandardErrors, stdOfNormalStd } from '../stats.ts';

const NAMES = Object.keys(TOY_2D) as Toy2dName[];

function point(ds: ClassificationSet, i: number): [number, number] {
  return [ds.x.data[2 * i]!, ds.x.data[2 * i + 1]!];
}

function countLabels(ds: ClassificationSet): [number, number] {
  const c: [number, number] = [0, 0];
  for (const l of ds.labels) c[l as 0 | 1]++;
  return c;
}

describe('TOY_2D registry', () => {
  it('lists exactly the seven toy problems', () => {
    expect(NAMES.sort()).toEqual(['circle', 'flower', 'gaussians', 'moons', 'random-labels', 'spiral', 'xor']);
    expect(Object.keys(TOY_2D_DEFAULTS).sort()).toEqual(NAMES);
    expect(TOY_2D.circle).toBe(circle);
    expect(TOY_2D['random-labels']).toBe(randomLabels);
  });

  for (const name of NAMES) {
    describe(name, () => {
      const gen = TOY_2D[name];

      it('has the right shape, kind and default size', () => {
        const ds = gen({ seed: 1 });
        const n = TOY_2D_DEFAULTS[name].n;
        expect(ds.kind).toBe('classification');
        expect(ds.name).toBe(name);
        expect(ds.numClasses).toBe(2);
        expect(ds.x.rows).toBe(n);
        expect(ds.x.cols).toBe(2);
        expect(ds.x.data.length).toBe(2 * n);
        expect(ds.labels.length).toBe(n);
        expect(ds.labels.every((l) => l === 0 || l === 1)).toBe(true);
        expect(ds.x.data.every(Number.isFinite)).toBe(true);
      });

      it('honours n, including odd and tiny sizes', () => {
        for (const n of [1, 2, 7, 50]) {
          const ds = gen({ n, seed: 3 });
          expect(ds.x.rows).toBe(n);
          expect(ds.labels.length).toBe(n);
        }
      });

      it('is deterministic for a seed and differs across seeds', () => {
        const a = gen({ n: 60, seed: 42 });
        const b = gen({ n: 60, seed: 42 });
        const c = gen({ n: 60, seed: 43 });
        expect(a.x.data).toEqual(b.x.data);
        expect(a.labels).toEqual(b.labels);
        expect(a.x.data).not.toEqual(c.x.data);
      });

      it('rejects bad n and noise with a RangeError naming the option', () => {
        for (const n of [0, -1, 1.5, NaN, Infinity]) {
          expect(() => gen({ n, seed: 1 })).toThrow(RangeError);
          expect(() => gen({ n, seed: 1 })).toThrow(/\bn\b/);
        }
        for (const noise of [-0.1, NaN, Infinity]) {
          expect(() => gen({ noise, seed: 1 })).toThrow(RangeError);
          expect(() => gen({ noise, seed: 1 })).toThrow(/noise/);
        }
        expect(() => gen({ seed: NaN })).toThrow(/seed/);
      });
    });
  }
});

describe('balanced generators', () => {
  for (const name of ['circle', 'xor', 'gaussians', 'spiral', 'moons'] as const) {
    it(`${name} alternates labels, so classes and every prefix are balanced`, () => {
      const ds = TOY_2D[name]({ n: 101, seed: 5 });
      expect(countLabels(ds)).toEqual([51, 50]);
      for (let i = 0; i < ds.labels.length; i++) expect(ds.labels[i]).toBe(i % 2);
    });
  }
});

describe('circle', () => {
  it('at noise 0 puts class 1 inside radius 0.5 and class 0 in the ring 0.7–1', () => {
    const ds = circle({ n: 400, noise: 0, seed: 7 });
    for (let i = 0; i < 400; i++) {
      const r = Math.hypot(...point(ds, i));
      if (ds.labels[i] === 1) expect(r).toBeLessThanOrEqual(0.5);
      else {
        expect(r).toBeGreaterThanOrEqual(0.7 - 1e-12);
        expect(r).toBeLessThanOrEqual(1 + 1e-12);
      }
    }
  });

  it('with default noise the inner class has the smaller mean radius', () => {
    const ds = circle({ seed: 8 });
    const sums = [0, 0];
    for (let i = 0; i < ds.labels.length; i++) sums[ds.labels[i]!]! += Math.hypot(...point(ds, i));
    expect(sums[1]! / 100).toBeLessThan(0.4);
    expect(sums[0]! / 100).toBeGreaterThan(0.75);
  });
});

describe('xor', () => {
  it('at noise 0 labels every point by the sign of x1·x2, away from the axes', () => {
    const ds = xor({ n: 300, noise: 0, seed: 2 });
    for (let i = 0; i < 300; i++) {
      const [a, b] = point(ds, i);
      expect(ds.labels[i]).toBe(a * b > 0 ? 1 : 0);
      expect(Math.min(Math.abs(a), Math.abs(b))).toBeGreaterThanOrEqual(0.1);
      expect(Math.max(Math.abs(a), Math.abs(b))).toBeLessThanOrEqual(1);
    }
  });

  it('with default noise still agrees with the sign pattern for nearly all points', () => {
    const ds = xor({ n: 400, seed: 2 });
    let agree = 0;
    for (let i = 0; i < 400; i++) {
      const [a, b] = point(ds, i);
      if ((a * b > 0 ? 1 : 0) === ds.labels[i]) agree++;
    }
    expect(agree / 400).toBeGreaterThan(0.95);
  });

  it('fills all four quadrants', () => {
    const ds = xor({ n: 200, noise: 0, seed: 4 });
    const quadrants = new Set<string>();
    for (let i = 0; i < 200; i++) quadrants.add(point(ds, i).map((v) => Math.sign(v)).join());
    expect(quadrants.size).toBe(4);
  });
});

describe('gaussians', () => {
  it('centres the classes at (-1,-1) and (1,1) with standard deviation = noise', () => {
    const ds = gaussians({ n: 2000, noise: 0.5, seed: 9 });
    for (const label of [0, 1]) {
      const c = label === 1 ? 1 : -1;
      let sx = 0;
      let sy = 0;
      let ss = 0;
      let m = 0;
      for (let i = 0; i < 2000; i++) {
        if (ds.labels[i] !== label) continue;
        const [a, b] = point(ds, i);
        sx += a;
        sy += b;
        ss += (a - c) ** 2 + (b - c) ** 2;
        m++;
      }
      // Standard errors: σ/√m for a mean of m points, σ/√(2·2m) for σ from 2m coordinates.
      expectWithinStandardErrors(sx / m, c, 0.5 / Math.sqrt(m), 'mean x');
      expectWithinStandardErrors(sy / m, c, 0.5 / Math.sqrt(m), 'mean y');
      expectWithinStandardErrors(Math.sqrt(ss / (2 * m)), 0.5, stdOfNormalStd(0.5, 2 * m), 'deviation');
    }
  });

  it('collapses onto the centres at noise 0', () => {
    const ds = gaussians({ n: 10, noise: 0, seed: 1 });
    for (let i = 0; i < 10; i++) {
      const c = ds.labels[i] === 1 ? 1 : -1;
      expect(point(ds, i)).toEqual([c, c]);
    }
  });
});

describe('spiral', () => {
  it('at noise 0 class 1 is class 0 turned by half a turn, radius growing along the arm', () => {
    const ds = spiral({ n: 200, noise: 0, seed: 1 });
    let lastR = -1;
    for (let k = 0; k < 100; k++) {
      const [a0, b0] = point(ds, 2 * k);
      const [a1, b1] = point(ds, 2 * k + 1);
      expect(a1).toBeCloseTo(-a0, 12);
      expect(b1).toBeCloseTo(-b0, 12);
      const r = Math.hypot(a0, b0);
      expect(r).toBeCloseTo(k / 100, 12);
      expect(r).toBeGreaterThan(lastR);
      lastR = r;
    }
  });
});

describe('moons', () => {
  it('at noise 0 puts class 0 on the upper unit half circle and class 1 on the shifted lower one', () => {
    const ds = moons({ n: 100, noise: 0, seed: 1 });
    for (let i = 0; i < 100; i++) {
      const [a, b] = point(ds, i);
      if (ds.labels[i] === 0) {
        expect(Math.hypot(a, b)).toBeCloseTo(1, 12);
        expect(b).toBeGreaterThanOrEqual(-1e-12);
      } else {
        expect(Math.hypot(a - 1, b - 0.5)).toBeCloseTo(1, 12);
        expect(b).toBeLessThanOrEqual(0.5 + 1e-12);
      }
    }
    // The ends of the moons: θ = 0 and θ = π.
    expect(point(ds, 0)[0]).toBeCloseTo(1, 12);
    expect(point(ds, 98)[0]).toBeCloseTo(-1, 12);
  });
});

describe('flower', () => {
  it('has 400 points by default, 200 per class, class 0 first', () => {
    const ds = flower({ seed: 1 });
    expect(ds.x.rows).toBe(400);
    expect(countLabels(ds)).toEqual([200, 200]);
    for (let i = 0; i < 400; i++) expect(ds.labels[i]).toBe(i < 200 ? 0 : 1);
  });

  it('at noise 0 lies on the petal curve r = 4 sin(4t) at t = linspace(3.12 j, 3.12 (j+1), 200)', () => {
    const ds = flower({ noise: 0, seed: 1 });
    for (let i = 0; i < 400; i++) {
      const j = i < 200 ? 0 : 1;
      const t = 3.12 * j + (3.12 * (i - 200 * j)) / 199;
      const r = 4 * Math.sin(4 * t);
      const [a, b] = point(ds, i);
      expect(a).toBeCloseTo(r * Math.sin(t), 12);
      expect(b).toBeCloseTo(r * Math.cos(t), 12);
      // The same fact without knowing t: the distance from the origin is |4 sin 4θ| at the point's angle.
      expect(Math.hypot(a, b)).toBeCloseTo(Math.abs(4 * Math.sin(4 * Math.atan2(a, b))), 9);
    }
  });

  it('with noise strays from the curve by a few tenths at most', () => {
    const ds = flower({ seed: 2 });
    let off = 0;
    for (let i = 0; i < 400; i++) {
      const [a, b] = point(ds, i);
      off += Math.abs(Math.hypot(a, b) - Math.abs(4 * Math.sin(4 * Math.atan2(a, b))));
    }
    expect(off / 400).toBeGreaterThan(0.01);
    expect(off / 400).toBeLessThan(1);
    expect(Math.max(...ds.x.data.map(Math.abs))).toBeLessThan(6);
  });
});

describe('randomLabels', () => {
  it('draws standard-normal points and roughly balanced labels, independent of each other', () => {
    const ds = randomLabels({ n: 4000, seed: 11 });
    const [c0, c1] = countLabels(ds);
    expect(c0 + c1).toBe(4000);
    expectWithinStandardErrors(c0 - c1, 0, Math.sqrt(4000), 'c0 − c1'); // fair coins: Var(c0 − c1) = n
    const xs = ds.x.data;
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    const variance = xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(variance).toBeCloseTo(1, 1);
    // Labels are not a function of the quadrant: each class appears on both sides of x1 = 0.
    let ones = 0;
    let right = 0;
    for (let i = 0; i < 4000; i++) {
      if (xs[2 * i]! > 0) {
        right++;
        ones += ds.labels[i]!;
      }
    }
    expect(ones / right).toBeGreaterThan(0.4);
    expect(ones / right).toBeLessThan(0.6);
  });

  it('ignores noise', () => {
    expect(randomLabels({ noise: 3, seed: 1 }).x.data).toEqual(randomLabels({ seed: 1 }).x.data);
  });
});
