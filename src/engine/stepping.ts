/**
 * Taking steps on one experiment: whole steps, or one phase at a time, and the bug-free twin
 * (when the bug lab has mistakes on) taking each finished step on the same batch. It knows
 * nothing of timers, status or messages: the host decides when to step and what to send.
 */
import type { Batch } from '../core/passes.ts';
import type { Phase } from '../core/phases.ts';
import type { Trace } from '../core/trace.ts';
import type { PhaseStepper, StepResult } from '../core/trainer.ts';
import type { Experiment } from '../presets/experiment.ts';
import { firstBatch } from './instruments.ts';

export class Stepping {
  private stepper: PhaseStepper | null = null;
  private lastBatch: Batch | null = null;

  constructor(
    readonly experiment: Experiment,
    /** The same experiment without the mistakes, from the same seed; null when none are on. */
    readonly twin: Experiment | null,
  ) {}

  /** True while a phase-by-phase step is under way. */
  get midStep(): boolean {
    return this.stepper !== null;
  }

  /** A whole step on the next batch. */
  whole(trace: boolean): StepResult {
    const batch = this.experiment.nextBatch();
    this.lastBatch = batch;
    return this.experiment.trainer.step(batch, { trace });
  }

  /** The next phase, starting a traced step on the next batch when none is under way. */
  phase(): { readonly phase: Phase; readonly trace: Trace; readonly result: StepResult | null } {
    if (this.stepper === null) {
      const batch = this.experiment.nextBatch();
      this.lastBatch = batch;
      this.stepper = this.experiment.trainer.begin(batch, { trace: true });
    }
    const stepper = this.stepper;
    const phase = stepper.next();
    const trace = stepper.trace();
    if (!stepper.done) return { phase, trace, result: null };
    this.stepper = null;
    return { phase, trace, result: stepper.result() };
  }

  /** Completes a step left half-way, so that free running starts on a step boundary; null when none was. */
  finish(): { readonly trace: Trace; readonly result: StepResult } | null {
    const stepper = this.stepper;
    if (stepper === null) return null;
    stepper.runAll();
    this.stepper = null;
    return { trace: stepper.trace(), result: stepper.result() };
  }

  /** Drops a step under way, e.g. when the weights were replaced. */
  abandon(): void {
    this.stepper = null;
  }

  /** The phase the step under way has reached (null between steps). */
  lastPhase(): Phase | null {
    const stepper = this.stepper;
    if (stepper === null || stepper.done) return null;
    return stepper.phases[stepper.phases.indexOf(stepper.upcoming!) - 1] ?? null;
  }

  /** The twin takes the step just finished, on the same batch: its loss, or undefined without a twin. */
  twinStep(): number | undefined {
    if (this.twin === null || this.lastBatch === null) return undefined;
    return this.twin.trainer.step(this.lastBatch).loss.total;
  }

  /** The batch the instruments look at: the last one drawn, or the first of the data. */
  currentBatch(): Batch {
    return this.lastBatch ?? firstBatch(this.experiment);
  }
}
