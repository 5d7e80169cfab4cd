/**
 * One training step in progress, run phase by phase: forward 1..L, loss, backward L..1,
 * update. Trainer.step runs one to the end, so whole, traced and phase-by-phase steps are the
 * same code and agree bit for bit. The stepper owns the step (its batch, loss, gradients'
 * sizes and verdict); the trainer owns the parameters, in the TrainingState both hold.
 * Divergence is found where it first appears, and a step that diverged is not applied.
 */
import { applyWithForgottenUpdates, buggyBackwardLayer } from './bugs.ts';
import { cloneParams, type LayerParams } from './network.ts';
import { backwardLayer, computeLoss, forwardLayer, type Batch, type LossBreakdown } from './passes.ts';
import type { Phase } from './phases.ts';
import { allFinite, cloneMatrix, maxAbs } from './tensor.ts';
import type { Trace } from './trace.ts';
import { applyUpdate, type Divergence, type TrainingState } from './update.ts';

export type { Divergence };

export interface StepResult {
  /** Index of this step: the number of updates applied before it. */
  readonly step: number;
  readonly loss: LossBreakdown;
  /** False when the update was refused because the step diverged. */
  readonly applied: boolean;
  readonly divergence: Divergence | null;
  readonly trace?: Trace;
}

/** One step in progress. Call `next()` until `done`, then read `result()`. */
export class PhaseStepper {
  readonly phases: readonly Phase[];
  private index = 0;
  private readonly step: number;
  private loss: LossBreakdown | null = null;
  private divergence: Divergence | null = null;
  private applied = false;
  private learningRate: number | null = null;
  /** max |g| of every gradient tensor (∂L/∂W¹, ∂L/∂b¹, ∂L/∂W², …), from the backward phases. */
  private readonly gradMaxAbs: number[];
  /** Copies of the weights before the update, kept only when tracing. */
  private readonly paramsBefore: LayerParams[] | null;

  /** The trainer begins a step (Trainer.begin); state.ws must be shaped for the batch, with x listed. */
  constructor(
    private readonly state: TrainingState,
    private readonly batch: Batch,
    traced: boolean,
  ) {
    this.phases = state.phases;
    this.step = state.steps;
    this.gradMaxAbs = new Array<number>(2 * state.params.length).fill(0);
    this.paramsBefore = traced ? cloneParams(state.params) : null;
  }

  get done(): boolean {
    return this.index >= this.phases.length;
  }

  /** The phase `next()` will run, or null when done. */
  get upcoming(): Phase | null {
    return this.phases[this.index] ?? null;
  }

  /** Runs the next phase and returns it. */
  next(): Phase {
    if (this.state.current !== this) throw new Error('this step was superseded by a newer one');
    const phase = this.phases[this.index];
    if (phase === undefined) throw new Error('the step is complete');
    this.run(phase);
    this.index++;
    return phase;
  }

  runAll(): void {
    while (!this.done) this.next();
  }

  result(): StepResult {
    if (!this.done || this.loss === null) throw new Error('the step is not complete');
    const base = { step: this.step, loss: this.loss, applied: this.applied, divergence: this.divergence };
    return this.paramsBefore ? { ...base, trace: this.trace() } : base;
  }

  /** A copy of everything computed so far. Needs the stepper to have been begun with trace. */
  trace(): Trace {
    if (this.paramsBefore === null) throw new Error('begin the step with { trace: true } to read its trace');
    const ws = this.state.ws!;
    const ran = this.phases.slice(0, this.index);
    const has = (kind: Phase['kind'], layer?: number) =>
      ran.some((p) => p.kind === kind && (layer === undefined || ('layer' in p && p.layer === layer)));
    const trace: Trace = {
      step: this.step,
      x: cloneMatrix(this.batch.x),
      t: cloneMatrix(this.batch.t),
      layers: this.paramsBefore.map((p, i) => {
        const l = i + 1;
        const buf = ws.layers[i]!;
        const lt: Trace['layers'][number] = { W: cloneMatrix(p.W), b: new Float64Array(p.b) };
        if (has('forward', l)) {
          lt.z = cloneMatrix(buf.z);
          lt.a = cloneMatrix(buf.a);
        }
        if (has('backward', l)) {
          lt.delta = cloneMatrix(buf.delta);
          lt.dW = cloneMatrix(buf.dW);
          lt.db = new Float64Array(buf.db);
        }
        if (this.applied) {
          lt.updateW = cloneMatrix(this.state.updates[i]!.W);
          lt.updateB = new Float64Array(this.state.updates[i]!.b);
        }
        return lt;
      }),
      phases: ran,
    };
    if (this.loss !== null) {
      trace.y = cloneMatrix(ws.y);
      trace.perSampleLoss = new Float64Array(ws.perSample);
      trace.loss = this.loss;
    }
    if (this.learningRate !== null) trace.learningRate = this.learningRate;
    return trace;
  }

  private run(phase: Phase): void {
    const { spec, params, hyper, bugs } = this.state;
    const ws = this.state.ws!;
    switch (phase.kind) {
      case 'forward': {
        if (!forwardLayer(spec, params, ws, this.batch.x, phase.layer)) this.diverge(phase, 'z', phase.layer);
        return;
      }
      case 'loss': {
        this.loss = computeLoss(spec, params, hyper.regularization, ws, this.batch.t);
        if (!Number.isFinite(this.loss.total)) this.diverge(phase, 'loss', null);
        return;
      }
      case 'backward': {
        const i = phase.layer - 1;
        const buf = ws.layers[i]!;
        let deltaFinite: boolean;
        if (bugs === null) deltaFinite = backwardLayer(spec, params, hyper.regularization, ws, this.batch.t, phase.layer);
        else {
          buggyBackwardLayer(spec, params, hyper.regularization, ws, this.batch.t, phase.layer, bugs);
          deltaFinite = allFinite(buf.delta.data);
        }
        // measured as the direct loops stored them, or measured here
        const measured = bugs === null && buf.gradMax.measured;
        this.gradMaxAbs[2 * i] = measured ? buf.gradMax.W : maxAbs(buf.dW.data);
        this.gradMaxAbs[2 * i + 1] = measured ? buf.gradMax.b : maxAbs(buf.db);
        if (!deltaFinite) this.diverge(phase, 'delta', phase.layer);
        else if (Number.isNaN(this.gradMaxAbs[2 * i]!)) this.diverge(phase, 'dW', phase.layer);
        else if (Number.isNaN(this.gradMaxAbs[2 * i + 1]!)) this.diverge(phase, 'db', phase.layer);
        return;
      }
      case 'update': {
        if (this.divergence !== null) return; // never apply a non-finite gradient
        this.learningRate = hyper.learningRate;
        const lr = hyper.learningRate;
        let refused: Divergence | null;
        if (bugs === null) refused = applyUpdate(this.state, ws, lr, this.gradMaxAbs);
        else {
          // The bug lab's forgotten updates: the parameters they leave alone are put back.
          refused = applyWithForgottenUpdates(bugs, this.state.params, this.state.updates, () => applyUpdate(this.state, ws, lr, this.gradMaxAbs));
          this.state.paramMaxAbs = null;
        }
        if (refused === null) this.applied = true;
        else this.diverge(phase, refused.quantity, refused.layer);
        return;
      }
    }
  }

  private diverge(phase: Phase, quantity: Divergence['quantity'], layer: number | null): void {
    this.divergence ??= { phase, quantity, layer };
  }
}
