/**
 * Flow control of snapshots: at most one in flight; a snapshot asked for while one is in flight
 * goes out (with the newest state) when the screen acknowledges. It also holds the latest trace
 * not yet sent, whose buffers leave with the next snapshot.
 */
import type { Trace } from '../core/trace.ts';

export class SnapshotGate {
  private inFlight = false;
  private wanted = false;
  private trace: Trace | null = null;

  /** A step should take a trace when none is waiting to be sent. */
  get wantsTrace(): boolean {
    return this.trace === null;
  }

  keep(trace: Trace): void {
    this.trace = trace;
  }

  /** Whether a snapshot may go now (force: always); when not, one is remembered as wanted. */
  open(force: boolean): boolean {
    if (this.inFlight && !force) {
      this.wanted = true;
      return false;
    }
    this.wanted = false;
    this.inFlight = true;
    return true;
  }

  /** The trace to send with the snapshot going out now (its buffers are transferred away). */
  takeTrace(): Trace | null {
    const trace = this.trace;
    this.trace = null;
    return trace;
  }

  /** The screen took the last snapshot; true when another is wanted now. */
  acknowledge(): boolean {
    this.inFlight = false;
    return this.wanted;
  }

  /** The next snapshot goes out at once (the state was replaced: a rebuild, an import, a restore). */
  release(): void {
    this.inFlight = false;
  }

  /** A new experiment: nothing waiting, nothing in flight. */
  reset(): void {
    this.inFlight = false;
    this.wanted = false;
    this.trace = null;
  }
}
