/**
 * Choosing which samples go into each mini-batch, and building the batch matrices.
 *
 * Two samplers: `randomBatch` draws with replacement (every batch independent, as in
 * `np.random.choice(train_size, batch_size)`); `EpochBatcher` walks through a fresh shuffle of
 * the data each epoch, so every sample is seen exactly once per epoch.
 */
import { shuffleInPlace, uniformIntsInto } from '../core/rng.ts';
import type { Rng } from '../core/rng.ts';
import type { Matrix } from '../core/tensor.ts';
import { ByteMatrix } from '../core/byte-matrix.ts';
import type { Dataset, Features } from './dataset.ts';
import { isBytes } from './features.ts';
import { gatherByteRowsInto, gatherRowsInto, targetsFor } from './split.ts';

function checkWhole(what: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${what} must be a whole number ≥ ${min}, got ${value}`);
  }
}

/** m indices drawn independently and uniformly from [0, n), with replacement. */
export function randomBatch(rng: Rng, n: number, m: number): Int32Array {
  checkWhole('n', n, 1);
  checkWhole('batch size', m, 1);
  const out = new Int32Array(m);
  uniformIntsInto(rng, n, out);
  return out;
}

/**
 * Consecutive batches of a permutation of 0 … n−1 that is reshuffled at the start of every
 * epoch: within an epoch no index repeats, and the last batch of an epoch may be smaller.
 */
export class EpochBatcher {
  readonly n: number;
  private readonly order: Int32Array;
  private readonly rng: Rng;
  private size: number;
  /** Position of the next batch in `order`; 0 means a new epoch starts (and shuffles) next. */
  private position = 0;
  private completed = 0;

  constructor(n: number, batchSize: number, rng: Rng) {
    checkWhole('n', n, 1);
    checkWhole('batch size', batchSize, 1);
    this.n = n;
    this.size = batchSize;
    this.rng = rng;
    this.order = new Int32Array(n);
    for (let i = 0; i < n; i++) this.order[i] = i;
  }

  /** Number of epochs completed so far (an epoch completes when its last batch is handed out). */
  get epoch(): number {
    return this.completed;
  }

  /** Batches in a whole epoch at the current batch size: ⌈n / batchSize⌉. */
  get batchesPerEpoch(): number {
    return Math.ceil(this.n / this.size);
  }

  /** The batch size; a new value takes effect from the next batch. */
  get batchSize(): number {
    return this.size;
  }

  set batchSize(value: number) {
    checkWhole('batch size', value, 1);
    this.size = value;
  }

  /** The next batch of indices (a fresh array the caller may keep). */
  next(): Int32Array {
    if (this.position === 0) shuffleInPlace(this.rng, this.order);
    const end = Math.min(this.n, this.position + this.size);
    const batch = this.order.slice(this.position, end);
    if (end === this.n) {
      this.position = 0;
      this.completed++;
    } else {
      this.position = end;
    }
    return batch;
  }
}

/**
 * The batch matrices for the samples `indices`: their feature rows x and their targets t for a
 * network with `outputUnits` outputs (as in targetsFor, built for these rows only). With
 * `xInto`, x is written into that buffer (see gatherRowsInto) instead of a new one.
 */
export function gather(ds: Dataset<Features>, indices: ArrayLike<number>, outputUnits: number, xInto?: Float64Array): { x: Matrix; t: Matrix } {
  const t = targetsFor(ds, outputUnits, indices);
  return { x: gatherRowsInto(ds.x, indices, xInto ?? new Float64Array(indices.length * ds.x.cols)), t };
}

/**
 * As gather, for features kept as bytes: x stays bytes (a ByteMatrix written into `bytesInto`)
 * and a trainer lists it from them; its doubles are made in doublesInto(n) only if something
 * reads them (a trace, a gradient check).
 */
export function gatherBytes(
  ds: Dataset<Features>,
  indices: ArrayLike<number>,
  outputUnits: number,
  bytesInto: Uint8Array,
  doublesInto: (n: number) => Float64Array,
): { x: ByteMatrix; t: Matrix } {
  const x = ds.x;
  if (!isBytes(x)) throw new TypeError(`${ds.name} keeps its features as doubles, not bytes`);
  const t = targetsFor(ds, outputUnits, indices);
  const n = indices.length * x.cols;
  const bytes = bytesInto.length === n ? bytesInto : bytesInto.subarray(0, n);
  gatherByteRowsInto(x, indices, bytes);
  return { x: new ByteMatrix(indices.length, x.cols, bytes, doublesInto), t };
}
