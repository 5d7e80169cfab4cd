/**
 * Resident WebAssembly memory: an arena holds a trainer's weights, updates and workspace in
 * one WebAssembly memory, as Float64Array / Int32Array views made once. The kernels then run
 * on them where they lie, with byte offsets (a view's byteOffset) and no copy in or out; the
 * TypeScript code reads and writes the same views as it would plain arrays.
 *
 * An arena never grows, since growing a memory detaches every view on it: it is made with room
 * for what it will hold, and a trainer that needs more (a larger batch) makes a new arena and
 * copies its weights over (resident.ts). Each method returns false (or null) when some operand
 * does not live in this arena; the caller then takes the copying kernels or TypeScript.
 */
import type { SparseLists } from '../sparse.ts';
import type { Matrix } from '../tensor.ts';
import { BYTE_VALUE } from '../byte-matrix.ts';
import { instantiate, wasmWanted, type Exports } from './kernel.ts';

/** Makes the arrays of a workspace or of weights: on the JavaScript heap or in an arena. */
export interface Allocator {
  f64(n: number): Float64Array;
  i32(n: number): Int32Array;
  u8(n: number): Uint8Array;
}

export const HEAP: Allocator = { f64: (n) => new Float64Array(n), i32: (n) => new Int32Array(n), u8: (n) => new Uint8Array(n) };

/** Every view starts on a 16-byte boundary (the kernels load f64x2 pairs). */
function aligned(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}

/** The bytes `build` would take from an arena (it is run with empty arrays). */
export function bytesOf(build: (alloc: Allocator) => unknown): number {
  let bytes = 0;
  build({
    f64: (n) => ((bytes += aligned(8 * n)), new Float64Array(0)),
    i32: (n) => ((bytes += aligned(4 * n)), new Int32Array(0)),
    u8: (n) => ((bytes += aligned(n)), new Uint8Array(0)),
  });
  return bytes;
}

const PAGE_BYTES = 65536;
/** wasm32 addresses stop at 4 GiB. */
const MAX_BYTES = 2 ** 32;

const arenas = new WeakMap<ArrayBufferLike, Arena>();

/** The arena x lives in, when the kernels are wanted; else null. */
export function arenaOf(x: ArrayBufferView): Arena | null {
  return wasmWanted() ? (arenas.get(x.buffer) ?? null) : null;
}

export class Arena implements Allocator {
  /** Where the next view starts. */
  private top: number;
  /** n zeros: the "no bias" row of multiply and the init of ∂L/∂W's sums. */
  private readonly zeros: Float64Array;
  /** v / 255 for every byte v (BYTE_VALUE), for lists made from bytes. */
  private readonly byteValue: Float64Array;

  private constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly k: Exports,
    /** Bytes it can hold. */
    readonly capacity: number,
    widest: number,
  ) {
    this.top = 0;
    this.zeros = this.f64(widest);
    this.byteValue = this.f64(256);
    this.byteValue.set(BYTE_VALUE);
  }

  /**
   * An arena with room for `bytes` besides a row of `widest` zeros, or null where WebAssembly
   * SIMD is missing or the memory cannot be had.
   */
  static create(bytes: number, widest: number): Arena | null {
    const capacity = bytes + aligned(8 * widest) + 8 * 256;
    if (capacity > MAX_BYTES) return null;
    try {
      const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(capacity / PAGE_BYTES)) });
      const exports = instantiate(memory);
      if (exports === null) return null;
      const arena = new Arena(memory, exports, capacity, widest);
      arenas.set(memory.buffer, arena);
      return arena;
    } catch {
      return null; // e.g. no address space left for another memory
    }
  }

  f64(n: number): Float64Array {
    return new Float64Array(this.memory.buffer, this.take(8 * n), n);
  }

  i32(n: number): Int32Array {
    return new Int32Array(this.memory.buffer, this.take(4 * n), n);
  }

  u8(n: number): Uint8Array {
    return new Uint8Array(this.memory.buffer, this.take(n), n);
  }

  /** Where the views made from now on start: release(mark) gives their room back. */
  mark(): number {
    return this.top;
  }

  release(mark: number): void {
    this.top = mark;
  }

  private take(bytes: number): number {
    const at = this.top;
    if (at + bytes > this.capacity) throw new RangeError(`the arena holds ${this.capacity} bytes, ${at + bytes} asked for`);
    this.top = aligned(at + bytes);
    return at;
  }

  /** True when every view lives in this arena. */
  private holds(...views: ArrayBufferView[]): boolean {
    const buffer = this.memory.buffer;
    for (const v of views) if (v.buffer !== buffer) return false;
    return true;
  }

  /** The row lists of a, as rowListsInto (capacity ≥ a.rows·a.cols). */
  rowLists(a: Matrix, rows: SparseLists): boolean {
    if (rows.index.length < a.rows * a.cols || !this.holds(a.data, rows.ptr, rows.index, rows.value)) return false;
    rows.count = a.rows;
    this.k.rowLists(a.data.byteOffset, a.rows, a.cols, rows.ptr.byteOffset, rows.index.byteOffset, rows.value.byteOffset);
    return true;
  }

  /** The row lists of m × cols bytes read as byte / 255, as rowListsFromBytesInto. */
  rowListsFromBytes(bytes: Uint8Array, m: number, cols: number, rows: SparseLists): boolean {
    if (bytes.length < m * cols || rows.index.length < m * cols || rows.ptr.length < m + 1) return false;
    if (!this.holds(bytes, rows.ptr, rows.index, rows.value)) return false;
    rows.count = m;
    this.k.rowListsFromBytes(bytes.byteOffset, m, cols, rows.ptr.byteOffset, rows.index.byteOffset, rows.value.byteOffset, this.byteValue.byteOffset);
    return true;
  }

  /** out = scale·(init + lists·M), as sparseTimesDenseInto. */
  multiply(lists: SparseLists, M: Matrix, init: Float64Array | null, out: Matrix, scale: number): boolean {
    const start = init ?? this.zeros;
    if (start.length < M.cols || !this.holds(lists.ptr, lists.index, lists.value, M.data, start, out.data)) return false;
    const { ptr, index, value } = lists;
    this.k.sparseTimesDense(lists.count, ptr.byteOffset, index.byteOffset, value.byteOffset, M.data.byteOffset, M.cols, start.byteOffset, out.data.byteOffset, scale);
    return true;
  }

  /** dW = scale·aᵀ·δ from the row lists of a (a has dW.rows columns), with `cols` as scratch for its column lists. */
  transposedProduct(rows: SparseLists, delta: Matrix, scale: number, cols: SparseLists, dW: Matrix): boolean {
    const nnz = rows.ptr[rows.count]!;
    const n = delta.cols;
    if (cols.ptr.length < dW.rows + 1 || cols.index.length < nnz || this.zeros.length < n) return false;
    if (!this.holds(rows.ptr, rows.index, rows.value, cols.ptr, cols.index, cols.value, delta.data, dW.data)) return false;
    cols.count = dW.rows;
    cols.ptr.fill(0, 0, dW.rows + 1);
    this.k.columnLists(rows.ptr.byteOffset, rows.index.byteOffset, rows.value.byteOffset, rows.count, dW.rows, cols.ptr.byteOffset, cols.index.byteOffset, cols.value.byteOffset);
    this.k.sparseTimesDense(dW.rows, cols.ptr.byteOffset, cols.index.byteOffset, cols.value.byteOffset, delta.data.byteOffset, n, this.zeros.byteOffset, dW.data.byteOffset, scale);
    return true;
  }

  /** max |x|, or NaN when some entry is not finite, as maxAbs; null when x is not here. */
  maxAbs(x: Float64Array): number | null {
    return this.holds(x) ? this.k.maxAbs(x.byteOffset, x.length) : null;
  }

  /** θ += update = −η·g in place, returning max |θ|, as sgdStepInPlace; null when an operand is not here. */
  sgdStep(learningRate: number, theta: Float64Array, g: Float64Array, update: Float64Array): number | null {
    if (g.length < theta.length || update.length < theta.length || !this.holds(theta, g, update)) return null;
    return this.k.sgdStep(theta.byteOffset, g.byteOffset, update.byteOffset, theta.length, learningRate);
  }

  /** a = f(z) and whether every z is finite, as activateChecked (../fused.ts); null when not here. */
  activateChecked(act: number, z: Float64Array, a: Float64Array): boolean | null {
    if (a.length < z.length || !this.holds(z, a)) return null;
    return this.k.activateChecked(act, z.byteOffset, a.byteOffset, z.length) === 1;
  }

  /** δ ← δ·f′(z) with a = f(z), and whether every δ is finite, as timesDerivativeChecked; null when not here. */
  timesDerivativeChecked(act: number, z: Float64Array, a: Float64Array, delta: Float64Array): boolean | null {
    if (z.length < delta.length || a.length < delta.length || !this.holds(z, a, delta)) return null;
    return this.k.timesDerivativeChecked(act, z.byteOffset, a.byteOffset, delta.byteOffset, delta.length) === 1;
  }

  /** y = softmax(z) and L_i, as predict and perSample of softmax cross-entropy (../losses.ts). */
  softmaxCrossEntropy(z: Matrix, t: Matrix, y: Matrix, perSample: Float64Array): boolean {
    if (!this.holds(z.data, t.data, y.data, perSample)) return false;
    this.k.softmaxCrossEntropy(z.data.byteOffset, t.data.byteOffset, y.data.byteOffset, perSample.byteOffset, z.rows, z.cols);
    return true;
  }

  /** δ = y·Σt − t and whether every δ is finite, as outputDelta of softmax cross-entropy; null when not here. */
  softmaxDeltaChecked(y: Matrix, t: Matrix, delta: Matrix): boolean | null {
    if (!this.holds(y.data, t.data, delta.data)) return null;
    return this.k.softmaxDeltaChecked(y.data.byteOffset, t.data.byteOffset, delta.data.byteOffset, y.rows, y.cols) === 1;
  }

  /** out = scale·(column sums of d), as columnSumsInto (../tensor.ts). */
  columnSums(d: Matrix, scale: number, out: Float64Array): boolean {
    if (out.length < d.cols || !this.holds(d.data, out)) return false;
    this.k.columnSums(d.data.byteOffset, d.rows, d.cols, scale, out.byteOffset);
    return true;
  }
}
