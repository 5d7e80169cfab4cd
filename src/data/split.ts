/**
 * Carving data sets into parts (subsets, train/test splits) and turning a set's labels into
 * the target matrix a network's output layer is compared against.
 */
import { shuffleInPlace } from '../core/rng.ts';
import type { Rng } from '../core/rng.ts';
import { zeros } from '../core/tensor.ts';
import type { Matrix } from '../core/tensor.ts';
import { size } from './dataset.ts';
import type { ByteFeatures, ClassificationSet, Dataset, Features, RegressionSet, Split } from './dataset.ts';
import { featureRange, gatherFeatures, readRowsInto } from './features.ts';

function checkIndex(index: number, n: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= n) {
    throw new RangeError(`index ${index} is out of range for a data set of ${n} samples`);
  }
}

function checkCount(what: string, count: number, max: number): void {
  if (!Number.isInteger(count) || count < 0 || count > max) {
    throw new RangeError(`${what} must be a whole number between 0 and ${max}, got ${count}`);
  }
}

/** The rows `indices` of m, in that order, as a new matrix. */
export function gatherRows(m: Matrix, indices: ArrayLike<number>): Matrix {
  return gatherRowsInto(m, indices, new Float64Array(indices.length * m.cols));
}

/**
 * The rows `indices` of m, in that order, written at the start of `into` (which needs room
 * for them) and returned as a matrix viewing it: no allocation for a reused buffer.
 */
export function gatherRowsInto(m: Features, indices: ArrayLike<number>, into: Float64Array): Matrix {
  const c = m.cols;
  const n = indices.length;
  if (into.length < n * c) throw new RangeError(`the buffer holds ${into.length} numbers; ${n} rows of ${c} need ${n * c}`);
  const data = into.length === n * c ? into : into.subarray(0, n * c);
  readRowsInto(m, indices, data, (i) => checkIndex(i, m.rows));
  return { rows: n, cols: c, data };
}

/** Bytes between the reads that bring a row into the cache: a cache line's length (or less). */
const CACHE_LINE = 64;
/** Where the reads that only fetch go, so that the compiler keeps them. */
let fetched = 0;

/** The byte rows `indices` of x, in that order, into `into` (exactly their size). */
export function gatherByteRowsInto(x: ByteFeatures, indices: ArrayLike<number>, into: Uint8Array): void {
  const c = x.cols;
  if (into.length !== indices.length * c) throw new RangeError(`the buffer holds ${into.length} bytes; ${indices.length} rows of ${c} need ${indices.length * c}`);
  const bytes = x.bytes;
  // Rows drawn at random from a large set (47 MB for MNIST) are rarely in any cache. One byte
  // of each cache line of every row is read first, in a loop whose loads do not wait for one
  // another, so the processor fetches many lines at once; copying row by row fetched them
  // about one row at a time (a cold 100-row MNIST batch: 44 → 30 µs in Node).
  let touched = 0;
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r]!;
    checkIndex(i, x.rows);
    for (let k = i * c; k < (i + 1) * c; k += CACHE_LINE) touched |= bytes[k]!;
  }
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r]!;
    into.set(bytes.subarray(i * c, (i + 1) * c), r * c);
  }
  fetched ^= touched;
}

/** The samples `indices` (in that order, repeats allowed) as a new data set of the same kind, stored alike. */
export function subset<X extends Features>(ds: ClassificationSet<X>, indices: ArrayLike<number>): ClassificationSet<X>;
export function subset(ds: RegressionSet, indices: ArrayLike<number>): RegressionSet;
export function subset<X extends Features>(ds: Dataset<X>, indices: ArrayLike<number>): Dataset<X>;
export function subset<X extends Features>(ds: Dataset<X>, indices: ArrayLike<number>): Dataset<X> {
  if (ds.kind === 'regression') return { ...ds, x: gatherRows(ds.x, indices), y: gatherRows(ds.y, indices) };
  const x = gatherFeatures(ds.x, indices, (i) => checkIndex(i, ds.x.rows));
  const labels = new Int32Array(indices.length);
  for (let r = 0; r < indices.length; r++) labels[r] = ds.labels[indices[r]!]!;
  return { ...ds, x, labels };
}

function range(start: number, count: number): Int32Array {
  const out = new Int32Array(count);
  for (let r = 0; r < count; r++) out[r] = start + r;
  return out;
}

/**
 * The samples start … start + count − 1 as a data set that views the same memory: no copy
 * (the first 50 000 MNIST images would otherwise take another 313 MB). Data sets are never
 * written after they are made, so sharing is safe.
 */
function rowRange<X extends Features>(ds: Dataset<X>, start: number, count: number): Dataset<X> {
  if (ds.kind === 'regression') return { ...ds, x: featureRange(ds.x, start, count), y: featureRange(ds.y, start, count) };
  return { ...ds, x: featureRange(ds.x, start, count), labels: ds.labels.subarray(start, start + count) };
}

/** The first n samples (0 ≤ n ≤ size), sharing memory with ds. */
export function firstN<X extends Features = Matrix>(ds: Dataset<X>, n: number): Dataset<X> {
  checkCount('n', n, size(ds));
  return rowRange(ds, 0, n);
}

/** The last n samples, in their original order (0 ≤ n ≤ size), sharing memory with ds. */
export function lastN<X extends Features = Matrix>(ds: Dataset<X>, n: number): Dataset<X> {
  checkCount('n', n, size(ds));
  return rowRange(ds, size(ds) - n, n);
}

/** A random permutation of 0 … n−1 drawn from rng. */
function permutation(n: number, rng: Rng): Int32Array {
  const p = range(0, n);
  shuffleInPlace(rng, p);
  return p;
}

/** n distinct samples drawn at random (without replacement), in random order. */
export function randomN<X extends Features = Matrix>(ds: Dataset<X>, n: number, rng: Rng): Dataset<X> {
  checkCount('n', n, size(ds));
  return subset(ds, permutation(size(ds), rng).subarray(0, n));
}

/**
 * A shuffled split into train and test parts. The test part has round(testFraction·size)
 * samples, clamped so that both parts have at least one; testFraction must lie strictly
 * between 0 and 1 and the set must have at least 2 samples, otherwise a RangeError.
 */
export function trainTestSplit<X extends Features = Matrix>(ds: Dataset<X>, testFraction: number, rng: Rng): Split<X> {
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new RangeError(`testFraction must lie strictly between 0 and 1, got ${testFraction}`);
  }
  const n = size(ds);
  if (n < 2) throw new RangeError(`a train/test split needs at least 2 samples, the data set has ${n}`);
  const nTest = Math.min(n - 1, Math.max(1, Math.round(testFraction * n)));
  const p = permutation(n, rng);
  return { train: subset(ds, p.subarray(nTest)), test: subset(ds, p.subarray(0, nTest)) };
}

/**
 * The target matrix for a network with `outputUnits` outputs, for all samples or only the rows
 * `indices`. Classification with one output: a column of the labels as 0/1 (two classes at
 * most); with several outputs: one-hot rows of width outputUnits (numClasses ≤ outputUnits).
 * Regression: the rows of y (y itself, not a copy, when no indices are given), whose width must
 * equal outputUnits. Mismatches throw RangeError.
 */
export function targetsFor(ds: Dataset<Features>, outputUnits: number, indices?: ArrayLike<number>): Matrix {
  if (!Number.isInteger(outputUnits) || outputUnits < 1) {
    throw new RangeError(`outputUnits must be a whole number ≥ 1, got ${outputUnits}`);
  }
  if (ds.kind === 'regression') {
    if (ds.y.cols !== outputUnits) {
      throw new RangeError(
        `data set "${ds.name}" has ${ds.y.cols} target column(s) but the network has ${outputUnits} output unit(s)`,
      );
    }
    return indices === undefined ? ds.y : gatherRows(ds.y, indices);
  }
  if (outputUnits === 1 && ds.numClasses > 2) {
    throw new RangeError(
      `one output unit can only separate 2 classes, but data set "${ds.name}" has ${ds.numClasses}; use ${ds.numClasses} output units`,
    );
  }
  if (outputUnits > 1 && ds.numClasses > outputUnits) {
    throw new RangeError(
      `data set "${ds.name}" has ${ds.numClasses} classes but the network has only ${outputUnits} output units`,
    );
  }
  const n = indices === undefined ? size(ds) : indices.length;
  const t = zeros(n, outputUnits);
  for (let r = 0; r < n; r++) {
    const i = indices === undefined ? r : indices[r]!;
    checkIndex(i, size(ds));
    const label = ds.labels[i]!;
    if (label < 0 || label >= ds.numClasses) {
      throw new RangeError(`sample ${i} has label ${label}, outside [0, ${ds.numClasses})`);
    }
    if (outputUnits === 1) t.data[r] = label;
    else t.data[r * outputUnits + label] = 1;
  }
  return t;
}
