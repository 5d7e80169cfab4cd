/**
 * A session: one experiment as the worker runs it, built as one value from a config, the bug
 * lab's switches and the data: the experiment (trainer, batch order, evaluation), the bug-free
 * twin beside it when mistakes are on, the stepping over both, and the checkpoints. Nothing in
 * it is half-built or nullable; a rebuild (reset, bugs, a model of another shape) is a new
 * Session. It knows nothing of timers or messages.
 */
import { validateBugs, type BugName } from '../core/bugs.ts';
import { BATCH_SIZE } from '../core/limits.ts';
import { parameterCount } from '../core/network.ts';
import type { Batch } from '../core/passes.ts';
import type { Hyperparameters } from '../core/spec.ts';
import type { Trace } from '../core/trace.ts';
import type { Trainer } from '../core/trainer.ts';
import type { GradCheckReport } from '../core/gradcheck.ts';
import { modelToJson, type ModelFile } from '../data/model-file.ts';
import type { ExperimentConfig } from '../presets/config.ts';
import { loadExperimentData, type ExperimentData, type MnistLoader } from '../presets/data-source.ts';
import { EvaluationClock } from '../presets/evaluation-clock.ts';
import { checkBatchSize, Experiment } from '../presets/experiment.ts';
import { Checkpoints, type Checkpoint } from './checkpoints.ts';
import { pointsOf } from './host-helpers.ts';
import { checkGradients, inspectBatch } from './instruments.ts';
import type { ReadyInfo } from './protocol.ts';
import { Stepping } from './stepping.ts';

/** Weights are kept as a checkpoint every this many steps (the last two are kept). */
export const CHECKPOINT_EVERY = 50;

/** The settings a session takes between steps (speed belongs to the runner). */
export interface SessionSettings {
  readonly hyper?: Hyperparameters;
  readonly batchSize?: number;
}

export class Session {
  readonly experiment: Experiment;
  /** The same experiment without the mistakes, from the same seed; null when none are on. */
  readonly twin: Experiment | null;
  readonly stepping: Stepping;
  readonly checkpoints = new Checkpoints(CHECKPOINT_EVERY);
  /** Evaluates on the schedule's steps and at least every 250 ms of wall time (within a budget). */
  readonly evaluations = new EvaluationClock(0);

  private constructor(
    /** The config as built; live settings since then live in the trainer (see `config`). */
    private readonly built: ExperimentConfig,
    readonly bugs: readonly BugName[],
    readonly data: ExperimentData,
  ) {
    this.experiment = new Experiment(built, data);
    this.experiment.trainer.setBugs(bugs);
    // The twin, from the same seed: the same initial weights; it then steps on the same batches.
    this.twin = bugs.length > 0 ? new Experiment(built, data) : null;
    this.stepping = new Stepping(this.experiment, this.twin);
    this.checkpoints.startAt(0, this.experiment.trainer.params);
  }

  /** Builds from the seed: new weights, a fresh batch order, no history. */
  static build(config: ExperimentConfig, bugs: readonly BugName[], mnist: MnistLoader): Session {
    return new Session(config, validateBugs([...bugs]), loadExperimentData(config.data, mnist));
  }

  get trainer(): Trainer {
    return this.experiment.trainer;
  }

  /** The config running now: as built, with the live settings applied since (no second copy). */
  get config(): ExperimentConfig {
    return {
      ...this.built,
      network: this.trainer.spec,
      hyper: this.trainer.hyper,
      schedule: { ...this.built.schedule, batchSize: this.experiment.batchSize },
    };
  }

  readyInfo(): ReadyInfo {
    const config = this.built;
    return {
      name: config.name,
      network: config.network,
      hyper: this.trainer.hyper,
      batchSize: this.experiment.batchSize,
      trainSize: this.data.train.x.rows,
      testSize: this.data.test?.x.rows ?? 0,
      stepsPerEpoch: this.experiment.stepsPerEpoch,
      parameterCount: parameterCount(config.network),
      bugs: this.bugs,
      ...pointsOf(this.data),
    };
  }

  /** Checks a batch size against this data set (throws ConfigError, nothing changed). */
  checkBatchSize(batchSize: number): void {
    checkBatchSize(batchSize, Math.min(BATCH_SIZE.max, this.data.train.x.rows));
  }

  /** Applies live settings to the experiment and the twin; on a refusal nothing has changed. */
  apply(settings: SessionSettings): void {
    if (settings.batchSize !== undefined) this.checkBatchSize(settings.batchSize);
    const previousHyper = this.trainer.hyper;
    if (settings.hyper !== undefined) this.trainer.setHyperparameters(settings.hyper); // throws ConfigError, nothing changed
    try {
      if (settings.batchSize !== undefined) this.experiment.batchSize = settings.batchSize;
    } catch (e) {
      this.trainer.setHyperparameters(previousHyper);
      throw e;
    }
    if (this.twin !== null) {
      this.twin.trainer.setHyperparameters(this.trainer.hyper);
      this.twin.batchSize = this.experiment.batchSize;
    }
  }

  /**
   * Loads a model file's weights and regularization into a session of the model's network
   * (this one). The bug-free twin starts from the imported weights too, so the two stay
   * comparable. Returns the hyperparameters now in force.
   */
  loadModel(model: ModelFile): Hyperparameters {
    const hyper = { ...this.trainer.hyper, regularization: model.regularization };
    const step = this.trainer.steps;
    for (const e of [this.experiment, this.twin]) {
      if (e === null) continue;
      e.trainer.setParams(model.network.params, step);
      e.trainer.setHyperparameters(hyper);
    }
    this.checkpoints.startAt(step, this.trainer.params, { samplesSeen: this.experiment.samplesDrawn, initialised: false });
    this.stepping.abandon();
    return hyper;
  }

  /** The weights as a model file's text. */
  exportModel(): string {
    return JSON.stringify(modelToJson(this.trainer.network, this.trainer.hyper.regularization));
  }

  /** Goes back to the checkpoint the last divergence offered: its weights and its place in the data. */
  restoreCheckpoint(): Checkpoint {
    const checkpoint = this.checkpoints.takeOffered();
    this.stepping.abandon();
    this.experiment.rewind(checkpoint);
    return checkpoint;
  }

  /** The batch the instruments look at: the last one drawn, or the first of the data. */
  currentBatch(): Batch {
    return this.stepping.currentBatch();
  }

  gradientCheck(batch: Batch, maxEntries: number, onProgress: (done: number, total: number) => void): GradCheckReport {
    return checkGradients(this.experiment, batch, maxEntries, onProgress);
  }

  inspect(sample: number | undefined): Trace {
    return inspectBatch(this.experiment, this.currentBatch(), sample);
  }
}
