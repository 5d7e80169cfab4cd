/**
 * When to evaluate (loss and accuracy on the whole training and test sets). The schedule's
 * `evaluateEvery` steps alone leave the readouts frozen at slow speeds (1000 steps at 5 steps/s
 * is over three minutes), so an evaluation is also due once `intervalMs` of wall time have
 * passed since the last one — but never more often than keeps evaluating within `budget` of
 * the time: an evaluation of MNIST's 70 000 images that took 300 ms waits at least 15 s at the
 * default 2 %. Full-speed training of a large data set thus keeps its pace (2 % is well within
 * the machine's noise), and a small one is measured 4 times a second.
 */
export const EVALUATION_INTERVAL_MS = 250;
export const EVALUATION_BUDGET = 0.02;

export class EvaluationClock {
  private lastAt: number;
  private costMs = 0;

  constructor(
    now: number,
    private readonly intervalMs = EVALUATION_INTERVAL_MS,
    private readonly budget = EVALUATION_BUDGET,
  ) {
    this.lastAt = now;
  }

  /** Whether to evaluate after a step: on the schedule's steps, or when the clock says so. */
  due(scheduled: boolean, now: number): boolean {
    return scheduled || now - this.lastAt >= Math.max(this.intervalMs, this.costMs / this.budget);
  }

  /** Records an evaluation that ran from `start` to `end` (ms). */
  evaluated(start: number, end: number): void {
    this.lastAt = end;
    this.costMs = Math.max(0, end - start);
  }
}
