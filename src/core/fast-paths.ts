/**
 * One switch for every fast path of the core: the WebAssembly kernels (wasm/) and the direct
 * loops of small layers (small-layers.ts). Each gives the same numbers bit for bit as the
 * plain TypeScript loops; turning them off is how tests and benchmarks compare.
 */
import { useWasmKernels } from './wasm/kernel.ts';

let directLoops = true;

/**
 * Turns every fast path on (the default) or off: then only the plain TypeScript loops run.
 * A workspace keeps the choice it was made with.
 */
export function useFastPaths(on: boolean): void {
  useWasmKernels(on);
  directLoops = on;
}

/** True when small layers may take the direct loops. */
export function directLoopsOn(): boolean {
  return directLoops;
}
