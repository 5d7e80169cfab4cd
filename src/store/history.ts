/**
 * History: the training loss of every step (decimated, bounded memory), each evaluation, and
 * where the learning rate changed. The series is mutated in place; `version` counts changes
 * so that views subscribed to it redraw.
 */
import { createStore } from 'zustand/vanilla';
import type { StepMetrics } from '../engine/protocol.ts';
import type { Measurement } from '../presets/experiment.ts';
import { DecimatedSeries } from './series.ts';

/** Evaluations kept at most; beyond, every other one is dropped (they are few per run). */
export const MAX_EVALUATIONS = 4096;

export interface HistoryState {
  readonly loss: DecimatedSeries;
  readonly evaluations: readonly Measurement[];
  /** Steps from which a new learning rate applied, with the rate. */
  readonly rateChanges: readonly { readonly step: number; readonly learningRate: number }[];
  readonly version: number;
  append(steps: StepMetrics, evaluations: readonly Measurement[]): void;
  clear(): void;
}

export function createHistoryStore(capacity = 2048) {
  return createStore<HistoryState>()((set, get) => ({
    loss: new DecimatedSeries(capacity),
    evaluations: [],
    rateChanges: [],
    version: 0,
    append(steps, evaluations) {
      const { loss, rateChanges } = get();
      let changes = rateChanges;
      for (let i = 0; i < steps.step.length; i++) {
        loss.push(steps.step[i]!, steps.loss[i]!);
        const lr = steps.learningRate[i]!;
        const previous = changes.at(-1);
        if (previous === undefined || previous.learningRate !== lr) changes = [...changes, { step: steps.step[i]!, learningRate: lr }];
      }
      let evals = evaluations.length ? [...get().evaluations, ...evaluations] : get().evaluations;
      if (evals.length > MAX_EVALUATIONS) evals = evals.filter((_, i) => i % 2 === 0 || i === evals.length - 1);
      set({ evaluations: evals, rateChanges: changes, version: get().version + 1 });
    },
    clear() {
      get().loss.clear();
      set({ evaluations: [], rateChanges: [], version: get().version + 1 });
    },
  }));
}
export type HistoryStore = ReturnType<typeof createHistoryStore>;
