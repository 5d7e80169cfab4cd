/**
 * MNIST from its two IDX files: images (n × rows × cols bytes) and labels (n bytes, 0–9).
 */
import type { ByteFeatures, ClassificationSet } from './dataset.ts';
import { IdxError, parseIdx } from './idx.ts';

const DIGITS: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * A ClassificationSet from the bytes of an MNIST image file and label file: x is
 * n × (rows·cols) pixels kept as bytes, read as byte / 255 in [0, 1] (see features.ts),
 * labels 0–9, numClasses 10.
 * Throws IdxError when a file is malformed, the images are not 3-D, the labels not 1-D,
 * the counts differ, or a label exceeds 9.
 */
export function mnistFromIdx(images: Uint8Array, labels: Uint8Array, name: string): ClassificationSet<ByteFeatures> {
  const img = parseIdx(images);
  const lab = parseIdx(labels);
  if (img.dims.length !== 3) {
    throw new IdxError(`MNIST images must be 3-dimensional (n × rows × cols), got ${img.dims.join('×')}`);
  }
  if (lab.dims.length !== 1) {
    throw new IdxError(`MNIST labels must be 1-dimensional, got ${lab.dims.join('×')}`);
  }
  const [n, rows, cols] = img.dims as [number, number, number];
  if (lab.dims[0] !== n) {
    throw new IdxError(`the image file holds ${n} images but the label file holds ${lab.dims[0]} labels`);
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = lab.data[i]!;
    if (label > 9) throw new IdxError(`label ${i} is ${label}, but MNIST labels are digits 0–9`);
    out[i] = label;
  }
  // The pixels stay as they are in the file (a view, not a copy).
  const x: ByteFeatures = { rows: n, cols: rows * cols, bytes: img.data };
  return { kind: 'classification', name, x, labels: out, numClasses: 10, classNames: DIGITS };
}
