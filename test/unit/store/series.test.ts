import { describe, expect, it } from 'vitest';
import { DecimatedSeries } from '../../../src/store/series.ts';

describe('DecimatedSeries', () => {
  it('keeps every point while there is room', () => {
    const s = new DecimatedSeries(8);
    for (let i = 0; i < 8; i++) s.push(i, i * 10);
    expect(s.length).toBe(8);
    expect(s.width).toBe(1);
    expect(Array.from(s.max.subarray(0, 8))).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
  });

  it('halves into min/max buckets when full, keeping the envelope and the mean', () => {
    const s = new DecimatedSeries(4);
    [5, 1, 7, 3, 2].forEach((y, i) => s.push(i, y));
    expect(s.width).toBe(2);
    expect(s.length).toBe(3);
    expect([s.x[0], s.min[0], s.max[0], s.mean(0), s.last[0]]).toEqual([0, 1, 5, 3, 1]);
    expect([s.x[1], s.min[1], s.max[1]]).toEqual([2, 3, 7]);
    expect([s.x[2], s.min[2], s.max[2], s.n[2]]).toEqual([4, 2, 2, 1]);
  });

  it('a million points cost no more memory than the capacity, and a spike survives', () => {
    const s = new DecimatedSeries(2048);
    for (let i = 0; i < 1_000_000; i++) s.push(i, i === 654_321 ? 1e6 : Math.sin(i / 1000));
    expect(s.count).toBe(1_000_000);
    expect(s.length).toBeLessThanOrEqual(2048);
    expect(s.length).toBeGreaterThan(1024);
    let max = -Infinity;
    for (let b = 0; b < s.length; b++) max = Math.max(max, s.max[b]!);
    expect(max).toBe(1e6);
    let n = 0;
    for (let b = 0; b < s.length; b++) n += s.n[b]!;
    expect(n).toBe(1_000_000);
  });

  it('skips non-finite values and clears', () => {
    const s = new DecimatedSeries(4);
    s.push(0, NaN);
    s.push(1, Infinity);
    s.push(2, 1);
    expect(s.count).toBe(1);
    s.clear();
    expect([s.length, s.count, s.width]).toEqual([0, 0, 1]);
    expect(() => new DecimatedSeries(3)).toThrow(RangeError);
  });
});
