/**
 * Reading features however they are stored (dataset.ts): as doubles, or as bytes read as
 * byte / 255. A byte's double comes from one table of v / 255, so every path gives the very
 * numbers MNIST's pixels had when they were stored as doubles.
 */
import type { RowRanges } from '../core/metrics.ts';
import type { Matrix } from '../core/tensor.ts';
import type { ByteFeatures, Features } from './dataset.ts';

/** BYTE_VALUE[v] = v / 255. */
const BYTE_VALUE = Float64Array.from({ length: 256 }, (_, v) => v / 255);

export function isBytes(x: Features): x is ByteFeatures {
  return 'bytes' in x;
}

/** True where the first byte of a 32-bit word is its low byte (every platform the lab runs on). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** Rows indices[r] of x as doubles, into out (room for indices.length · x.cols); check(i) vets each index. */
/** Rows of at most this many doubles are copied entry by entry rather than with a subarray. */
const NARROW_ROW = 64;

export function readRowsInto(x: Features, indices: ArrayLike<number>, out: Float64Array, check: (i: number) => void): void {
  const c = x.cols;
  if (!isBytes(x)) {
    const data = x.data;
    for (let r = 0; r < indices.length; r++) {
      const i = indices[r]!;
      check(i);
      // Narrow rows entry by entry: a subarray per row cost 0.2 µs, half a second for a CSV of 10⁶ rows.
      if (c <= NARROW_ROW) for (let k = 0; k < c; k++) out[r * c + k] = data[i * c + k]!;
      else out.set(data.subarray(i * c, (i + 1) * c), r * c);
    }
    return;
  }
  const { bytes } = x;
  if (LITTLE_ENDIAN && c % 4 === 0 && bytes.byteOffset % 4 === 0) {
    // Four pixels per 32-bit read, and four zeros at once for blank ones (most of an image):
    // about 2.5 times faster than a byte at a time.
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2);
    const perRow = c >>> 2;
    for (let r = 0; r < indices.length; r++) {
      const i = indices[r]!;
      check(i);
      const from = i * perRow;
      for (let q = 0; q < perRow; q++) {
        const w = words[from + q]!;
        const o = r * c + 4 * q;
        if (w === 0) {
          out[o] = 0;
          out[o + 1] = 0;
          out[o + 2] = 0;
          out[o + 3] = 0;
        } else {
          out[o] = BYTE_VALUE[w & 255]!;
          out[o + 1] = BYTE_VALUE[(w >>> 8) & 255]!;
          out[o + 2] = BYTE_VALUE[(w >>> 16) & 255]!;
          out[o + 3] = BYTE_VALUE[w >>> 24]!;
        }
      }
    }
    return;
  }
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r]!;
    check(i);
    const from = i * c;
    const to = r * c;
    for (let k = 0; k < c; k++) out[to + k] = BYTE_VALUE[bytes[from + k]!]!;
  }
}

/** Rows start … start + count − 1 of x, viewing the same memory. */
export function featureRange<X extends Features>(x: X, start: number, count: number): X {
  if (isBytes(x)) return { rows: count, cols: x.cols, bytes: x.bytes.subarray(start * x.cols, (start + count) * x.cols) } as X;
  const m = x as Matrix;
  return { rows: count, cols: m.cols, data: m.data.subarray(start * m.cols, (start + count) * m.cols) } as X;
}

/** The rows `indices` of x, stored as x is. */
export function gatherFeatures<X extends Features>(x: X, indices: ArrayLike<number>, check: (i: number) => void): X {
  const c = x.cols;
  if (!isBytes(x)) {
    const data = new Float64Array(indices.length * c);
    readRowsInto(x, indices, data, check);
    return { rows: indices.length, cols: c, data } as X;
  }
  const bytes = new Uint8Array(indices.length * c);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r]!;
    check(i);
    bytes.set(x.bytes.subarray(i * c, (i + 1) * c), r * c);
  }
  return { rows: indices.length, cols: c, bytes } as X;
}

/**
 * x as the core reads a whole data set, a range of rows at a time (core/metrics.ts): doubles
 * are viewed; bytes become doubles in a buffer reused from range to range.
 */
export function rowRanges(x: Features): Matrix | RowRanges {
  if (!isBytes(x)) return x;
  let scratch = new Float64Array(0);
  let rows = new Int32Array(0);
  return {
    rows: x.rows,
    rowsAt(start, end) {
      const count = end - start;
      const n = count * x.cols;
      if (scratch.length < n) scratch = new Float64Array(n);
      if (rows.length < count) rows = new Int32Array(count);
      const data = scratch.length === n ? scratch : scratch.subarray(0, n);
      const range = rows.length === count ? rows : rows.subarray(0, count);
      for (let r = 0; r < count; r++) range[r] = start + r;
      readRowsInto(x, range, data, () => {});
      return { rows: count, cols: x.cols, data };
    },
  };
}
