/**
 * How often free running shows itself. A snapshot goes to the screen after every second 20 ms
 * slice (about 25 a second), and the slice's last step is traced at most every fifth slice
 * (about 10 a second; the store keeps the last trace meanwhile). The views that draw them
 * redraw at most four times a second while training runs free; a snapshot clones the weights
 * (313 KB for 784-50-10) and a traced step copies its tensors (1.6 MB with x as doubles),
 * which on every slice took about a tenth of the worker's time. When running stops, the last
 * step is traced (an epoch's end plans for it; a pause takes one more step if it was not).
 */
import { SLICE_MS } from './slices.ts';

export const FREE_SNAPSHOT_MS = 2 * SLICE_MS - SLICE_MS / 4;
export const FREE_TRACE_MS = 5 * SLICE_MS - SLICE_MS / 4;

export class FreePacing {
  private lastSnapshot = -Infinity;
  private lastTrace = -Infinity;
  /** Whether the last whole step taken was traced. */
  lastStepTraced = false;

  /** Whether a slice ending at `end` (scheduler ms) sends a snapshot. */
  snapshotDue(end: number): boolean {
    return end - this.lastSnapshot >= FREE_SNAPSHOT_MS;
  }

  /** Whether a slice ending at `end` traces its last step (it sends a snapshot too). */
  traceDue(end: number): boolean {
    return this.snapshotDue(end) && end - this.lastTrace >= FREE_TRACE_MS;
  }

  snapshotSent(at: number): void {
    this.lastSnapshot = at;
  }

  /** A step was taken; `tracedAt` is when, if it was traced (the clock is read only then). */
  stepTaken(tracedAt: number | null): void {
    this.lastStepTraced = tracedAt !== null;
    if (tracedAt !== null) this.lastTrace = tracedAt;
  }
}
