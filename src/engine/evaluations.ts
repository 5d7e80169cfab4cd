/**
 * Evaluations (loss and accuracy on the whole training and test sets) run in slices
 * (slices.ts): one of all of MNIST takes about 300 ms, and Pause must be answered within a
 * slice. One evaluation at a time, of one session's weights; the runner does not step while it
 * runs, so it measures the weights of one step.
 */
import type { Outbox } from './outbox.ts';
import type { Session } from './session.ts';
import { runInSlices, type Scheduler, type SlicedRun } from './slices.ts';

export class SlicedEvaluations {
  private current: { readonly session: Session; run: SlicedRun | null } | null = null;

  constructor(
    private readonly outbox: Outbox,
    private readonly scheduler: Scheduler,
    /** The session being run. */
    private readonly session: () => Session | null,
    /** Called when an evaluation that outlasted its first slice is done. */
    private readonly resumed: () => void,
  ) {}

  /**
   * Measures the session's weights now: the first slice at once (a small data set is measured
   * within it), the rest from the message queue; the measurement joins the metrics when done.
   */
  start(session: Session): void {
    const entry: { readonly session: Session; run: SlicedRun | null } = { session, run: null };
    this.current = entry;
    entry.run = runInSlices(this.scheduler, {
      steps: session.experiment.measureSteps(),
      wanted: () => this.current === entry && this.session() === session,
      done: (measurement, busyMs) => {
        this.current = null;
        const end = this.scheduler.now();
        this.outbox.metrics.addEvaluation(measurement);
        session.evaluations.evaluated(end - busyMs, end); // its cost: the time in its slices
        if (entry.run === null) return; // done within its first slice: the caller goes on
        this.outbox.flushMetrics();
        this.resumed();
      },
    });
  }

  /** Whether an evaluation of this session's weights is under way. */
  busyWith(session: Session): boolean {
    return this.current !== null && this.current.session === session;
  }

  /** Finishes the evaluation under way at once: before something changes the weights it reads. */
  settle(): void {
    this.current?.run?.finishNow();
  }
}
