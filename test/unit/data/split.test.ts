import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../../../src/core/rng.ts';
import { fromRows, toRows } from '../../../src/core/tensor.ts';
import type { ClassificationSet, RegressionSet } from '../../../src/data/dataset.ts';
import { resolveGeneratorOptions, size } from '../../../src/data/dataset.ts';
import {
  firstN,
  gatherRows,
  gatherRowsInto,
  lastN,
  randomN,
  subset,
  targetsFor,
  trainTestSplit,
} from '../../../src/data/split.ts';

/** n samples whose feature row i is [i, 10 i] and label i mod k: rows identify themselves. */
function numbered(n: number, k = 3): ClassificationSet {
  const rows = Array.from({ length: n }, (_, i) => [i, 10 * i]);
  const labels = Int32Array.from({ length: n }, (_, i) => i % k);
  return { kind: 'classification', name: 'numbered', x: fromRows(rows), labels, numClasses: k, classNames: ['a', 'b', 'c'].slice(0, k) };
}

function regression(n: number): RegressionSet {
  return {
    kind: 'regression',
    name: 'reg',
    x: fromRows(Array.from({ length: n }, (_, i) => [i])),
    y: fromRows(Array.from({ length: n }, (_, i) => [2 * i, -i])),
  };
}

const ids = (ds: { x: { data: Float64Array; cols: number; rows: number } }) =>
  Array.from({ length: ds.x.rows }, (_, r) => ds.x.data[r * ds.x.cols]!);

describe('size and resolveGeneratorOptions', () => {
  it('size counts rows', () => {
    expect(size(numbered(7))).toBe(7);
  });

  it('fills defaults and rejects bad options by name', () => {
    expect(resolveGeneratorOptions({ seed: 3 }, { n: 10, noise: 0.5 })).toEqual({ n: 10, noise: 0.5, seed: 3 });
    expect(resolveGeneratorOptions({ n: 4, noise: 0, seed: 3 }, { n: 10, noise: 0.5 })).toEqual({ n: 4, noise: 0, seed: 3 });
    expect(() => resolveGeneratorOptions({ n: 0, seed: 1 }, { n: 1, noise: 0 })).toThrow(/^n must/);
    expect(() => resolveGeneratorOptions({ noise: NaN, seed: 1 }, { n: 1, noise: 0 })).toThrow(/^noise must/);
  });
});

describe('gatherRows and subset', () => {
  it('gathers rows in the given order, repeats allowed', () => {
    const m = fromRows([[1, 2], [3, 4], [5, 6]]);
    expect(toRows(gatherRows(m, [2, 0, 2]))).toEqual([[5, 6], [1, 2], [5, 6]]);
    expect(gatherRows(m, []).rows).toBe(0);
    expect(() => gatherRows(m, [3])).toThrow(RangeError);
    expect(() => gatherRows(m, [-1])).toThrow(/out of range/);
  });

  it('gathers into a reused buffer, viewing only the rows asked for, and refuses one too small', () => {
    const m = fromRows([[1, 2], [3, 4], [5, 6]]);
    const buffer = new Float64Array(6).fill(9);
    const g = gatherRowsInto(m, [1, 0], buffer);
    expect(toRows(g)).toEqual([[3, 4], [1, 2]]);
    expect(g.data.buffer).toBe(buffer.buffer);
    expect(g.data.length).toBe(4);
    expect(Array.from(buffer.subarray(4))).toEqual([9, 9]);
    expect(() => gatherRowsInto(m, [0, 1, 2, 0], buffer)).toThrow(/need 8/);
  });

  it('keeps the kind, name and classes of a classification set and gathers its labels', () => {
    const ds = numbered(10);
    const s = subset(ds, Int32Array.from([9, 4, 4]));
    expect(s.kind).toBe('classification');
    expect(s.name).toBe('numbered');
    expect(s.numClasses).toBe(3);
    expect(s.classNames).toEqual(['a', 'b', 'c']);
    expect(toRows(s.x)).toEqual([[9, 90], [4, 40], [4, 40]]);
    expect(Array.from(s.labels)).toEqual([0, 1, 1]);
  });

  it('gathers y of a regression set', () => {
    const s = subset(regression(5), [1, 3]);
    expect(s.kind).toBe('regression');
    expect(toRows(s.x)).toEqual([[1], [3]]);
    expect(toRows(s.y)).toEqual([[2, -1], [6, -3]]);
  });

  it('copies: changing the subset leaves the original alone', () => {
    const ds = numbered(4);
    const s = subset(ds, [0, 1]);
    s.x.data[0] = 99;
    s.labels[0] = 2;
    expect(ds.x.data[0]).toBe(0);
    expect(ds.labels[0]).toBe(0);
  });
});

describe('firstN, lastN, randomN', () => {
  it('take prefixes and suffixes', () => {
    const ds = numbered(10);
    expect(ids(firstN(ds, 3))).toEqual([0, 1, 2]);
    expect(ids(lastN(ds, 3))).toEqual([7, 8, 9]);
    expect(size(firstN(ds, 0))).toBe(0);
    expect(ids(lastN(ds, 10))).toEqual(ids(ds));
    expect(() => firstN(ds, 11)).toThrow(RangeError);
    expect(() => lastN(ds, -1)).toThrow(/between 0 and 10/);
    expect(() => firstN(ds, 1.5)).toThrow(RangeError);
  });

  it('prefixes and suffixes view the same memory instead of copying, labels and targets too', () => {
    const ds = numbered(10);
    const last = lastN(ds, 4) as ClassificationSet;
    expect(last.x.data.buffer).toBe(ds.x.data.buffer);
    expect(Array.from(last.labels)).toEqual([6 % 3, 7 % 3, 8 % 3, 9 % 3]);
    expect(last.labels.buffer).toBe(ds.labels.buffer);
    const regression: RegressionSet = { kind: 'regression', name: 'r', x: fromRows([[1], [2], [3]]), y: fromRows([[10], [20], [30]]) };
    const first = firstN(regression, 2) as RegressionSet;
    expect([toRows(first.x), toRows(first.y)]).toEqual([[[1], [2]], [[10], [20]]]);
    expect(first.y.data.buffer).toBe(regression.y.data.buffer);
  });

  it('randomN draws distinct samples, seeded', () => {
    const ds = numbered(50);
    const a = randomN(ds, 20, createRng(1));
    const got = ids(a);
    expect(new Set(got).size).toBe(20);
    expect(got.every((v) => Number.isInteger(v) && v >= 0 && v < 50)).toBe(true);
    expect(ids(randomN(ds, 20, createRng(1)))).toEqual(got);
    expect(ids(randomN(ds, 20, createRng(2)))).not.toEqual(got);
    expect(new Set(ids(randomN(ds, 50, createRng(3))))).toEqual(new Set(ids(ds)));
    expect(() => randomN(ds, 51, createRng(1))).toThrow(RangeError);
  });
});

describe('trainTestSplit', () => {
  it('partitions the samples with round(fraction · n) in the test part', () => {
    const ds = numbered(100);
    const { train, test } = trainTestSplit(ds, 0.2, createRng(7));
    expect(size(test)).toBe(20);
    expect(size(train)).toBe(80);
    const all = [...ids(train), ...ids(test)].sort((p, q) => p - q);
    expect(all).toEqual(ids(ds));
    // Shuffled: the test part is not simply the first or last 20.
    expect(ids(test)).not.toEqual(ids(firstN(ds, 20)));
    expect(ids(test)).not.toEqual(ids(lastN(ds, 20)));
    // Labels travel with their rows.
    for (const part of [train, test]) {
      const p = part as ClassificationSet;
      for (let r = 0; r < size(p); r++) expect(p.labels[r]).toBe(p.x.data[2 * r]! % 3);
    }
  });

  it('is seeded', () => {
    const ds = numbered(30);
    expect(ids(trainTestSplit(ds, 0.3, createRng(1)).test)).toEqual(ids(trainTestSplit(ds, 0.3, createRng(1)).test));
    expect(ids(trainTestSplit(ds, 0.3, createRng(1)).test)).not.toEqual(ids(trainTestSplit(ds, 0.3, createRng(2)).test));
  });

  it('keeps both parts non-empty', () => {
    expect(size(trainTestSplit(numbered(10), 0.01, createRng(1)).test)).toBe(1);
    expect(size(trainTestSplit(numbered(10), 0.99, createRng(1)).train)).toBe(1);
    const two = trainTestSplit(numbered(2), 0.5, createRng(1));
    expect([size(two.train), size(two.test)]).toEqual([1, 1]);
  });

  it('rejects fractions outside (0, 1) and sets too small to split', () => {
    for (const f of [0, 1, -0.5, 1.5, NaN]) {
      expect(() => trainTestSplit(numbered(10), f, createRng(1))).toThrow(/testFraction/);
    }
    expect(() => trainTestSplit(numbered(1), 0.5, createRng(1))).toThrow(/at least 2/);
  });

  it('partitions for any size and fraction (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer(), (n, f, seed) => {
        const { train, test } = trainTestSplit(numbered(n), f, createRng(seed));
        const all = [...ids(train), ...ids(test)].sort((p, q) => p - q);
        return size(train) >= 1 && size(test) >= 1 && all.every((v, i) => v === i) && all.length === n;
      }),
    );
  });
});

describe('targetsFor', () => {
  it('gives a 0/1 column for one output unit and two classes', () => {
    const ds = numbered(5, 2);
    const t = targetsFor(ds, 1);
    expect([t.rows, t.cols]).toEqual([5, 1]);
    expect(Array.from(t.data)).toEqual([0, 1, 0, 1, 0]);
  });

  it('gives one-hot rows for several output units, possibly wider than the classes', () => {
    const ds = numbered(4, 3);
    expect(toRows(targetsFor(ds, 3))).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]]);
    expect(toRows(targetsFor(ds, 4))[2]).toEqual([0, 0, 1, 0]);
    expect(toRows(targetsFor(numbered(2, 2), 2))).toEqual([[1, 0], [0, 1]]);
  });

  it('can build the targets of selected rows only', () => {
    const ds = numbered(6, 3);
    expect(toRows(targetsFor(ds, 3, [5, 0]))).toEqual([[0, 0, 1], [1, 0, 0]]);
    expect(toRows(targetsFor(regression(4), 2, [3]))).toEqual([[6, -3]]);
  });

  it('explains mismatches between classes and output units', () => {
    expect(() => targetsFor(numbered(5, 3), 1)).toThrow(/one output unit can only separate 2 classes.*has 3/);
    expect(() => targetsFor(numbered(5, 3), 2)).toThrow(/3 classes but the network has only 2 output units/);
    expect(() => targetsFor(numbered(5, 3), 0)).toThrow(/outputUnits/);
    const bad: ClassificationSet = { ...numbered(3, 2), labels: Int32Array.from([0, 5, 1]) };
    expect(() => targetsFor(bad, 2)).toThrow(/sample 1 has label 5/);
  });

  it('returns y for regression when the widths agree', () => {
    const ds = regression(3);
    expect(targetsFor(ds, 2)).toBe(ds.y);
    expect(() => targetsFor(ds, 1)).toThrow(/2 target column\(s\) but the network has 1 output unit/);
  });
});
