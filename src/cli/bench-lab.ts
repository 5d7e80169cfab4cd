/**
 * The lab's side of the benchmarks' interleaved rounds: its variants under test, each served
 * by `bench.ts --serve KEY` in a process of its own (one variant's compiled code cannot slow
 * another's), answering timed runs of Trainer.step on one workload.
 */
import { fileURLToPath } from 'node:url';
import { useWasmKernels } from '../core/wasm/kernel.ts';
import { Trainer } from '../core/trainer.ts';
import { Contestant, serveRounds } from './bench-rounds.ts';
import { drawnLikeTheLab, fromPool, prepare, sgd, timeSteps, WORKLOADS } from './bench-workloads.ts';

/** How the lab's batches come: from the pool drawn beforehand, or drawn for each step (see drawnLikeTheLab). */
export type Draw = 'pool' | 'straight' | 'copied';

export interface LabVariant {
  readonly impl: string;
  readonly draw: Draw;
  readonly wasm: boolean;
  /** Runs only on data kept as bytes (MNIST). */
  readonly bytesOnly: boolean;
}

export const LAB_VARIANTS: readonly LabVariant[] = [
  { impl: 'backprop-lab', draw: 'pool', wasm: true, bytesOnly: false },
  { impl: 'backprop-lab-no-wasm', draw: 'pool', wasm: false, bytesOnly: false },
  { impl: 'backprop-lab-drawn-straight', draw: 'straight', wasm: true, bytesOnly: true },
  { impl: 'backprop-lab-drawn-copied', draw: 'copied', wasm: true, bytesOnly: true },
];

/** The lab's variant with these batches and kernels. */
export function labVariant(draw: Draw, wasm = true): LabVariant {
  return LAB_VARIANTS.find((v) => v.draw === draw && v.wasm === wasm)!;
}

/** The lab as it runs: WebAssembly kernels on, batches from the pool. */
export const THE_LAB = labVariant('pool');

/** The --serve side: one lab variant on one workload, answering timed runs until stdin closes. */
export async function serveLab(key: string, draw: Draw, wasm: boolean, seed: number): Promise<void> {
  const workload = WORKLOADS.find((w) => w.key === key);
  if (!workload) throw new Error(`no workload ${key}`);
  const p = prepare(workload, seed);
  useWasmKernels(wasm);
  const trainer = new Trainer(p.network, sgd(workload.learningRate));
  const batchAt = draw === 'pool' ? fromPool(p.pool) : drawnLikeTheLab(p, trainer, draw === 'straight', seed + 2);
  await serveRounds((seconds) => timeSteps(trainer, batchAt, seconds));
}

/** A process serving `variant` on the workload `key`. */
export function labContestant(key: string, variant: LabVariant): Contestant {
  const bench = fileURLToPath(new URL('./bench.ts', import.meta.url));
  const args = [...process.execArgv, bench, '--serve', key, '--draw', variant.draw, ...(variant.wasm ? [] : ['--no-wasm'])];
  return new Contestant(variant.impl, process.execPath, args);
}
