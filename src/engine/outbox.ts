/**
 * Everything the worker sends: events through the port (typed arrays transferred), the
 * metrics gathered between sends, and the snapshot gate (at most one snapshot in flight; the
 * newest state goes out when the screen acknowledges the last).
 */
import { ConfigError, RefusedError } from '../core/errors.ts';
import { cloneParams } from '../core/network.ts';
import type { Phase } from '../core/phases.ts';
import { MetricsBuffer } from './metrics-buffer.ts';
import { transferables, type Event } from './protocol.ts';
import type { Session } from './session.ts';
import { SnapshotGate } from './snapshot-gate.ts';

export interface Port {
  post(event: Event, transfer: ArrayBuffer[]): void;
}

export class Outbox {
  readonly metrics = new MetricsBuffer();
  readonly snapshots = new SnapshotGate();

  constructor(private readonly port: Port) {}

  post(event: Event): void {
    this.port.post(event, transferables(event));
  }

  /** A new session: nothing waiting, nothing in flight, no metrics of the old one. */
  reset(): void {
    this.snapshots.reset();
    this.metrics.clear();
  }

  flushMetrics(): void {
    const batch = this.metrics.take();
    if (batch !== null) this.post({ type: 'metrics', ...batch });
  }

  /**
   * Sends the current weights and the latest trace, unless one is still in flight, in which
   * case the newest state goes out when the main thread acknowledges (`force` sends anyway:
   * a user's explicit step must always show).
   */
  sendSnapshot(session: Session | null, phase: Phase | null, force = false): void {
    if (session === null) return;
    if (!this.snapshots.open(force)) return;
    const trace = this.snapshots.takeTrace();
    const experiment = session.experiment;
    this.post({
      type: 'snapshot',
      step: experiment.trainer.steps,
      epoch: experiment.epoch,
      phase,
      params: cloneParams(experiment.trainer.params),
      trace,
    });
  }

  /** The screen took the last snapshot: the newest state follows if one is waiting. */
  acknowledge(session: Session | null): void {
    if (this.snapshots.acknowledge()) this.sendSnapshot(session, session?.stepping.lastPhase() ?? null);
  }

  error(e: unknown, command?: string): void {
    const message = e instanceof Error ? e.message : String(e);
    const coded = e instanceof ConfigError || e instanceof RefusedError ? { refusal: e.refusal } : {};
    const config = e instanceof ConfigError ? { field: e.field, ...(e.place ? { place: e.place } : {}) } : {};
    this.post({ type: 'error', message, ...config, ...coded, ...(command ? { command } : {}) });
  }
}
