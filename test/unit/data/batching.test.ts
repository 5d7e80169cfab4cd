import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../../../src/core/rng.ts';
import { fromRows, toRows } from '../../../src/core/tensor.ts';
import type { ClassificationSet, RegressionSet } from '../../../src/data/dataset.ts';
import { EpochBatcher, gather, randomBatch } from '../../../src/data/batching.ts';

describe('randomBatch', () => {
  it('draws m indices in [0, n), deterministically for a seed', () => {
    const a = randomBatch(createRng(1), 100, 32);
    expect(a).toBeInstanceOf(Int32Array);
    expect(a.length).toBe(32);
    expect(a.every((i) => i >= 0 && i < 100)).toBe(true);
    expect(randomBatch(createRng(1), 100, 32)).toEqual(a);
    expect(randomBatch(createRng(2), 100, 32)).not.toEqual(a);
  });

  it('draws with replacement: repeats occur, and a batch may exceed n', () => {
    const rng = createRng(3);
    let batchesWithRepeats = 0;
    for (let k = 0; k < 50; k++) {
      const b = randomBatch(rng, 100, 20);
      if (new Set(b).size < b.length) batchesWithRepeats++;
    }
    // P(a repeat among 20 draws from 100) ≈ 0.87, so nearly all batches show one.
    expect(batchesWithRepeats).toBeGreaterThan(30);
    const big = randomBatch(rng, 3, 30);
    expect(new Set(big)).toEqual(new Set([0, 1, 2]));
  });

  it('is roughly uniform', () => {
    const counts = new Array<number>(10).fill(0);
    for (const i of randomBatch(createRng(4), 10, 20000)) counts[i]!++;
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(200);
  });

  it('rejects bad sizes', () => {
    expect(() => randomBatch(createRng(1), 0, 5)).toThrow(/n must/);
    expect(() => randomBatch(createRng(1), 10, 0)).toThrow(/batch size/);
    expect(() => randomBatch(createRng(1), 10, 2.5)).toThrow(RangeError);
  });
});

describe('EpochBatcher', () => {
  it('covers every index exactly once per epoch, the last batch smaller', () => {
    const b = new EpochBatcher(10, 4, createRng(1));
    expect(b.batchesPerEpoch).toBe(3);
    expect(b.epoch).toBe(0);
    for (let e = 0; e < 3; e++) {
      const sizes: number[] = [];
      const seen: number[] = [];
      for (let k = 0; k < 3; k++) {
        const batch = b.next();
        sizes.push(batch.length);
        seen.push(...batch);
        expect(b.epoch).toBe(k === 2 ? e + 1 : e);
      }
      expect(sizes).toEqual([4, 4, 2]);
      expect(seen.sort((p, q) => p - q)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });

  it('shuffles anew each epoch and is deterministic for a seed', () => {
    const order = (seed: number) => {
      const b = new EpochBatcher(20, 20, createRng(seed));
      return [Array.from(b.next()), Array.from(b.next())];
    };
    const [e1, e2] = order(5);
    expect(e1).not.toEqual(e2);
    expect(e1).not.toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(order(5)).toEqual([e1, e2]);
    expect(order(6)[0]).not.toEqual(e1);
  });

  it('returns batches the caller may keep', () => {
    const b = new EpochBatcher(6, 6, createRng(2));
    const first = b.next();
    const copy = Array.from(first);
    b.next();
    expect(Array.from(first)).toEqual(copy);
  });

  it('applies a new batch size from the next batch on', () => {
    const b = new EpochBatcher(10, 3, createRng(3));
    const seen = [...b.next()];
    b.batchSize = 5;
    expect(b.batchSize).toBe(5);
    expect(b.batchesPerEpoch).toBe(2);
    const second = b.next();
    expect(second.length).toBe(5);
    seen.push(...second);
    const third = b.next();
    expect(third.length).toBe(2);
    seen.push(...third);
    expect(b.epoch).toBe(1);
    expect(seen.sort((p, q) => p - q)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(() => {
      b.batchSize = 0;
    }).toThrow(/batch size/);
  });

  it('handles a batch size larger than n as whole-epoch batches', () => {
    const b = new EpochBatcher(3, 10, createRng(1));
    expect(b.batchesPerEpoch).toBe(1);
    expect(b.next().length).toBe(3);
    expect(b.epoch).toBe(1);
  });

  it('rejects bad sizes', () => {
    expect(() => new EpochBatcher(0, 1, createRng(1))).toThrow(/n must/);
    expect(() => new EpochBatcher(5, 0, createRng(1))).toThrow(/batch size/);
  });

  it('covers each epoch exactly once for any n, batch size and seed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 50 }), fc.integer(), (n, m, seed) => {
        const b = new EpochBatcher(n, m, createRng(seed));
        for (let e = 0; e < 2; e++) {
          const seen = new Int32Array(n);
          for (let k = 0; k < b.batchesPerEpoch; k++) for (const i of b.next()) seen[i]!++;
          if (!seen.every((c) => c === 1) || b.epoch !== e + 1) return false;
        }
        return true;
      }),
    );
  });
});

describe('gather', () => {
  const cls: ClassificationSet = {
    kind: 'classification',
    name: 'c',
    x: fromRows([[0, 0], [1, 10], [2, 20], [3, 30]]),
    labels: Int32Array.from([2, 0, 1, 2]),
    numClasses: 3,
  };

  it('builds x rows and one-hot targets for the batch', () => {
    const { x, t } = gather(cls, Int32Array.from([3, 1, 1]), 3);
    expect(toRows(x)).toEqual([[3, 30], [1, 10], [1, 10]]);
    expect(toRows(t)).toEqual([[0, 0, 1], [1, 0, 0], [1, 0, 0]]);
  });

  it('builds a 0/1 column for a single output unit', () => {
    const two: ClassificationSet = { ...cls, labels: Int32Array.from([1, 0, 0, 1]), numClasses: 2 };
    expect(Array.from(gather(two, [0, 1, 3], 1).t.data)).toEqual([1, 0, 1]);
  });

  it('gathers regression targets and reports mismatches', () => {
    const reg: RegressionSet = { kind: 'regression', name: 'r', x: fromRows([[1], [2]]), y: fromRows([[5], [7]]) };
    const { x, t } = gather(reg, [1], 1);
    expect(toRows(x)).toEqual([[2]]);
    expect(toRows(t)).toEqual([[7]]);
    expect(() => gather(reg, [0], 3)).toThrow(/1 target column/);
    expect(() => gather(cls, [0], 1)).toThrow(/3/);
  });
});
