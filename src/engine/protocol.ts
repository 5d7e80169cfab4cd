/**
 * The messages between the main thread and the training worker: one typed source for both
 * sides. Every message is an envelope { v, ... } with the protocol version; the worker answers
 * an unknown version, type or malformed body with an `error` event, never silence
 * (protocol-check.ts). Typed arrays in events travel as transferred ArrayBuffers (transfer.ts).
 */
import type { BugName } from '../core/bugs.ts';
import type { Refusal, TextPlace } from '../core/refusal.ts';
import type { GradCheckReport } from '../core/gradcheck.ts';
import type { UpdateCheckReport } from '../core/update-check.ts';
import type { LossBreakdown } from '../core/passes.ts';
import type { Phase } from '../core/phases.ts';
import type { Hyperparameters, NetworkSpec } from '../core/spec.ts';
import type { Matrix } from '../core/tensor.ts';
import type { Trace } from '../core/trace.ts';
import type { Divergence } from '../core/trainer.ts';
import type { CsvShape, DataConfig, ExperimentConfig } from '../presets/config.ts';
import type { Measurement } from '../presets/experiment.ts';

export const PROTOCOL_VERSION = 1;

export type Granularity = 'phase' | 'batch' | 'epoch';

/**
 * How fast free running goes: as fast as the machine can, a fixed number of steps per second
 * (for a classroom), or animated: one phase at a time, `phasesPerSecond` of them.
 */
export type Speed =
  | { readonly kind: 'full' }
  | { readonly kind: 'steps-per-second'; readonly value: number }
  | { readonly kind: 'animated'; readonly phasesPerSecond: number };

/**
 * Settings that change between steps without a reset. Absent fields stay as they are; `hyper`
 * names only the hyperparameters that change, so a change never carries back a value the
 * worker has since taken from elsewhere (an imported model's regularization).
 */
export interface LiveSettings {
  readonly hyper?: Partial<Hyperparameters>;
  readonly batchSize?: number;
  readonly speed?: Speed;
}

/** The live settings in force in the worker, as its reply to a settings command states them. */
export interface SettingsInForce {
  readonly network: NetworkSpec;
  readonly hyper: Hyperparameters;
  readonly batchSize: number;
  readonly speed: Speed;
}

/**
 * The worker's one reply to a settings command (`set`, `import-model`): `applied`, or an
 * `error` naming the field, and either way the settings now in force, so the settings store
 * can show exactly what runs. `asked` numbers the command the reply answers.
 */
export interface SettingsReply {
  readonly asked?: number;
  readonly inForce?: SettingsInForce;
}

export type Command =
  | { readonly type: 'configure'; readonly config: ExperimentConfig }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'step'; readonly granularity: Granularity }
  /** Starts again from the seed: the settings store's experiment, built afresh (the worker keeps no copy to reset to). */
  | { readonly type: 'reset'; readonly config: ExperimentConfig }
  | { readonly type: 'set'; readonly settings: LiveSettings; readonly asked?: number }
  | { readonly type: 'gradient-check'; readonly maxEntriesPerTensor?: number }
  /** Switches the bug lab's mistakes; rebuilds from the seed with a bug-free twin run beside it. */
  | { readonly type: 'set-bugs'; readonly bugs: readonly BugName[] }
  /** A trace of the current batch (sample undefined) or of one of its samples. */
  | { readonly type: 'inspect'; readonly sample?: number }
  | { readonly type: 'export-model' }
  | { readonly type: 'import-model'; readonly text: string; readonly asked?: number }
  /** The same from a chosen file, which the worker reads (its size checked first), so the page never does. */
  | { readonly type: 'import-model'; readonly file: Blob; readonly asked?: number }
  /**
   * Reads a CSV file (its size checked first), parses it in slices while the experiment runs
   * on, and answers `csv-read` with its text and shape, or an error naming its line and column.
   * The settings store then configures the experiment on it; nothing changes before.
   */
  | { readonly type: 'read-csv'; readonly file: Blob; readonly name: string; readonly asked: number }
  /** Goes back to the weights of the checkpoint a `diverged` event offered. */
  | { readonly type: 'restore-checkpoint' }
  /** The main thread has taken the last snapshot; the next one may be sent. */
  | { readonly type: 'snapshot-ack' };

export type CommandType = Command['type'];
export type CommandEnvelope = { readonly v: number; readonly command: Command };

export type RunStatus = 'loading' | 'idle' | 'running' | 'paused' | 'diverged';

/** One layer's parameters, as plain typed arrays. */
export interface ParamsSnapshot {
  readonly W: Matrix;
  readonly b: Float64Array;
}

/**
 * Per-layer gradient flow at some steps (the last of each slice, every manual step):
 * row r, column l − 1 of the k × L arrays is weight layer l at step[r].
 */
export interface FlowMetrics {
  readonly step: Float64Array;
  readonly layers: number;
  /** ‖∂L/∂Wˡ‖₂ */
  readonly gradNorm: Float64Array;
  /** ‖ΔWˡ‖ / ‖Wˡ‖ of the applied update */
  readonly updateRatio: Float64Array;
}

/** Per-step figures of a span of steps, as parallel arrays (transferred). */
export interface StepMetrics {
  /** Index of each step (updates applied before it). */
  readonly step: Float64Array;
  /** Batch objective (data loss + penalty) of each step. */
  readonly loss: Float64Array;
  /** Learning rate the step's update used. */
  readonly learningRate: Float64Array;
  /** With a bug switched on: the bug-free twin's loss on the same batch, step by step. */
  readonly twinLoss?: Float64Array;
}

/** The points of a small data set (at most MAX_SHIPPED_POINTS), for plotting on the main thread. */
export interface DataPoints {
  /** n × d inputs (d = 1 or 2). */
  readonly x: Matrix;
  /** Class index per point, or the regression target (first column). */
  readonly y: Float64Array;
  /** 1 for test points, 0 for training points. */
  readonly test: Uint8Array;
  readonly kind: 'classification' | 'regression';
}


export interface ReadyInfo {
  readonly name: string;
  readonly network: NetworkSpec;
  readonly hyper: Hyperparameters;
  readonly batchSize: number;
  readonly trainSize: number;
  readonly testSize: number;
  readonly stepsPerEpoch: number;
  readonly parameterCount: number;
  /** The bug lab's switched-on mistakes (a bug-free twin runs beside when any is on); absent: none. */
  readonly bugs?: readonly BugName[];
  /** Present for 1-D and 2-D data sets small enough to plot. */
  readonly points?: DataPoints;
  /** Where the run departs from its schedule (full-batch over too many rows), for the screen to say. */
  readonly notice?: Refusal;
}

export type Event =
  | { readonly type: 'ready'; readonly info: ReadyInfo }
  | { readonly type: 'loading'; readonly what: string; readonly loaded: number; readonly total: number }
  | { readonly type: 'status'; readonly status: RunStatus; readonly step: number }
  | {
      readonly type: 'snapshot';
      readonly step: number;
      readonly epoch: number;
      /** The phase the trace has reached, or null when it holds whole steps. */
      readonly phase: Phase | null;
      readonly params: readonly ParamsSnapshot[];
      readonly trace: Trace | null;
    }
  | { readonly type: 'metrics'; readonly steps: StepMetrics; readonly evaluations: readonly Measurement[]; readonly flow: FlowMetrics | null }
  | { readonly type: 'phase'; readonly step: number; readonly phase: Phase; readonly loss: LossBreakdown | null }
  /**
   * A live setting took effect; updates from step `fromStep` on use it. `model`: the settings
   * came with an imported model file, whose network is now running.
   */
  | ({ readonly type: 'applied'; readonly settings: LiveSettings; readonly fromStep: number; readonly model?: { readonly network: NetworkSpec } } & SettingsReply)
  | {
      readonly type: 'diverged';
      readonly step: number;
      readonly divergence: Divergence;
      readonly learningRate: number;
      /** The latest step whose weights were kept and are of ordinary size, or null (see Checkpoints). */
      readonly checkpointStep: number | null;
      /** 'reinitialise' when no ordinary weights are kept: a lower rate cannot help. */
      readonly recovery: 'go-back' | 'reinitialise';
      /** Whether the last finite weights (kept now) are of ordinary size, so continuing from them can work. */
      readonly weightsOrdinary: boolean;
    }
  /** The worker's heartbeat, every HEARTBEAT_MS whatever it is doing; the client keeps it to itself. */
  | {
      readonly type: 'alive';
      /**
       * The longest time between two beats so far (ms): the worker's longest spell of not
       * answering, which the restart deadline must exceed. The client passes a beat on only
       * when this figure grows.
       */
      readonly longestSilenceMs?: number;
    }
  /**
   * From the client, not the worker: the worker has been silent for `silentMs` (past
   * SILENT_NOTICE_MS), or is answering again (`silentMs` null).
   */
  | { readonly type: 'worker-silent'; readonly silentMs: number | null }
  /** Went back to the weights kept at `step` (after a divergence); history after it no longer holds. */
  | { readonly type: 'rewound'; readonly step: number; readonly epoch: number }
  | { readonly type: 'gradcheck-progress'; readonly done: number; readonly total: number }
  | { readonly type: 'gradcheck'; readonly report: GradCheckReport; readonly updates?: UpdateCheckReport }
  | { readonly type: 'inspection'; readonly sample: number | null; readonly trace: Trace }
  | { readonly type: 'model'; readonly text: string; readonly step: number }
  /** How far a `read-csv` has got: bytes read of the file, then characters parsed of the text. */
  | { readonly type: 'csv-progress'; readonly asked: number; readonly stage: 'read' | 'parse'; readonly done: number; readonly total: number }
  /** A `read-csv` parsed: the data config (its text passed on as it is) and the data set's shape. */
  | { readonly type: 'csv-read'; readonly asked: number; readonly data: Extract<DataConfig, { kind: 'csv' }>; readonly shape: CsvShape }
  /** message: in English; refusal (and place in a text): the code every language writes it from. */
  | ({ readonly type: 'error'; readonly message: string; readonly field?: string; readonly command?: string; readonly refusal?: Refusal; readonly place?: TextPlace } & SettingsReply)
  /** From the client, not the worker: a new worker replaced one that crashed or hung; it holds nothing yet. */
  | { readonly type: 'worker-restarted' };

/** How often the worker says it is alive, in milliseconds. */
export const HEARTBEAT_MS = 250;

export type EventEnvelope = { readonly v: number; readonly event: Event };
