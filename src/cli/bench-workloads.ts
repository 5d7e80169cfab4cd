/**
 * The speed benchmark's workloads and the lab's side of it: the networks and pre-drawn batch
 * pools both implementations start from, the timed loop over Trainer.step, and the raw files
 * (little-endian float64) plus JSON manifest that hand the very same numbers to NumPy.
 */
import { writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { createNetwork, type LayerParams, type Network } from '../core/network.ts';
import type { Batch } from '../core/passes.ts';
import { createRng } from '../core/rng.ts';
import type { Hyperparameters, InitConfig, NetworkSpec } from '../core/spec.ts';
import { Trainer } from '../core/trainer.ts';
import { gather, gatherBytes, randomBatch } from '../data/batching.ts';
import { isBytes } from '../data/features.ts';
import type { ClassificationSet, Features } from '../data/dataset.ts';
import { spiral } from '../data/toy2d.ts';
import { findPreset } from '../presets/catalog.ts';
import { loadMnist } from './mnist-files.ts';

export interface Workload {
  /** Short id, used as the prefix of its files. */
  readonly key: string;
  readonly name: string;
  readonly spec: NetworkSpec;
  readonly init: InitConfig;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly data: () => ClassificationSet<Features>;
}

/** A workload is a preset's network, initialisation, rate and batch size, on its data. */
function fromPreset(key: string, preset: string, name: string, data: Workload['data']): Workload {
  const p = findPreset(preset);
  if (!p) throw new Error(`no preset ${preset}`);
  return { key, name, spec: p.network, init: p.init, learningRate: p.hyper.learningRate, batchSize: p.schedule.batchSize, data };
}

export const WORKLOADS: readonly Workload[] = [
  fromPreset('mnist-relu', 'mnist-two-layer-relu', '784-50-10 relu softmax batch 100', () => loadMnist('train')),
  fromPreset('mnist-sigmoid', 'mnist-sigmoid-quadratic', '784-30-10 sigmoid quadratic batch 10', () => loadMnist('train')),
  fromPreset('spiral-tanh', 'spiral-deep-tanh', '2-8x6-1 tanh spiral batch 10', () => spiral({ seed: 1, n: 400 })),
];

/** Distinct batches drawn before timing; the timed loop cycles through them. */
export const POOL_SIZE = 64;

/** What both implementations start from: the same initial network and the same batches. */
export interface Prepared {
  readonly workload: Workload;
  readonly network: Network;
  readonly pool: readonly Batch[];
  /** The data, for drawing batches from as the lab does. */
  readonly data: ClassificationSet<Features>;
}

export function prepare(workload: Workload, seed: number): Prepared {
  const network = createNetwork(workload.spec, workload.init, createRng(seed));
  const ds = workload.data();
  const rng = createRng(seed + 1);
  const outputs = workload.spec.layers[workload.spec.layers.length - 1]!.units;
  // As the lab draws them: MNIST's batches stay bytes (the trainer lists them from the bytes).
  const draw = (indices: Int32Array): Batch => {
    if (!isBytes(ds.x)) return gather(ds, indices, outputs);
    const n = indices.length * ds.x.cols;
    return gatherBytes(ds, indices, outputs, new Uint8Array(n), (k) => new Float64Array(k));
  };
  const indices = Array.from({ length: POOL_SIZE }, () => randomBatch(rng, ds.x.rows, workload.batchSize));
  return { workload, network, pool: indices.map(draw), data: ds };
}

/** The pool's batches in order, round and round. */
export function fromPool(pool: readonly Batch[]): (step: number) => Batch {
  return (step) => pool[step % pool.length]!;
}

/**
 * Batches drawn for every step from data kept as bytes, as the lab's experiment draws them
 * (presets/experiment.ts): rows picked at random from the whole set (so, unlike the pool's,
 * mostly not in any cache), gathered with `straight` into the trainer's WebAssembly memory
 * (Trainer.inputBytes), else into a buffer of the drawer's own that the step copies in.
 */
export function drawnLikeTheLab(p: Prepared, trainer: Trainer, straight: boolean, seed: number): (step: number) => Batch {
  const outputs = p.workload.spec.layers[p.workload.spec.layers.length - 1]!.units;
  const own = new Uint8Array(p.workload.batchSize * p.data.x.cols);
  const doubles = new Float64Array(own.length);
  const rng = createRng(seed);
  return () => {
    const rows = randomBatch(rng, p.data.x.rows, p.workload.batchSize);
    const into = (straight ? trainer.inputBytes(rows.length) : null) ?? own;
    return gatherBytes(p.data, rows, outputs, into, () => doubles);
  };
}

export function sgd(learningRate: number): Hyperparameters {
  return { learningRate, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } };
}

export interface Timing {
  readonly steps: number;
  readonly seconds: number;
  /** CPU time this process spent (user + system), in seconds. */
  readonly cpuSeconds: number;
}

/** Takes steps on batchAt(0), batchAt(1), … until `seconds` of wall time have passed. */
export function timeSteps(trainer: Trainer, batchAt: (step: number) => Batch, seconds: number): Timing {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const end = start + seconds * 1000;
  let now = start;
  let steps = 0;
  while (now < end) {
    trainer.step(batchAt(steps));
    steps++;
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpuStart);
  return { steps, seconds: (now - start) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** The arrays one after another in one array. */
function concat(arrays: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}

/** W¹, b¹, W², b², … one after another: the layout NumPy writes its weights in. */
export function flattenParams(params: readonly LayerParams[]): Float64Array {
  return concat(params.flatMap(({ W, b }) => [W.data, b]));
}

/** The weights after one step from the initial network on the pool's first batch. */
export function weightsAfterOneStep(p: Prepared): Float64Array {
  const trainer = new Trainer(p.network, sgd(p.workload.learningRate));
  trainer.step(p.pool[0]!);
  return flattenParams(trainer.params);
}

function writeFloat64(dir: string, file: string, data: Float64Array): string {
  writeFileSync(join(dir, file), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return file;
}

/** One workload as bench_numpy.py reads it; file names are relative to the manifest. */
export interface ManifestEntry {
  readonly key: string;
  readonly name: string;
  readonly units: readonly number[];
  readonly activations: readonly string[];
  readonly loss: string;
  readonly learning_rate: number;
  readonly batch: number;
  readonly pool: number;
  readonly x: string;
  readonly t: string;
  readonly params: readonly { readonly W: string; readonly b: string }[];
  /** Where NumPy writes its weights after one step, flattened like flattenParams. */
  readonly after_one_step: string;
}

/** Writes every workload's pool and initial weights, and the manifest; returns the manifest's path. */
export function writeInputs(dir: string, prepared: readonly Prepared[]): string {
  if (endianness() !== 'LE') throw new Error('the NumPy comparison expects a little-endian machine');
  const workloads: ManifestEntry[] = prepared.map(({ workload: w, network, pool }) => ({
    key: w.key,
    name: w.name,
    units: w.spec.layers.map((l) => l.units),
    activations: w.spec.layers.slice(1).map((l) => l.activation!),
    loss: w.spec.loss,
    learning_rate: w.learningRate,
    batch: w.batchSize,
    pool: pool.length,
    x: writeFloat64(dir, `${w.key}-x.f64`, concat(pool.map((b) => b.x.data))),
    t: writeFloat64(dir, `${w.key}-t.f64`, concat(pool.map((b) => b.t.data))),
    params: network.params.map(({ W, b }, i) => ({
      W: writeFloat64(dir, `${w.key}-W${i + 1}.f64`, W.data),
      b: writeFloat64(dir, `${w.key}-b${i + 1}.f64`, b),
    })),
    after_one_step: `${w.key}-after-one-step.f64`,
  }));
  const path = join(dir, 'manifest.json');
  writeFileSync(path, JSON.stringify({ workloads }, null, 2));
  return path;
}
