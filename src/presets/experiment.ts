/**
 * Runs an experiment config: builds the network from its seed, draws batches as the schedule
 * says, steps the trainer, and measures loss and accuracy on the whole train and test sets.
 * The CLI and the Web Worker both drive training through this one loop.
 */
import { ConfigError } from '../core/errors.ts';
import type { Refusal } from '../core/refusal.ts';
import { BATCH_SIZE } from '../core/limits.ts';
import { evaluationSteps, finish, type Evaluation } from '../core/metrics.ts';
import { createNetwork, type LayerParams } from '../core/network.ts';
import { penalty } from '../core/regularizers.ts';
import type { Batch } from '../core/passes.ts';
import { createRng, type Rng } from '../core/rng.ts';
import type { Matrix } from '../core/tensor.ts';
import { Trainer, type StepResult } from '../core/trainer.ts';
import { EpochBatcher, gather, gatherBytes, randomBatch } from '../data/batching.ts';
import { isBytes, rowRanges } from '../data/features.ts';
import { targetsFor } from '../data/split.ts';
import type { ExperimentConfig, ScheduleConfig } from './config.ts';
import type { ExperimentData } from './data-source.ts';

const MAX_BATCH_SIZE = BATCH_SIZE.max;

export interface Measurement {
  /** Updates applied so far. */
  readonly iteration: number;
  /** Passes over the training set so far (fractional): samples drawn ÷ training-set size. */
  readonly epoch: number;
  /** Training objective on the whole training set: mean data loss + penalty; null when not measured. */
  readonly loss: number | null;
  /** null when not measured, or for regression. */
  readonly trainAccuracy: number | null;
  readonly testLoss: number | null;
  readonly testAccuracy: number | null;
}

/**
 * How a schedule draws batches from n training samples. Full-batch descent over more rows than
 * a batch may hold becomes shuffled epochs of MAX_BATCH_SIZE rows (a documented exception,
 * announced by `scheduleNotice`), so a config that validates never fails at its first step.
 */
export function effectiveSampling(schedule: ScheduleConfig, n: number): { sampling: ScheduleConfig['sampling']; batchSize: number } {
  if (schedule.sampling === 'full-batch' && n > MAX_BATCH_SIZE) return { sampling: 'epochs', batchSize: MAX_BATCH_SIZE };
  return { sampling: schedule.sampling, batchSize: schedule.batchSize };
}

/**
 * What the schedule does differently from what it says, for n training samples, as a coded
 * notice every language writes (refusal.ts); null when nothing.
 */
export function scheduleNotice(schedule: ScheduleConfig, n: number): Refusal | null {
  if (schedule.sampling !== 'full-batch' || n <= MAX_BATCH_SIZE) return null;
  return { code: 'full-batch-split', max: MAX_BATCH_SIZE, rows: n, perEpoch: Math.ceil(n / MAX_BATCH_SIZE) };
}

/** Steps in one pass over n training samples: ⌈n / batch size⌉, or 1 for full-batch descent. */
export function stepsPerEpoch(schedule: ScheduleConfig, n: number): number {
  const { sampling, batchSize } = effectiveSampling(schedule, n);
  return sampling === 'full-batch' ? 1 : Math.ceil(n / batchSize);
}

/** Seeds for the two random streams, so changing one never shifts the other. */
const INIT_STREAM = 0;
const BATCH_STREAM = 1;

export class Experiment {
  readonly config: ExperimentConfig;
  readonly trainer: Trainer;
  readonly data: ExperimentData;
  /** Where the run departs from its schedule (see scheduleNotice), or null. */
  readonly notice: Refusal | null;
  private readonly outputUnits: number;
  private _batchSize: number;
  /** Samples drawn for training so far: the epoch count survives batch-size changes. */
  private samplesSeen = 0;
  /** Rows of the last batch drawn, until its step is refused or the next one is drawn. */
  private lastDrawn = 0;
  private readonly batchRng: Rng;
  private readonly epochs: EpochBatcher | null;
  private readonly fullBatch: Batch | null;
  private readonly trainTargets: Matrix;
  private readonly testTargets: Matrix | null;
  /**
   * Two buffers the batch inputs are gathered into, in turn. A fresh 627 KB array per MNIST
   * step cost a third of a millisecond in a browser worker (fresh pages, garbage); with two,
   * a batch stays intact while the next one is drawn.
   */
  private readonly xBuffers: Float64Array[] = [];
  /** For features kept as bytes: two buffers of the batch's bytes, in turn (a batch's doubles, only if read, go in xBuffers). */
  private readonly byteBuffers: Uint8Array[] = [];
  private nextBuffer = 0;

  constructor(config: ExperimentConfig, data: ExperimentData) {
    this.config = config;
    this.data = data;
    const layers = config.network.layers;
    this.outputUnits = layers[layers.length - 1]!.units;
    const network = createNetwork(config.network, config.init, createRng(config.seed * 2 + INIT_STREAM));
    this.trainer = new Trainer(network, config.hyper);
    this.batchRng = createRng(config.seed * 2 + BATCH_STREAM);
    const n = data.train.x.rows;
    const { sampling, batchSize } = effectiveSampling(config.schedule, n);
    this._batchSize = batchSize;
    this.notice = scheduleNotice(config.schedule, n);
    this.epochs = sampling === 'epochs' ? new EpochBatcher(n, batchSize, this.batchRng) : null;
    this.fullBatch = sampling === 'full-batch' ? gather(data.train, Int32Array.from({ length: n }, (_, i) => i), this.outputUnits) : null;
    this.trainTargets = targetsFor(data.train, this.outputUnits);
    this.testTargets = data.test === null ? null : targetsFor(data.test, this.outputUnits);
  }

  get iteration(): number {
    return this.trainer.steps;
  }

  /** Steps in one pass over the training set. */
  get stepsPerEpoch(): number {
    if (this.fullBatch !== null) return 1;
    return Math.ceil(this.data.train.x.rows / this._batchSize);
  }

  get batchSize(): number {
    return this._batchSize;
  }

  /** Takes effect from the next batch; full-batch descent always uses the whole set. */
  set batchSize(m: number) {
    checkBatchSize(m);
    this._batchSize = m;
    if (this.epochs !== null) this.epochs.batchSize = m;
  }

  /** Training samples drawn so far (the epoch counter's numerator). */
  get samplesDrawn(): number {
    return this.samplesSeen;
  }

  /**
   * Goes back to weights kept at `step`, with the epoch counter as it was then. The optimizer's
   * state and the batch order go on from where they are (the next batches differ from the
   * first time round).
   */
  rewind(to: { readonly step: number; readonly samplesSeen: number; readonly params: readonly LayerParams[] }): void {
    this.trainer.setParams(to.params, to.step);
    this.samplesSeen = to.samplesSeen;
  }

  /** Passes over the training set so far: samples drawn ÷ training-set size. */
  get epoch(): number {
    return this.samplesSeen / this.data.train.x.rows;
  }

  get done(): boolean {
    return this.iteration >= this.config.schedule.iterations;
  }

  /** True after an update that the schedule measures at. */
  get evaluationDue(): boolean {
    const it = this.iteration;
    return it > 0 && (it % this.config.schedule.evaluateEvery === 0 || it === this.config.schedule.iterations);
  }

  /** The next training batch. Its x is reused two batches later: copy it to keep it longer. */
  nextBatch(): Batch {
    const batch = this.drawBatch();
    this.samplesSeen += batch.x.rows;
    this.lastDrawn = batch.x.rows;
    return batch;
  }

  /** The last batch's step was refused (it diverged): its samples do not count towards the epoch. */
  forgetLastDraw(): void {
    this.samplesSeen -= this.lastDrawn;
    this.lastDrawn = 0;
  }

  private drawBatch(): Batch {
    if (this.fullBatch !== null) return this.fullBatch;
    const indices =
      this.epochs !== null ? this.epochs.next() : randomBatch(this.batchRng, this.data.train.x.rows, this._batchSize);
    const need = indices.length * this.data.train.x.cols;
    const slot = this.nextBuffer;
    this.nextBuffer = 1 - slot;
    const train = this.data.train;
    if (isBytes(train.x)) {
      // MNIST: the batch stays bytes, written straight into the trainer's WebAssembly memory
      // where it has a place for them (it lists them there), else into a buffer of our own.
      let bytes = this.trainer.inputBytes(indices.length);
      if (bytes === null) {
        bytes = this.byteBuffers[slot] ?? null;
        if (bytes === null || bytes.length < need) bytes = this.byteBuffers[slot] = new Uint8Array(need);
      }
      return gatherBytes(train, indices, this.outputUnits, bytes, (n) => this.doublesBuffer(slot, n));
    }
    return gather(train, indices, this.outputUnits, this.doublesBuffer(slot, need));
  }

  private doublesBuffer(slot: number, need: number): Float64Array {
    let buffer = this.xBuffers[slot];
    if (buffer === undefined || buffer.length < need) buffer = this.xBuffers[slot] = new Float64Array(need);
    return buffer;
  }

  step(options: { trace?: boolean } = {}): StepResult {
    return this.trainer.step(this.nextBatch(), options);
  }

  measure(): Measurement {
    return finish(this.measureSteps());
  }

  /**
   * measure as steps: yields between chunks of rows (rows evaluated so far), so the worker can
   * answer messages during an evaluation of all of MNIST; the same figures as measure. The
   * weights must not change until it returns.
   */
  *measureSteps(): Generator<number, Measurement, void> {
    const { spec, params } = this.trainer.network;
    const classification = this.data.train.kind === 'classification';
    const evaluatesTrain = this.config.schedule.evaluateTrain || this.data.test === null;
    const train = evaluatesTrain ? yield* evaluationSteps(spec, params, rowRanges(this.data.train.x), this.trainTargets) : null;
    const trainRows = train === null ? 0 : train.count;
    let test: Evaluation | null = null;
    if (this.data.test !== null && this.testTargets !== null) {
      const steps = evaluationSteps(spec, params, rowRanges(this.data.test.x), this.testTargets);
      for (let r = steps.next(); ; r = steps.next()) {
        if (r.done) {
          test = r.value;
          break;
        }
        yield trainRows + r.value;
      }
    }
    return {
      iteration: this.iteration,
      epoch: this.epoch,
      loss: train === null ? null : train.loss + penalty(this.trainer.hyper.regularization, params),
      trainAccuracy: train !== null && classification ? train.accuracy : null,
      testLoss: test === null ? null : test.loss,
      testAccuracy: test !== null && classification ? test.accuracy : null,
    };
  }

}

/**
 * A live batch size: 1..max rows (max: the training set's size where it is known). The store,
 * the experiment and the worker all check it with this one function.
 */
export function checkBatchSize(m: number, max: number = BATCH_SIZE.max): void {
  if (!Number.isInteger(m) || m < BATCH_SIZE.min || m > max) {
    throw new ConfigError('batchSize', { code: 'whole-range', min: BATCH_SIZE.min, max, got: m });
  }
}
