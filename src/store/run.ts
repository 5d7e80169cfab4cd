/**
 * Run state as the engine reports it: status, step, epoch, phase, the latest snapshot (by
 * reference, never copied), and what the instruments returned.
 */
import type { Shown } from '../core/refusal.ts';
import { createStore } from 'zustand/vanilla';
import type { GradCheckReport } from '../core/gradcheck.ts';
import type { UpdateCheckReport } from '../core/update-check.ts';
import type { Divergence } from '../core/trainer.ts';
import type { Trace } from '../core/trace.ts';
import type { Event, ReadyInfo, RunStatus } from '../engine/protocol.ts';

export type Snapshot = Extract<Event, { type: 'snapshot' }>;

export interface RunState {
  readonly status: RunStatus;
  readonly step: number;
  readonly epoch: number;
  readonly phase: Extract<Event, { type: 'phase' }> | null;
  readonly info: ReadyInfo | null;
  readonly snapshot: Snapshot | null;
  /** The latest trace any snapshot carried (snapshots of free running may carry none). */
  readonly trace: Trace | null;
  /** Snapshots received since the experiment was configured. */
  readonly snapshotCount: number;
  readonly loading: { readonly what: string; readonly loaded: number; readonly total: number } | null;
  readonly error: Shown | null;
  /** How long the worker has been silent, once past the client's notice threshold; null while it answers. */
  readonly workerSilentMs: number | null;
  /** The worker's longest silence between two heartbeats so far (ms), when it has reported one: a measurement. */
  readonly workerLongestSilenceMs: number | null;
  readonly divergence: {
    readonly step: number;
    readonly divergence: Divergence;
    readonly learningRate: number;
    readonly checkpointStep: number | null;
    readonly recovery: 'go-back' | 'reinitialise';
    /** Whether continuing from the last finite weights can work (they are of ordinary size). */
    readonly weightsOrdinary: boolean;
  } | null;
  readonly gradcheck: GradCheckReport | null;
  /** Which parameters one step on the checked batch changed (sent with the gradient check). */
  readonly updateCheck: UpdateCheckReport | null;
  readonly gradcheckProgress: { readonly done: number; readonly total: number } | null;
  readonly inspection: { readonly sample: number | null; readonly trace: Trace } | null;
  /** The last model file the engine exported, numbered so that each export is a new value. */
  readonly model: { readonly text: string; readonly step: number; readonly serial: number } | null;
  /** Applies one engine event. */
  receive(event: Event): void;
  dismissError(): void;
}

export function createRunStore() {
  return createStore<RunState>()((set, get) => ({
    status: 'loading', // until the engine says it is ready
    step: 0,
    epoch: 0,
    phase: null,
    info: null,
    snapshot: null,
    trace: null,
    snapshotCount: 0,
    loading: null,
    error: null,
    workerSilentMs: null,
    workerLongestSilenceMs: null,
    divergence: null,
    gradcheck: null,
    updateCheck: null,
    gradcheckProgress: null,
    inspection: null,
    model: null,
    receive(event) {
      switch (event.type) {
        case 'ready':
          set({ info: event.info, loading: null, step: 0, epoch: 0, phase: null, trace: null, divergence: null, gradcheck: null, updateCheck: null, inspection: null, snapshotCount: 0 });
          return;
        case 'loading':
          set({ loading: { what: event.what, loaded: event.loaded, total: event.total } });
          return;
        case 'status':
          set({ status: event.status, step: event.step, ...(event.status !== 'diverged' ? { divergence: null } : {}) });
          return;
        case 'snapshot':
          set({
            snapshot: event,
            step: event.step,
            epoch: event.epoch,
            snapshotCount: get().snapshotCount + 1,
            ...(event.trace !== null ? { trace: event.trace } : {}),
          });
          return;
        case 'phase':
          set({ phase: event });
          return;
        case 'diverged':
          set({
            divergence: {
              step: event.step,
              divergence: event.divergence,
              learningRate: event.learningRate,
              checkpointStep: event.checkpointStep,
              recovery: event.recovery,
              weightsOrdinary: event.weightsOrdinary,
            },
          });
          return;
        case 'worker-silent':
          set({ workerSilentMs: event.silentMs });
          return;
        case 'alive':
          set({ workerLongestSilenceMs: event.longestSilenceMs ?? null });
          return;
        case 'rewound':
          set({ step: event.step, epoch: event.epoch });
          return;
        case 'gradcheck-progress':
          set({ gradcheckProgress: { done: event.done, total: event.total } });
          return;
        case 'gradcheck':
          set({ gradcheck: event.report, updateCheck: event.updates ?? null, gradcheckProgress: null });
          return;
        case 'inspection':
          set({ inspection: { sample: event.sample, trace: event.trace } });
          return;
        case 'error':
          if (event.command === 'read-csv') return; // the settings store shows it, beside the file's button
          set({ error: { message: event.message, ...(event.field ? { field: event.field } : {}), ...(event.refusal ? { refusal: event.refusal } : {}), ...(event.place ? { place: event.place } : {}) } });
          return;
        case 'model':
          set({ model: { text: event.text, step: event.step, serial: (get().model?.serial ?? 0) + 1 } });
          return;
        case 'metrics':
        case 'applied':
        case 'csv-progress':
        case 'csv-read':
          return; // history and config take these
      }
    },
    dismissError() {
      set({ error: null });
    },
  }));
}
export type RunStore = ReturnType<typeof createRunStore>;
