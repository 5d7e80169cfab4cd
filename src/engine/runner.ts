/**
 * When the session steps: the run status, the playback speed, stepping by phase, batch or
 * epoch, and free running in time slices of about SLICE_MS, returning to the message queue
 * between slices so that a pause or a setting takes effect before the next update. After each
 * step it does the bookkeeping (metrics, evaluations, checkpoints, divergence) through the
 * outbox. Time comes from a Scheduler, so a test drives it with a manual clock.
 */
import type { Phase } from '../core/phases.ts';
import type { StepResult } from '../core/trainer.ts';
import { paramSize } from './checkpoints.ts';
import type { Outbox } from './outbox.ts';
import type { Granularity, RunStatus, Speed } from './protocol.ts';
import type { Session } from './session.ts';
import { SlicedEvaluations } from './evaluations.ts';
import { FreePacing } from './free-pacing.ts';
import { SLICE_MS, type Scheduler } from './slices.ts';

export { SLICE_MS, type Scheduler };

export class Runner {
  private _status: RunStatus = 'idle';
  private _speed: Speed = { kind: 'full' };
  private cancelTimer: (() => void) | null = null;
  /** Free running stops when the step count reaches this (epoch stepping), or never when null. */
  private stopAt: number | null = null;
  private avgStepMs = 1;
  /** Stepping waits while an evaluation runs, so it measures one step's weights. */
  private readonly evaluations: SlicedEvaluations;
  /** A tick found an evaluation under way; its end schedules the tick again. */
  private tickWaiting = false;
  private readonly pacing = new FreePacing();

  constructor(
    private readonly outbox: Outbox,
    private readonly scheduler: Scheduler,
    /** The session being run, or null before the first is built. */
    private readonly session: () => Session | null,
  ) {
    this.evaluations = new SlicedEvaluations(outbox, scheduler, session, () => this.resume());
  }

  get status(): RunStatus {
    return this._status;
  }

  setStatus(status: RunStatus): void {
    this._status = status;
    this.outbox.post({ type: 'status', status, step: this.session()?.trainer.steps ?? 0 });
  }

  /** Stops free running and forgets an epoch's stopping point (before a rebuild or a restore). */
  stop(): void {
    this.stopTimer();
    this.stopAt = null;
  }

  get speed(): Speed {
    return this._speed;
  }

  setSpeed(speed: Speed): void {
    this._speed = speed;
    if (this._status === 'running') {
      this.stopTimer();
      this.scheduleTick(0);
    }
  }

  play(): void {
    this.stopAt = null;
    this.startRunning();
  }

  pause(): void {
    this.stop();
    const session = this.session();
    // Stopped, the screen shows the last step's trace (see free-pacing.ts).
    if (this._status === 'running' && session !== null && !this.pacing.lastStepTraced && !session.stepping.midStep && !this.evaluations.busyWith(session)) {
      this.completeStep(session, this.wholeStep(session, true));
    }
    if (this._status === 'running') this.setStatus('paused');
    this.outbox.flushMetrics();
    this.outbox.sendSnapshot(this.session(), this.lastPhase());
  }

  step(session: Session, granularity: Granularity): void {
    this.settleEvaluation();
    if (this._status === 'running') {
      this.stopTimer();
      this.setStatus('paused');
    }
    switch (granularity) {
      case 'phase':
        this.nextPhase(session);
        return;
      case 'batch':
        if (session.stepping.midStep) this.finishStepper(session);
        else this.completeStep(session, this.wholeStep(session, true));
        this.outbox.flushMetrics();
        this.outbox.sendSnapshot(session, null, true);
        return;
      case 'epoch': {
        this.finishStepper(session);
        const perEpoch = session.experiment.stepsPerEpoch;
        this.stopAt = (Math.floor(session.trainer.steps / perEpoch) + 1) * perEpoch;
        this.startRunning();
        return;
      }
    }
  }

  private lastPhase(): Phase | null {
    return this.session()?.stepping.lastPhase() ?? null;
  }

  private startRunning(): void {
    this.stopTimer();
    this.setStatus('running');
    this.scheduleTick(0);
  }

  private stopTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private scheduleTick(ms: number): void {
    this.cancelTimer = this.scheduler.later(() => {
      this.cancelTimer = null;
      const session = this.session();
      if (this._status === 'running' && session !== null) this.tick(session);
    }, ms);
  }

  /** Measures the session's weights now, in slices (see evaluations.ts). */
  evaluate(session: Session): void {
    this.evaluations.start(session);
  }

  /** Finishes an evaluation under way at once: before something changes the weights it reads. */
  settleEvaluation(): void {
    this.evaluations.settle();
  }

  /** An evaluation a tick waited for is done: free running goes on. */
  private resume(): void {
    if (!this.tickWaiting) return;
    this.tickWaiting = false;
    if (this._status === 'running' && this.cancelTimer === null) this.scheduleTick(0);
  }

  /** One slice of free running, at the current speed. */
  private tick(session: Session): void {
    if (this.evaluations.busyWith(session)) {
      this.tickWaiting = true;
      return;
    }
    const speed = this._speed;
    if (speed.kind === 'animated') {
      this.nextPhase(session, false);
      if (!session.stepping.midStep && this._status === 'running' && this.reachedStop(session, 0)) {
        this.stopAt = null;
        this.setStatus('paused');
      }
      if (this._status === 'running') this.scheduleTick(1000 / speed.phasesPerSecond);
      return;
    }
    if (speed.kind === 'steps-per-second') {
      this.finishStepper(session);
      this.completeStep(session, this.wholeStep(session, this.outbox.snapshots.wantsTrace));
      this.afterSlice(session, 1000 / speed.value);
      return;
    }
    this.finishStepper(session);
    const start = this.scheduler.now();
    const end = start + SLICE_MS;
    const traceLast = this.pacing.traceDue(end) && this.outbox.snapshots.wantsTrace;
    for (;;) {
      const elapsed = this.scheduler.now() - start;
      const last = elapsed + this.avgStepMs >= SLICE_MS || this.reachedStop(session, 1);
      const t0 = this.scheduler.now();
      // Trace the slice's last step unless an unsent trace is waiting: the acknowledgement of the
      // previous snapshot arrives only between slices, so "nothing in flight" would rarely hold.
      // A slice that ends free running (an epoch's end) traces its last step: the screen shows it.
      const result = this.wholeStep(session, last && (traceLast || this.reachedStop(session, 1)));
      this.avgStepMs = 0.9 * this.avgStepMs + 0.1 * Math.max(0.001, this.scheduler.now() - t0);
      this.completeStep(session, result);
      if (last || this._status !== 'running' || this.evaluations.busyWith(session)) break;
    }
    this.afterSlice(session, 0);
  }

  private afterSlice(session: Session, nextMs: number): void {
    this.outbox.flushMetrics();
    if (this._status === 'running' && this.reachedStop(session, 0)) {
      this.stopAt = null;
      this.setStatus('paused');
    }
    // Stopping here (an epoch's end) always shows its last state.
    const now = this.scheduler.now();
    if (this._status !== 'running' || this.pacing.snapshotDue(now)) {
      this.pacing.snapshotSent(now);
      this.outbox.sendSnapshot(session, null);
    }
    if (this._status === 'running') this.scheduleTick(nextMs);
  }

  private reachedStop(session: Session, ahead: number): boolean {
    return this.stopAt !== null && session.trainer.steps + ahead >= this.stopAt;
  }

  private wholeStep(session: Session, trace: boolean): StepResult {
    const result = session.stepping.whole(trace);
    this.pacing.stepTaken(result.trace !== undefined ? this.scheduler.now() : null);
    if (result.trace) this.outbox.snapshots.keep(result.trace);
    return result;
  }

  /** Bookkeeping after any finished step: metrics, evaluation, checkpoints, divergence. */
  private completeStep(session: Session, result: StepResult): void {
    const { experiment, trainer } = session;
    const metrics = this.outbox.metrics;
    if (result.divergence !== null) {
      experiment.forgetLastDraw(); // no update was applied: the epoch counter stays with the weights
      this.stop();
      this.outbox.flushMetrics();
      this.setStatus('diverged');
      this.outbox.post({
        type: 'diverged',
        step: result.step,
        divergence: result.divergence,
        learningRate: trainer.hyper.learningRate,
        checkpointStep: session.checkpoints.offered?.step ?? null,
        recovery: session.checkpoints.recovery.kind,
        weightsOrdinary: session.checkpoints.isOrdinary(paramSize(trainer.params)),
      });
      return;
    }
    if (this._status === 'diverged') this.setStatus('paused'); // a good step after lowering the rate
    session.checkpoints.afterStep(trainer.steps, trainer.params, { samplesSeen: experiment.samplesDrawn });
    // The twin takes the same step, on the same batch, without the mistakes.
    const twinLoss = session.stepping.twinStep();
    metrics.addStep(result.step, result.loss.total, trainer.hyper.learningRate, twinLoss);
    // Gradient flow is sampled on traced steps (the last of each slice, every manual step),
    // which keeps its O(parameters) cost off most steps.
    if (result.trace !== undefined) {
      const { gradNorm, updateRatio } = trainer.layerNorms();
      metrics.addFlow(result.step, gradNorm, updateRatio);
    }
    const now = this.scheduler.now();
    if (session.evaluations.due(experiment.evaluationDue, now)) this.evaluate(session);
  }

  /**
   * Runs one phase, starting a traced step on a fresh batch when none is under way. force: a
   * user's explicit step always shows; animation waits for the screen like free running.
   */
  private nextPhase(session: Session, force = true): void {
    const { phase, trace, result } = session.stepping.phase();
    this.outbox.snapshots.keep(trace);
    this.pacing.stepTaken(this.scheduler.now());
    this.outbox.post({ type: 'phase', step: trace.step, phase, loss: trace.loss ?? null });
    if (result !== null) {
      this.completeStep(session, result);
      this.outbox.flushMetrics();
    }
    this.outbox.sendSnapshot(session, phase, force);
  }

  /** Completes a step left half-way by phase stepping, so free running starts on a step boundary. */
  private finishStepper(session: Session): void {
    const finished = session.stepping.finish();
    if (finished === null) return;
    this.outbox.snapshots.keep(finished.trace);
    this.pacing.stepTaken(this.scheduler.now());
    this.completeStep(session, finished.result);
  }
}
