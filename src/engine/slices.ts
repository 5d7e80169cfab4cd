/**
 * Long jobs in the worker (a gradient check, an evaluation of all of MNIST, parsing a large
 * CSV file) run as generators, a slice of about SLICE_MS at a time, returning to the message
 * queue between slices: so Pause, a setting or the heartbeat is answered within a slice.
 */

export interface Scheduler {
  now(): number;
  /** Runs fn after about ms milliseconds; returns a function that cancels it. */
  later(fn: () => void, ms: number): () => void;
}

/** Free running and long jobs work this long between looks at the message queue. */
export const SLICE_MS = 20;

export interface SlicedJob<Y, R> {
  readonly steps: Generator<Y, R, void>;
  /** Checked before each slice: a job no longer wanted stops where it is. */
  wanted(): boolean;
  /** After a slice that did not finish, with the last value yielded. */
  progress?(value: Y): void;
  /**
   * The result, the time spent in the job's slices (ms; not the time between them) and the last
   * value yielded (undefined when none was).
   */
  done(result: R, busyMs: number, last: Y | undefined): void;
  /** What the generator threw; without it, the error propagates from the slice. */
  failed?(e: unknown): void;
}

export interface SlicedRun {
  /** Runs what is left at once (e.g. before the weights an evaluation reads change). */
  finishNow(): void;
  readonly finished: boolean;
}

/** Starts a job: its first slice runs now, the next ones from the message queue. */
export function runInSlices<Y, R>(scheduler: Scheduler, job: SlicedJob<Y, R>, sliceMs = SLICE_MS): SlicedRun {
  let busyMs = 0;
  let last: Y | undefined;
  let finished = false;
  /** Steps until `until` (ms on the scheduler's clock) or the end. */
  const run = (until: number) => {
    const start = scheduler.now();
    try {
      for (;;) {
        const r = job.steps.next();
        if (r.done) {
          finished = true;
          busyMs += scheduler.now() - start;
          job.done(r.value, busyMs, last);
          return;
        }
        last = r.value;
        if (scheduler.now() >= until) {
          busyMs += scheduler.now() - start;
          job.progress?.(r.value);
          return;
        }
      }
    } catch (e) {
      finished = true;
      if (job.failed === undefined) throw e;
      job.failed(e);
    }
  };
  const slice = () => {
    if (finished || !job.wanted()) return;
    run(scheduler.now() + sliceMs);
    if (!finished) scheduler.later(slice, 0);
  };
  slice();
  return {
    finishNow() {
      if (!finished && job.wanted()) run(Infinity);
    },
    get finished() {
      return finished;
    },
  };
}
