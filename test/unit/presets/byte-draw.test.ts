/**
 * An experiment on data kept as bytes (MNIST) draws each batch straight into its trainer's
 * WebAssembly memory (Trainer.inputBytes), where the step lists it without a copy: the same
 * steps, bit for bit, as drawing into buffers of its own.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isByteMatrix } from '../../../src/core/byte-matrix.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import type { ClassificationSet } from '../../../src/data/dataset.ts';
import type { ByteFeatures } from '../../../src/data/dataset.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { loadExperimentData } from '../../../src/presets/data-source.ts';
import { Experiment } from '../../../src/presets/experiment.ts';

/** A stand-in for MNIST kept as bytes, as the lab keeps it: pixels 0–255, label = index mod 10. */
function byteMnist(part: 'train' | 't10k'): ClassificationSet<ByteFeatures> {
  const n = part === 'train' ? 500 : 50;
  const bytes = new Uint8Array(n * 784);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % 10;
    for (let k = 0; k < 784; k += 7 + (i % 5)) bytes[i * 784 + k] = (i * 31 + k * 17) % 256;
  }
  return { kind: 'classification', name: part, x: { rows: n, cols: 784, bytes }, labels, numClasses: 10 };
}

const config = { ...findPreset('mnist-two-layer-relu')!, data: { kind: 'mnist' as const, train: { part: 'train' as const, take: 'all' as const }, test: { part: 't10k' as const, take: 'all' as const } } };

describe('drawing MNIST batches', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes them into the trainer\'s memory, two places in turn, and trains as with buffers of its own', () => {
    const straight = new Experiment(config, loadExperimentData(config.data, byteMnist));
    const drawn = [0, 1, 2].map(() => {
      const batch = straight.nextBatch();
      straight.trainer.step(batch);
      return batch;
    });
    const arenaBuffer = straight.trainer.params[0]!.W.data.buffer;
    for (const b of drawn) {
      expect(isByteMatrix(b.x) && b.x.bytes.buffer === arenaBuffer).toBe(true);
    }
    const places = drawn.map((b) => (isByteMatrix(b.x) ? b.x.bytes.byteOffset : -1));
    expect(places[0]).toBe(places[2]);
    expect(places[0]).not.toBe(places[1]);

    vi.spyOn(Trainer.prototype, 'inputBytes').mockReturnValue(null); // as before: buffers of its own
    const own = new Experiment(config, loadExperimentData(config.data, byteMnist));
    for (let s = 0; s < 3; s++) {
      const batch = own.nextBatch();
      expect(isByteMatrix(batch.x) && batch.x.bytes.buffer !== own.trainer.params[0]!.W.data.buffer).toBe(true);
      own.trainer.step(batch);
    }
    own.trainer.params.forEach((p, l) => {
      const q = straight.trainer.params[l]!;
      expect(p.W.data.every((w, s) => Object.is(w, q.W.data[s]))).toBe(true); // the same weights, bit for bit
      expect(p.b.every((w, s) => Object.is(w, q.b[s]))).toBe(true);
    });
  });
});
