/**
 * The buffers of a training step (a Workspace, shaped for a batch size) and how a batch's x
 * gets into them: its nonzeros listed for forward 1, from its doubles or straight from its
 * bytes, in a trainer's arena when it has one (resident.ts).
 */
import { isByteMatrix, type ByteMatrix } from './byte-matrix.ts';
import { directLoopsOn } from './fast-paths.ts';
import { SMALL_LAYER_WORK } from './small-layers.ts';
import { createSparseLists, listRowsInto, rowListsFromBytesInto, type SparseLists } from './sparse.ts';
import { depth, type NetworkSpec } from './spec.ts';
import { allFinite, zeros, type Matrix } from './tensor.ts';
import { arenaOf, HEAP, type Allocator } from './wasm/memory.ts';

export interface Batch {
  /** m × n⁰ inputs, one sample per row. */
  readonly x: Matrix;
  /** m × nᴸ targets (one-hot rows, 0/1 columns, or real values). */
  readonly t: Matrix;
}

/** Buffers of one weight layer l, index l − 1 in Workspace.layers. */
export interface LayerBuffers {
  /** True for a small layer, which takes the direct loops (small-layers.ts) and needs no lists. */
  readonly direct: boolean;
  readonly z: Matrix;
  readonly a: Matrix;
  /** f'(zˡ), scratch for the backward pass. */
  readonly fPrime: Float64Array;
  readonly delta: Matrix;
  readonly dW: Matrix;
  readonly db: Float64Array;
  /**
   * max |∂L/∂W| and max |∂L/∂b| (NaN when some entry is not finite, as maxAbs), when the last
   * layerGradients measured them as it stored them (the direct loops, with no penalty to add);
   * `measured` false otherwise.
   */
  readonly gradMax: GradMax;
  /** Nonzeros of aˡ⁻¹ by row (built in forward l, read in backward l). */
  readonly inputRows: SparseLists;
  /** Scratch of backward l: the nonzeros of aˡ⁻¹ by column, and for l < L, Wˡ⁺¹ᵀ and the nonzeros of δˡ⁺¹. */
  readonly inputCols: SparseLists;
  readonly weightsAboveT: Matrix;
  readonly deltaAboveRows: SparseLists;
}

export interface GradMax {
  measured: boolean;
  W: number;
  b: number;
}

export interface Workspace {
  /** Batch size the buffers are shaped for. */
  readonly m: number;
  readonly layers: readonly LayerBuffers[];
  /** The prediction y (softmax / sigmoid of the logits, or aᴸ). */
  readonly y: Matrix;
  /** Lᵢ for each sample. */
  readonly perSample: Float64Array;
  /** The batch x whose row lists listInput has put in layer 1's inputRows, until forward 1 uses them. */
  listedInput: Matrix | null;
  /** The x forward 1 read last, which backward 1 of a small layer reads again. */
  x: Matrix | null;
  /** In a trainer's arena: where each batch's x is copied for the kernels to list it there (else null). */
  readonly residentX: Matrix | null;
  /** In a trainer's arena: where each batch's t is copied for the loss kernels (else null). */
  readonly residentT: Matrix | null;
  /** In a trainer's arena: where a batch's x given as bytes (a ByteMatrix) is copied to be listed (else null). */
  readonly residentBytes: Uint8Array | null;
  /**
   * In a trainer's arena: two places where a batch drawer may write a batch's x as bytes
   * (Trainer.inputBytes), taken in turn, so that the step lists them where they lie (else empty).
   */
  readonly inputSlots: readonly Uint8Array[];
  /** The place inputSlots gives out next. */
  nextInputSlot: number;
}

/** The buffers of a step at batch size m: on the heap, or in a trainer's arena (resident.ts). */
export function createWorkspace(spec: NetworkSpec, m: number, alloc: Allocator = HEAP): Workspace {
  const layers: LayerBuffers[] = [];
  for (let l = 1; l <= depth(spec); l++) {
    const nIn = spec.layers[l - 1]!.units;
    const n = spec.layers[l]!.units;
    const nAbove = spec.layers[l + 1]?.units ?? 0;
    layers.push({
      direct: directLoopsOn() && m * nIn * n <= SMALL_LAYER_WORK,
      z: zeros(m, n, alloc),
      a: zeros(m, n, alloc),
      fPrime: alloc.f64(m * n),
      delta: zeros(m, n, alloc),
      dW: zeros(nIn, n, alloc),
      db: alloc.f64(n),
      gradMax: { measured: false, W: 0, b: 0 },
      inputRows: createSparseLists(m, m * nIn, alloc),
      inputCols: createSparseLists(nIn, m * nIn, alloc),
      weightsAboveT: zeros(nAbove, n, alloc),
      deltaAboveRows: createSparseLists(m, m * nAbove, alloc),
    });
  }
  const k = spec.layers[spec.layers.length - 1]!.units;
  const residentX = alloc === HEAP || layers[0]!.direct ? null : zeros(m, spec.layers[0]!.units, alloc);
  const residentT = alloc === HEAP ? null : zeros(m, k, alloc);
  const inputBytes = m * spec.layers[0]!.units;
  const residentBytes = residentX === null ? null : alloc.u8(inputBytes);
  const inputSlots = residentX === null ? [] : [alloc.u8(inputBytes), alloc.u8(inputBytes)];
  return { m, layers, y: zeros(m, k, alloc), perSample: alloc.f64(m), listedInput: null, x: null, residentX, residentT, residentBytes, inputSlots, nextInputSlot: 0 };
}

/** aˡ⁻¹: the batch's x for l = 1, otherwise the layer below's activation. */
export function layerInput(ws: Workspace, x: Matrix, l: number): Matrix {
  return l === 1 ? x : ws.layers[l - 2]!.a;
}

/**
 * Lists the nonzeros of a batch's x for forward 1, which then uses them, and tells whether
 * every entry of x is finite (those not listed are zeros): so a step reads x only once.
 * In an arena, the batch is copied in first, unless it was written there (inputSlots). An x
 * of bytes is listed from its bytes, without making its doubles; every byte / 255 is finite.
 */
export function listInput(ws: Workspace, batch: Batch): boolean {
  const { x } = batch;
  ws.residentT?.data.set(batch.t.data);
  if (ws.layers[0]!.direct) {
    ws.listedInput = null; // forward 1 reads x directly
    return allFinite(x.data);
  }
  const rows = ws.layers[0]!.inputRows;
  if (isByteMatrix(x)) {
    listBytes(ws, x, rows);
    ws.listedInput = x;
    return true;
  }
  if (ws.residentX === null) listRowsInto(x, rows);
  else {
    ws.residentX.data.set(x.data);
    listRowsInto(ws.residentX, rows);
  }
  const finite = allFinite(rows.value.subarray(0, rows.ptr[rows.count]!));
  ws.listedInput = finite ? x : null;
  return finite;
}

function listBytes(ws: Workspace, x: ByteMatrix, rows: SparseLists): void {
  if (arenaOf(x.bytes)?.rowListsFromBytes(x.bytes, x.rows, x.cols, rows)) return; // in the arena already: no copy
  const resident = ws.residentBytes;
  if (resident !== null && resident.length === x.bytes.length) {
    resident.set(x.bytes);
    if (arenaOf(resident)?.rowListsFromBytes(resident, x.rows, x.cols, rows)) return;
  }
  rowListsFromBytesInto(x.bytes, x.rows, x.cols, rows);
}

