/**
 * Batches whose x is kept as bytes (a ByteMatrix, as MNIST's are drawn): the trainer lists
 * them from the bytes, in WebAssembly in its arena (where a drawer may write them straight:
 * Trainer.inputBytes) or in TypeScript, and the steps are bit for bit those on the same inputs
 * as doubles; the doubles are made only when something reads them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ByteMatrix } from '../../../src/core/byte-matrix.ts';
import { useFastPaths } from '../../../src/core/fast-paths.ts';
import { createNetwork, type Network } from '../../../src/core/network.ts';
import type { Batch } from '../../../src/core/passes.ts';
import { createRng, uniform, uniformInt } from '../../../src/core/rng.ts';
import type { Hyperparameters } from '../../../src/core/spec.ts';
import { createSparseLists, rowListsFromBytesInto, rowListsInto } from '../../../src/core/sparse.ts';
import { zeros } from '../../../src/core/tensor.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { Arena } from '../../../src/core/wasm/memory.ts';
import { gather, gatherBytes } from '../../../src/data/batching.ts';
import type { ClassificationSet } from '../../../src/data/dataset.ts';
import { firstBitDifference } from './helpers.ts';
import { listed } from './sparse-helpers.ts';

const SGD: Hyperparameters = { learningRate: 0.1, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } };

/** Bytes as MNIST has them: mostly 0, some 255, the rest in between; whole blank rows too. */
function pixelBytes(m: number, cols: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  const bytes = new Uint8Array(m * cols);
  for (let s = 0; s < bytes.length; s++) {
    const u = uniform(rng);
    bytes[s] = u < 0.75 ? 0 : u < 0.85 ? 255 : 1 + uniformInt(rng, 254);
  }
  if (m > 2) bytes.fill(0, cols, 2 * cols); // row 1 blank
  return bytes;
}

/** A ByteMatrix that counts how often its doubles are made. */
function counted(m: number, cols: number, bytes: Uint8Array): { x: ByteMatrix; made: () => number } {
  let made = 0;
  const x = new ByteMatrix(m, cols, bytes, (n) => {
    made++;
    return new Float64Array(n);
  });
  return { x, made: () => made };
}

describe('row lists from bytes', () => {
  // Widths around the sixteen-byte chunks the kernel passes over at once.
  it.each([1, 15, 16, 17, 33, 784])('give the lists of the doubles byte / 255, in WebAssembly and TypeScript alike (%i columns)', (cols) => {
    const m = 5;
    const bytes = pixelBytes(m, cols, cols);
    const doubles = new ByteMatrix(m, cols, bytes).data;
    const fromDoubles = createSparseLists(m, m * cols);
    rowListsInto({ rows: m, cols, data: doubles }, fromDoubles);
    const fromBytes = createSparseLists(m, m * cols);
    rowListsFromBytesInto(bytes, m, cols, fromBytes);
    expect(listed(fromBytes)).toEqual(listed(fromDoubles));

    const arena = Arena.create(1 << 20, 8)!;
    const resident = arena.u8(m * cols);
    resident.set(bytes);
    const lists = createSparseLists(m, m * cols, arena);
    expect(arena.rowListsFromBytes(resident, m, cols, lists)).toBe(true);
    expect(listed(lists)).toEqual(listed(fromDoubles));
    expect(doubles.every((v, s) => v === bytes[s]! / 255)).toBe(true);
  });
});

describe('training on a batch of bytes', () => {
  afterEach(() => {
    useFastPaths(true);
    vi.restoreAllMocks();
  });

  function net(seed: number): Network {
    const spec = { layers: [{ units: 784 }, { units: 50, activation: 'relu' as const }, { units: 10, activation: 'identity' as const }], loss: 'softmax-cross-entropy' as const };
    return createNetwork(spec, { weights: { kind: 'he' }, biases: { kind: 'standard-normal' } }, createRng(seed));
  }

  function targets(m: number, seed: number) {
    const rng = createRng(seed);
    const t = zeros(m, 10);
    for (let i = 0; i < m; i++) t.data[i * 10 + uniformInt(rng, 10)] = 1;
    return t;
  }

  it.each([true, false])('takes the steps it takes on the doubles, bit for bit, without making them (fast paths %s)', (fast) => {
    useFastPaths(fast);
    const kernel = vi.spyOn(Arena.prototype, 'rowListsFromBytes');
    const m = 60;
    const batches = [1, 2, 3, 4].map((k) => ({ bytes: pixelBytes(m, 784, 10 + k), t: targets(m, 20 + k) }));
    const onBytes = new Trainer(net(1), SGD);
    const onDoubles = new Trainer(net(1), SGD);
    for (const { bytes, t } of batches) {
      const { x, made } = counted(m, 784, bytes);
      onBytes.step({ x, t });
      expect(made()).toBe(0);
      onDoubles.step({ x: { rows: m, cols: 784, data: new ByteMatrix(m, 784, bytes).data }, t });
      expect(firstBitDifference(onBytes.params[0]!.W.data, onDoubles.params[0]!.W.data)).toBe(-1);
      expect(firstBitDifference(onBytes.params[1]!.b, onDoubles.params[1]!.b)).toBe(-1);
    }
    // with the fast paths on, the lists came from the bytes in the trainer's arena
    expect(kernel.mock.calls.length).toBe(fast ? batches.length : 0);
  });

  it('writes a batch straight into the trainer\'s memory (inputBytes): listed where it lies, the same steps bit for bit', () => {
    const m = 40;
    const batches = [1, 2, 3, 4].map((k) => ({ bytes: pixelBytes(m, 784, 30 + k), t: targets(m, 40 + k) }));
    const straight = new Trainer(net(3), SGD);
    const copied = new Trainer(net(3), SGD);
    const kernel = vi.spyOn(Arena.prototype, 'rowListsFromBytes');
    const places: Uint8Array[] = [];
    for (const { bytes, t } of batches) {
      const place = straight.inputBytes(m)!;
      expect(place.length).toBe(m * 784);
      place.set(bytes); // as a drawer gathers into it
      places.push(place);
      const { x, made } = counted(m, 784, place);
      kernel.mockClear();
      straight.step({ x, t });
      expect(made()).toBe(0);
      // listed from the very bytes written, not from a copy of them
      expect(kernel.mock.calls.length).toBe(1);
      expect(kernel.mock.calls[0]![0]).toBe(place);
      copied.step({ x: new ByteMatrix(m, 784, bytes), t });
      expect(firstBitDifference(straight.params[0]!.W.data, copied.params[0]!.W.data)).toBe(-1);
      expect(firstBitDifference(straight.params[1]!.b, copied.params[1]!.b)).toBe(-1);
    }
    // two places in turn, in the trainer's arena: a batch stays intact until two batches later
    expect(places[0]).toBe(places[2]);
    expect(places[1]).toBe(places[3]);
    expect(places[0]).not.toBe(places[1]);
    expect(places[0]!.buffer).toBe(straight.params[0]!.W.data.buffer);
    expect([...places[1]!.subarray(0, 784)]).toEqual([...batches[3]!.bytes.subarray(0, 784)]);
    // another batch size gets places of its own size
    expect(straight.inputBytes(7)!.length).toBe(7 * 784);
    expect(() => straight.inputBytes(0)).toThrow(/1 to/);
  });

  it('gives no place where the trainer keeps no WebAssembly memory (a small network, or the fast paths off)', () => {
    const small = createNetwork(
      { layers: [{ units: 4 }, { units: 3, activation: 'tanh' }, { units: 1, activation: 'identity' }], loss: 'sigmoid-binary-cross-entropy' },
      { weights: { kind: 'xavier' }, biases: { kind: 'zero' } },
      createRng(4),
    );
    expect(new Trainer(small, SGD).inputBytes(10)).toBeNull();
    useFastPaths(false);
    expect(new Trainer(net(5), SGD).inputBytes(10)).toBeNull();
  });

  it('makes the doubles once for a traced step, and its trace is the one taken on the doubles', () => {
    const m = 30;
    const bytes = pixelBytes(m, 784, 99);
    const t = targets(m, 98);
    const { x, made } = counted(m, 784, bytes);
    const traced = new Trainer(net(2), SGD).step({ x, t }, { trace: true }).trace!;
    expect(made()).toBe(1);
    const ref = new Trainer(net(2), SGD).step({ x: { rows: m, cols: 784, data: new ByteMatrix(m, 784, bytes).data }, t }, { trace: true }).trace!;
    expect(firstBitDifference(traced.x.data, ref.x.data)).toBe(-1);
    expect(firstBitDifference(traced.layers[0]!.dW!.data, ref.layers[0]!.dW!.data)).toBe(-1);
    expect(firstBitDifference(traced.layers[1]!.delta!.data, ref.layers[1]!.delta!.data)).toBe(-1);
  });

  it('gatherBytes draws the rows gather draws, as bytes', () => {
    const n = 12;
    const cols = 20;
    const bytes = pixelBytes(n, cols, 5);
    const ds: ClassificationSet<{ rows: number; cols: number; bytes: Uint8Array }> = {
      kind: 'classification',
      name: 'pixels',
      x: { rows: n, cols, bytes },
      labels: Int32Array.from({ length: n }, (_, i) => i % 3),
      numClasses: 3,
    };
    const indices = Int32Array.of(3, 0, 11, 3);
    const asDoubles: Batch = gather(ds, indices, 3);
    const asBytes = gatherBytes(ds, indices, 3, new Uint8Array(4 * cols + 7), (k) => new Float64Array(k + 5));
    expect(asBytes.x.bytes.length).toBe(4 * cols);
    expect(firstBitDifference(asBytes.x.data, asDoubles.x.data)).toBe(-1);
    expect(firstBitDifference(asBytes.t.data, asDoubles.t.data)).toBe(-1);
  });
});
