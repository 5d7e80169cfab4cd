/**
 * The messages between the main thread and the training worker: one typed source for both
 * sides. Every message is an envelope { v, ... } with the protocol version; the worker answers
 * an unknown version, type or malformed body with an `error` event, never silence.
 *
 * Typed arrays in events travel as transferred ArrayBuffers (see `transferables`).
 */
import type { BugName } from '../core/bugs.ts';
import type { Refusal, TextPlace } from '../core/refusal.ts';
import { shown } from '../core/errors.ts';
import type { GradCheckReport } from '../core/gradcheck.ts';
import type { UpdateCheckReport } from '../core/update-check.ts';
import type { LossBreakdown } from '../core/passes.ts';
import type { Phase } from '../core/phases.ts';
import type { Hyperparameters, NetworkSpec } from '../core/spec.ts';
import type { Matrix } from '../core/tensor.ts';
import type { Trace } from '../core/trace.ts';
import type { Divergence } from '../core/trainer.ts';
import type { ExperimentConfig } from '../presets/config.ts';
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

/** Settings that change between steps without a reset. Absent fields stay as they are. */
export interface LiveSettings {
  readonly hyper?: Hyperparameters;
  readonly batchSize?: number;
  readonly speed?: Speed;
}

export type Command =
  | { readonly type: 'configure'; readonly config: ExperimentConfig }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'step'; readonly granularity: Granularity }
  | { readonly type: 'reset' }
  | { readonly type: 'set'; readonly settings: LiveSettings }
  | { readonly type: 'gradient-check'; readonly maxEntriesPerTensor?: number }
  /** Switches the bug lab's mistakes; rebuilds from the seed with a bug-free twin run beside it. */
  | { readonly type: 'set-bugs'; readonly bugs: readonly BugName[] }
  /** A trace of the current batch (sample undefined) or of one of its samples. */
  | { readonly type: 'inspect'; readonly sample?: number }
  | { readonly type: 'export-model' }
  | { readonly type: 'import-model'; readonly text: string }
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
  | { readonly type: 'applied'; readonly settings: LiveSettings; readonly fromStep: number; readonly model?: { readonly network: NetworkSpec } }
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
  | { readonly type: 'alive' }
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
  /** message: in English; refusal (and place in a text): the code every language writes it from. */
  | { readonly type: 'error'; readonly message: string; readonly field?: string; readonly command?: string; readonly refusal?: Refusal; readonly place?: TextPlace };

/** How often the worker says it is alive, in milliseconds. */
export const HEARTBEAT_MS = 250;

export type EventEnvelope = { readonly v: number; readonly event: Event };

type Body = Record<string, unknown>;

/**
 * Each command type with the check of its body: null when the body is well formed, or what is
 * wrong. Typed as a record over CommandType, so the compiler refuses a command missing here or
 * a name that is not one.
 */
const BODY_PROBLEM: { readonly [K in CommandType]: (body: Body) => string | null } = {
  configure: (b) => (typeof b['config'] !== 'object' || b['config'] === null ? 'configure needs a config object' : null),
  play: () => null,
  pause: () => null,
  step: (b) =>
    ['phase', 'batch', 'epoch'].includes(b['granularity'] as string)
      ? null
      : `step needs granularity "phase", "batch" or "epoch", got ${shown(b['granularity'])}`,
  reset: () => null,
  set: (b) => (typeof b['settings'] !== 'object' || b['settings'] === null ? 'set needs a settings object' : null),
  'gradient-check': () => null,
  'set-bugs': (b) => (Array.isArray(b['bugs']) ? null : 'set-bugs needs a list of bug names'),
  inspect: () => null,
  'export-model': () => null,
  'import-model': (b) => (typeof b['text'] === 'string' ? null : 'import-model needs the model file text'),
  'restore-checkpoint': () => null,
  'snapshot-ack': () => null,
};

/** Every command type, from the table above. */
export const COMMAND_TYPES = Object.keys(BODY_PROBLEM) as readonly CommandType[];

function isCommandType(type: unknown): type is CommandType {
  return typeof type === 'string' && Object.hasOwn(BODY_PROBLEM, type);
}

/** Why a message is not a command we understand, or null when it is one. */
export function commandProblem(message: unknown): string | null {
  if (typeof message !== 'object' || message === null) return 'a message must be an object { v, command }';
  const m = message as Record<string, unknown>;
  if (m['v'] !== PROTOCOL_VERSION) return `protocol version ${shown(m['v'])} is not supported (expected ${PROTOCOL_VERSION})`;
  const c = m['command'];
  if (typeof c !== 'object' || c === null) return 'the message has no command object';
  const body = c as Body;
  const type = body['type'];
  if (!isCommandType(type)) return `unknown command type ${shown(type)}`;
  return BODY_PROBLEM[type](body);
}

/** The ArrayBuffers of an event, to be transferred rather than copied. */
export function transferables(event: Event): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const add = (a: Float64Array | undefined) => {
    if (a !== undefined && a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  };
  const addMatrix = (m: Matrix | undefined) => add(m?.data);
  if (event.type === 'ready' && event.info.points) {
    add(event.info.points.x.data);
    add(event.info.points.y);
  }
  if (event.type === 'snapshot' || event.type === 'inspection') {
    if (event.type === 'snapshot') for (const p of event.params) (addMatrix(p.W), add(p.b));
    const trace = event.trace;
    if (trace !== null) {
      addMatrix(trace.x);
      addMatrix(trace.t);
      addMatrix(trace.y);
      add(trace.perSampleLoss);
      for (const l of trace.layers) {
        [l.W, l.z, l.a, l.delta, l.dW, l.updateW].forEach(addMatrix);
        [l.b, l.db, l.updateB].forEach(add);
      }
    }
  } else if (event.type === 'metrics') {
    add(event.steps.step);
    add(event.steps.loss);
    add(event.steps.learningRate);
    add(event.steps.twinLoss);
    if (event.flow !== null) [event.flow.step, event.flow.gradNorm, event.flow.updateRatio].forEach(add);
  }
  return [...out];
}
