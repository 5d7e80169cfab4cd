/**
 * History: the training loss of every step (decimated, bounded memory), each evaluation, and
 * where the learning rate changed. The series is mutated in place; `version` counts changes
 * so that views subscribed to it redraw.
 */
import { createStore } from 'zustand/vanilla';
import type { FlowMetrics, StepMetrics } from '../engine/protocol.ts';
import type { Measurement } from '../presets/experiment.ts';
import { DecimatedSeries } from './series.ts';

/** Evaluations kept at most; beyond, every other one is dropped (they are few per run). */
export const MAX_EVALUATIONS = 4096;

export interface HistoryState {
  readonly loss: DecimatedSeries;
  /** The bug-free twin's loss, step by step, while a bug is switched on (empty otherwise). */
  readonly twinLoss: DecimatedSeries;
  readonly evaluations: readonly Measurement[];
  /** Steps from which a new learning rate applied, with the rate. */
  readonly rateChanges: readonly { readonly step: number; readonly learningRate: number }[];
  /** Per weight layer (index l − 1): ‖∂L/∂Wˡ‖ and ‖ΔWˡ‖/‖Wˡ‖ over the steps they were sampled at. */
  readonly gradNorm: readonly DecimatedSeries[];
  readonly updateRatio: readonly DecimatedSeries[];
  readonly version: number;
  append(steps: StepMetrics, evaluations: readonly Measurement[], flow?: FlowMetrics | null): void;
  clear(): void;
  /** Forgets everything after `step`: training went back to the weights of that step. */
  rewind(step: number): void;
}

export function createHistoryStore(capacity = 2048) {
  return createStore<HistoryState>()((set, get) => ({
    loss: new DecimatedSeries(capacity),
    twinLoss: new DecimatedSeries(capacity),
    evaluations: [],
    rateChanges: [],
    gradNorm: [],
    updateRatio: [],
    version: 0,
    append(steps, evaluations, flow = null) {
      const { loss, rateChanges } = get();
      let { gradNorm, updateRatio } = get();
      if (flow !== null) {
        if (gradNorm.length !== flow.layers) {
          gradNorm = Array.from({ length: flow.layers }, () => new DecimatedSeries(capacity));
          updateRatio = Array.from({ length: flow.layers }, () => new DecimatedSeries(capacity));
        }
        for (let r = 0; r < flow.step.length; r++) {
          for (let l = 0; l < flow.layers; l++) {
            gradNorm[l]!.push(flow.step[r]!, flow.gradNorm[r * flow.layers + l]!);
            updateRatio[l]!.push(flow.step[r]!, flow.updateRatio[r * flow.layers + l]!);
          }
        }
      }
      let changes = rateChanges;
      const twin = steps.twinLoss;
      for (let i = 0; i < steps.step.length; i++) {
        loss.push(steps.step[i]!, steps.loss[i]!);
        if (twin !== undefined) get().twinLoss.push(steps.step[i]!, twin[i]!);
        const lr = steps.learningRate[i]!;
        const previous = changes.at(-1);
        if (previous === undefined || previous.learningRate !== lr) changes = [...changes, { step: steps.step[i]!, learningRate: lr }];
      }
      let evals = evaluations.length ? [...get().evaluations, ...evaluations] : get().evaluations;
      if (evals.length > MAX_EVALUATIONS) evals = evals.filter((_, i) => i % 2 === 0 || i === evals.length - 1);
      set({ evaluations: evals, rateChanges: changes, gradNorm, updateRatio, version: get().version + 1 });
    },
    rewind(step) {
      const { loss, twinLoss, gradNorm, updateRatio, evaluations, rateChanges } = get();
      for (const series of [loss, twinLoss, ...gradNorm, ...updateRatio]) series.dropAfter(step);
      set({
        evaluations: evaluations.filter((m) => m.iteration <= step),
        rateChanges: rateChanges.filter((c) => c.step <= step),
        version: get().version + 1,
      });
    },
    clear() {
      get().loss.clear();
      get().twinLoss.clear();
      set({ evaluations: [], rateChanges: [], gradNorm: [], updateRatio: [], version: get().version + 1 });
    },
  }));
}
export type HistoryStore = ReturnType<typeof createHistoryStore>;
