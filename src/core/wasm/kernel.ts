/**
 * The WebAssembly SIMD build (sources: sparse.wat, and elementwise.wat for the passes that run
 * only on a trainer's resident memory) of the core's loops over large arrays:
 * rowLists as rowListsInto, multiply as sparseTimesDenseInto, transposedProduct
 * (∂L/∂W = s·aᵀ·δ from the row lists of a) as columnListsInto then sparseTimesDenseInto,
 * maxAbs as in tensor.ts and sgdStep as sgdStepInPlace. The numbers are the same bit for bit,
 * several times faster: V8 runs the TypeScript loops one double at a time with a bounds check
 * per load.
 *
 * Each module is under 4 KB, so it may be compiled synchronously on any thread, and is, on
 * first use. A trainer with large products keeps its weights and workspace in a memory of its
 * own, where the kernels run on them in place (memory.ts, ../resident.ts). This class serves
 * everything else (gradient checks, evaluation, tests): operands are copied into its memory
 * and results copied out, so plain Float64Arrays can be used. Where WebAssembly or its SIMD is
 * missing, or the memory cannot grow, a method returns false and the caller runs TypeScript.
 */
import type { SparseLists } from '../sparse.ts';
import type { Matrix } from '../tensor.ts';
import { WASM_BASE64 as ELEMENTWISE_BASE64 } from './elementwise.wasm.ts';
import { WASM_BASE64 as SPARSE_BASE64 } from './sparse.wasm.ts';

/** Below this many multiply-adds (or entries) work stays in TypeScript: copying in and out would cost more. */
export const WASM_MIN_WORK = 4096;

/** The exports of both modules (sparse.wat, elementwise.wat): every pointer a byte offset into their memory. */
export interface Exports {
  rowLists(a: number, m: number, cols: number, ptr: number, index: number, value: number): number;
  rowListsFromBytes(a: number, m: number, cols: number, ptr: number, index: number, value: number, table: number): number;
  columnLists(rowPtr: number, rowIndex: number, rowValue: number, m: number, cols: number, ptr: number, index: number, value: number): void;
  sparseTimesDense(count: number, ptr: number, index: number, value: number, M: number, n: number, init: number, out: number, scale: number): void;
  maxAbs(x: number, n: number): number;
  sgdStep(theta: number, g: number, update: number, n: number, eta: number): number;
  activateChecked(act: number, z: number, a: number, n: number): number;
  timesDerivativeChecked(act: number, z: number, a: number, delta: number, n: number): number;
  softmaxCrossEntropy(z: number, t: number, y: number, L: number, m: number, k: number): void;
  softmaxDeltaChecked(y: number, t: number, delta: number, m: number, k: number): number;
  columnSums(d: number, m: number, q: number, scale: number, out: number): void;
}

const PAGE_BYTES = 65536;

/** The generated modules in base64, by source name. */
export const MODULES = { sparse: SPARSE_BASE64, elementwise: ELEMENTWISE_BASE64 } as const;

export function moduleBytes(base64: string = SPARSE_BASE64): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Both modules compiled, or null where WebAssembly or its SIMD is missing. */
let compiled: { sparse: WebAssembly.Module; elementwise: WebAssembly.Module } | null | undefined;

function compile(base64: string): WebAssembly.Module | null {
  const bytes = moduleBytes(base64);
  return WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null; // not valid: no SIMD here
}

/** The exports of both modules over `memory` (one set of kernels), or null where they cannot run. */
export function instantiate(memory: WebAssembly.Memory): Exports | null {
  if (compiled === undefined) {
    compiled = null;
    if (typeof WebAssembly === 'object') {
      const sparse = compile(SPARSE_BASE64);
      const elementwise = compile(ELEMENTWISE_BASE64);
      if (sparse !== null && elementwise !== null) compiled = { sparse, elementwise };
    }
  }
  if (compiled === null) return null;
  // Math.exp, Math.log and Math.tanh themselves: softmax, the sigmoid and tanh round exactly as in TypeScript.
  const env = { memory, exp: Math.exp, log: Math.log, tanh: Math.tanh };
  const sparse = new WebAssembly.Instance(compiled.sparse, { env }).exports;
  const elementwise = new WebAssembly.Instance(compiled.elementwise, { env }).exports;
  return { ...sparse, ...elementwise } as unknown as Exports;
}

/** Byte offsets of consecutive 16-byte-aligned regions of the linear memory. */
class Layout {
  bytes = 0;
  take(size: number): number {
    const at = this.bytes;
    this.bytes = Math.ceil((this.bytes + size) / 16) * 16; // plain arithmetic: sizes may pass 2³¹
    return at;
  }
}

/** wasm32 addresses stop here. */
const MAX_BYTES = 2 ** 32;

export class WasmSparseKernels {
  private constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly kernels: Exports,
  ) {}

  /** The kernels, or null where this JavaScript engine cannot run them. */
  static load(): WasmSparseKernels | null {
    try {
      const memory = new WebAssembly.Memory({ initial: 1 });
      const exports = instantiate(memory);
      return exports === null ? null : new WasmSparseKernels(memory, exports);
    } catch {
      return null;
    }
  }

  /** The row lists of a, as rowListsInto (capacity ≥ a.rows·a.cols). */
  rowLists(a: Matrix, rows: SparseLists): boolean {
    const { rows: m, cols } = a;
    const at = new Layout();
    const aAt = at.take(8 * m * cols);
    const ptrAt = at.take(4 * (m + 1));
    const indexAt = at.take(4 * m * cols);
    const valueAt = at.take(8 * m * cols);
    if (!this.ensure(at.bytes)) return false;
    const buffer = this.memory.buffer;
    new Float64Array(buffer, aAt, m * cols).set(a.data.subarray(0, m * cols));
    const nnz = this.kernels.rowLists(aAt, m, cols, ptrAt, indexAt, valueAt);
    rows.count = m;
    rows.ptr.set(new Int32Array(buffer, ptrAt, m + 1));
    rows.index.set(new Int32Array(buffer, indexAt, nnz));
    rows.value.set(new Float64Array(buffer, valueAt, nnz));
    return true;
  }

  /** out = scale·(init + lists·M), as sparseTimesDenseInto. */
  multiply(lists: SparseLists, M: Matrix, init: Float64Array | null, out: Matrix, scale: number): boolean {
    const { count } = lists;
    const n = M.cols;
    const nnz = lists.ptr[count]!;
    const at = new Layout();
    const ptrAt = at.take(4 * (count + 1));
    const indexAt = at.take(4 * nnz);
    const valueAt = at.take(8 * nnz);
    const mAt = at.take(8 * M.rows * n);
    const initAt = at.take(8 * n);
    const outAt = at.take(8 * count * n);
    if (!this.ensure(at.bytes)) return false;
    const buffer = this.memory.buffer;
    new Int32Array(buffer, ptrAt, count + 1).set(lists.ptr.subarray(0, count + 1));
    new Int32Array(buffer, indexAt, nnz).set(lists.index.subarray(0, nnz));
    new Float64Array(buffer, valueAt, nnz).set(lists.value.subarray(0, nnz));
    new Float64Array(buffer, mAt, M.rows * n).set(M.data.subarray(0, M.rows * n));
    const initView = new Float64Array(buffer, initAt, n);
    if (init === null) initView.fill(0);
    else initView.set(init.subarray(0, n));
    this.kernels.sparseTimesDense(count, ptrAt, indexAt, valueAt, mAt, n, initAt, outAt, scale);
    out.data.set(new Float64Array(buffer, outAt, count * n));
    return true;
  }

  /** dW = scale·aᵀ·δ, from the row lists of a (a has dW.rows columns). */
  transposedProduct(rows: SparseLists, delta: Matrix, scale: number, dW: Matrix): boolean {
    const m = rows.count;
    const cols = dW.rows;
    const n = delta.cols;
    const nnz = rows.ptr[m]!;
    const at = new Layout();
    const rowPtrAt = at.take(4 * (m + 1));
    const rowIndexAt = at.take(4 * nnz);
    const rowValueAt = at.take(8 * nnz);
    const ptrAt = at.take(4 * (cols + 1));
    const indexAt = at.take(4 * nnz);
    const valueAt = at.take(8 * nnz);
    const deltaAt = at.take(8 * m * n);
    const zerosAt = at.take(8 * n);
    const dWAt = at.take(8 * cols * n);
    if (!this.ensure(at.bytes)) return false;
    const buffer = this.memory.buffer;
    new Int32Array(buffer, rowPtrAt, m + 1).set(rows.ptr.subarray(0, m + 1));
    new Int32Array(buffer, rowIndexAt, nnz).set(rows.index.subarray(0, nnz));
    new Float64Array(buffer, rowValueAt, nnz).set(rows.value.subarray(0, nnz));
    new Int32Array(buffer, ptrAt, cols + 1).fill(0);
    new Float64Array(buffer, deltaAt, m * n).set(delta.data.subarray(0, m * n));
    new Float64Array(buffer, zerosAt, n).fill(0);
    this.kernels.columnLists(rowPtrAt, rowIndexAt, rowValueAt, m, cols, ptrAt, indexAt, valueAt);
    this.kernels.sparseTimesDense(cols, ptrAt, indexAt, valueAt, deltaAt, n, zerosAt, dWAt, scale);
    dW.data.set(new Float64Array(buffer, dWAt, cols * n));
    return true;
  }

  /** max |x|, or NaN when some entry is not finite, as maxAbs; null if it could not run here. */
  maxAbs(x: Float64Array): number | null {
    if (!this.ensure(8 * x.length)) return null;
    new Float64Array(this.memory.buffer, 0, x.length).set(x);
    return this.kernels.maxAbs(0, x.length);
  }

  /** θ += update = −η·g in place, returning max |θ|, as sgdStepInPlace; null if it could not run here. */
  sgdStep(learningRate: number, theta: Float64Array, g: Float64Array, update: Float64Array): number | null {
    const n = theta.length;
    const at = new Layout();
    const thetaAt = at.take(8 * n);
    const gAt = at.take(8 * n);
    const updateAt = at.take(8 * n);
    if (!this.ensure(at.bytes)) return null;
    const buffer = this.memory.buffer;
    new Float64Array(buffer, thetaAt, n).set(theta);
    new Float64Array(buffer, gAt, n).set(g.subarray(0, n));
    const max = this.kernels.sgdStep(thetaAt, gAt, updateAt, n, learningRate);
    theta.set(new Float64Array(buffer, thetaAt, n));
    update.set(new Float64Array(buffer, updateAt, n));
    return max;
  }

  /** Grows the memory to hold `bytes`; false when it cannot (wasm32 stops at 4 GiB). */
  private ensure(bytes: number): boolean {
    const have = this.memory.buffer.byteLength;
    if (bytes <= have) return true;
    if (bytes > MAX_BYTES) return false;
    try {
      this.memory.grow(Math.ceil((bytes - have) / PAGE_BYTES));
      return true;
    } catch {
      return false;
    }
  }
}

let loaded: WasmSparseKernels | null | undefined;
let wanted = true;

/** Turns the WebAssembly kernels on (the default, where they can run) or off, e.g. to compare speeds. */
export function useWasmKernels(on: boolean): void {
  wanted = on;
}

/** Whether the WebAssembly kernels are wanted (useWasmKernels). */
export function wasmWanted(): boolean {
  return wanted;
}

/** The WebAssembly kernels when they are wanted and can run here, else null. */
export function wasmKernels(): WasmSparseKernels | null {
  if (loaded === undefined) loaded = WasmSparseKernels.load();
  return wanted ? loaded : null;
}
