import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedPath, generateKernelModule, KERNEL_SOURCES } from '../../../src/cli/kernels.ts';
import { moduleBytes, MODULES } from '../../../src/core/wasm/kernel.ts';

describe('the WebAssembly kernels as built', () => {
  it.each(KERNEL_SOURCES)('%s: the committed module is what its source assembles to (run `npm run build:kernels`)', async (source) => {
    expect(readFileSync(generatedPath(source), 'utf8')).toBe(await generateKernelModule(source));
  });

  it.each(Object.entries(MODULES))('%s stays under the 4 KB browsers allow to compile synchronously on the main thread', (_name, base64) => {
    const bytes = moduleBytes(base64);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x00, 0x61, 0x73, 0x6d]); // "\0asm"
    expect(bytes.length).toBeLessThan(4096);
  });
});
