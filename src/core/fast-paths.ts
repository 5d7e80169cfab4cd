/**
 * One switch for every fast path of the core (the WebAssembly kernels in wasm/). Each gives
 * the same numbers bit for bit as the plain TypeScript loops; turning them off is how tests
 * and benchmarks compare.
 */
import { useWasmKernels } from './wasm/kernel.ts';

/** Turns every fast path on (the default) or off: then only the plain TypeScript loops run. */
export function useFastPaths(on: boolean): void {
  useWasmKernels(on);
}
