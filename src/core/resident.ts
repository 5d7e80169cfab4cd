/**
 * A trainer's weights, updates and workspace resident in one WebAssembly arena
 * (wasm/memory.ts), so that the kernels read and write them where they lie: nothing is copied
 * in or out on the hot path. Only networks with a product large enough for the kernels get
 * an arena; the others, and every engine without WebAssembly SIMD, keep heap arrays.
 *
 * The arena's first part holds the weights and updates; the workspace for the batch size
 * follows. A batch size whose workspace does not fit makes a new arena, sized for it, and the
 * weights and updates are copied over (an arena never grows: that would detach its views).
 * Weights set from outside (setParams) are copied in at the next step. Traces and snapshots
 * copy out, as they do from heap arrays.
 */
import type { LayerParams } from './network.ts';
import { createWorkspace, type Workspace } from './workspace.ts';
import { SMALL_LAYER_WORK } from './small-layers.ts';
import { depth, type NetworkSpec } from './spec.ts';
import { zeros, type Matrix } from './tensor.ts';
import type { TrainingState } from './update.ts';
import { directLoopsOn } from './fast-paths.ts';
import { wasmWanted } from './wasm/kernel.ts';
import { Arena, bytesOf, type Allocator } from './wasm/memory.ts';

export interface Resident {
  readonly arena: Arena;
  readonly params: LayerParams[];
  readonly updates: { readonly W: Matrix; readonly b: Float64Array }[];
  /** Where the workspace starts in the arena. */
  readonly workspaceAt: number;
}

/** Arrays shaped as a network's weights and biases. */
function layerShapes(spec: NetworkSpec, alloc: Allocator): LayerParams[] {
  const out: LayerParams[] = [];
  for (let l = 1; l <= depth(spec); l++) {
    const nIn = spec.layers[l - 1]!.units;
    const n = spec.layers[l]!.units;
    out.push({ W: zeros(nIn, n, alloc), b: alloc.f64(n) });
  }
  return out;
}

/** True when some product of a step at batch size m goes to the kernels (see createWorkspace). */
function usesKernels(spec: NetworkSpec, m: number): boolean {
  if (!wasmWanted()) return false;
  if (!directLoopsOn()) return true;
  for (let l = 1; l <= depth(spec); l++) if (m * spec.layers[l - 1]!.units * spec.layers[l]!.units > SMALL_LAYER_WORK) return true;
  return false;
}

/** The workspace for batch size m: in the trainer's arena when it has one, or gets one, else on the heap. */
export function workspaceFor(state: TrainingState, m: number): Workspace {
  const { spec } = state;
  if (!usesKernels(spec, m)) return createWorkspace(spec, m);
  const need = bytesOf((alloc) => createWorkspace(spec, m, alloc));
  let r = state.resident;
  if (r === null || r.arena.capacity - r.workspaceAt < need) {
    r = place(spec, need);
    if (r === null) return createWorkspace(spec, m);
    state.resident = r;
  }
  moveIn(state);
  r.arena.release(r.workspaceAt);
  return createWorkspace(spec, m, r.arena);
}

/** A new arena with the weights' and updates' places, and room for a workspace of `workspaceBytes`. */
function place(spec: NetworkSpec, workspaceBytes: number): Resident | null {
  const weightBytes = bytesOf((alloc) => layerShapes(spec, alloc));
  const widest = Math.max(...spec.layers.map((layer) => layer.units));
  const arena = Arena.create(2 * weightBytes + workspaceBytes, widest);
  if (arena === null) return null;
  const params = layerShapes(spec, arena);
  const updates = layerShapes(spec, arena);
  return { arena, params, updates, workspaceAt: arena.mark() };
}

/** Copies the weights and updates into the arena unless they are there already. */
export function moveIn(state: TrainingState): void {
  const r = state.resident;
  if (r === null) return;
  if (state.params !== r.params) {
    copyLayers(state.params, r.params);
    state.params = r.params;
  }
  if (state.updates !== r.updates) {
    copyLayers(state.updates, r.updates);
    state.updates = r.updates;
  }
}

function copyLayers(from: readonly { W: Matrix; b: Float64Array }[], to: readonly { W: Matrix; b: Float64Array }[]): void {
  from.forEach(({ W, b }, i) => {
    to[i]!.W.data.set(W.data);
    to[i]!.b.set(b);
  });
}
