/**
 * The gradient check as the worker runs it: in slices (slices.ts), so Pause (or anything else)
 * is answered within a slice while a large check runs, with its progress posted between them.
 * A newer check, or a rebuilt session, drops the one under way.
 */
import type { Outbox } from './outbox.ts';
import type { Session } from './session.ts';
import { runInSlices, type Scheduler } from './slices.ts';

export class GradientChecks {
  /** The check under way, if any. */
  private job: object | null = null;

  constructor(
    private readonly outbox: Outbox,
    private readonly scheduler: Scheduler,
    /** The session being run. */
    private readonly session: () => Session | null,
  ) {}

  start(session: Session, maxEntries: number): void {
    const { steps, updates } = session.gradientCheck(maxEntries);
    const job = (this.job = {});
    runInSlices(this.scheduler, {
      steps,
      wanted: () => this.job === job && this.session() === session,
      progress: ({ done, total }) => this.outbox.post({ type: 'gradcheck-progress', done, total }),
      done: (report, _busyMs, last) => {
        this.job = null;
        const total = last?.total ?? 0;
        this.outbox.post({ type: 'gradcheck-progress', done: total, total });
        this.outbox.post({ type: 'gradcheck', report, updates });
      },
    });
  }
}
