/** An in-process harness for EngineHost: a port that records events and a manual scheduler. */
import { EngineHost, type MnistFetcher } from '../../../src/engine/host.ts';
import { PROTOCOL_VERSION, type Command, type Event } from '../../../src/engine/protocol.ts';
import type { ExperimentConfig } from '../../../src/presets/config.ts';
import { findPreset } from '../../../src/presets/catalog.ts';

export class ManualScheduler {
  private queue: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  /** The clock: real time unless a test brings its own. */
  constructor(private readonly clock: () => number = () => performance.now()) {}
  now(): number {
    return this.clock();
  }
  later(fn: () => void, ms: number): () => void {
    const entry = { fn, ms, cancelled: false };
    this.queue.push(entry);
    return () => {
      entry.cancelled = true;
    };
  }
  /** Timers waiting to fire. */
  get pending(): number {
    return this.queue.filter((e) => !e.cancelled).length;
  }
  /** The delay asked for by the next waiting timer. */
  get nextDelay(): number | undefined {
    return this.queue.find((e) => !e.cancelled)?.ms;
  }
  /** Fires the waiting timers one by one (those they schedule wait for the next call). */
  runPending(): void {
    const due = this.queue;
    this.queue = [];
    for (const e of due) if (!e.cancelled) e.fn();
  }
}

export function harness(fetchMnist: MnistFetcher = () => Promise.reject(new Error('no MNIST in this test')), scheduler = new ManualScheduler()) {
  const events: { event: Event; transfer: ArrayBuffer[] }[] = [];
  const host = new EngineHost({ post: (event, transfer) => events.push({ event, transfer }) }, scheduler, fetchMnist);
  const send = (command: Command) => host.handle({ v: PROTOCOL_VERSION, command });
  const of = <T extends Event['type']>(type: T) => events.map((e) => e.event).filter((e): e is Extract<Event, { type: T }> => e.type === type);
  const last = <T extends Event['type']>(type: T) => of(type).at(-1);
  /** Acknowledge snapshots and fire timers until `done()` or `max` rounds. */
  const run = (done: () => boolean, max = 1000) => {
    for (let i = 0; i < max && !done(); i++) {
      send({ type: 'snapshot-ack' });
      scheduler.runPending();
    }
  };
  /** Asks for a gradient check and lets its slices run until its report arrives. */
  const gradientCheck = (command: Extract<Command, { type: 'gradient-check' }> = { type: 'gradient-check' }) => {
    const before = of('gradcheck').length;
    send(command);
    run(() => of('gradcheck').length > before);
    return last('gradcheck')!;
  };
  /** Lets asynchronous work (reading a file) go on: promises settle between rounds of timers, until `done()` or `rounds` rounds. */
  const settle = async (done: () => boolean, rounds = 10_000) => {
    for (let i = 0; i < rounds && !done(); i++) {
      await new Promise((r) => setTimeout(r, 0));
      scheduler.runPending();
    }
  };
  return { host, events, scheduler, send, of, last, run, gradientCheck, settle };
}

/** A small, fast experiment: the spiral net, tiny data. */
export const SMALL: ExperimentConfig = {
  ...findPreset('spiral-deep-tanh')!,
  name: 'small',
  data: { kind: 'toy2d', name: 'spiral', n: 60, noise: 0, testFraction: 0.5, seed: 1 },
  schedule: { sampling: 'epochs', batchSize: 10, iterations: 1000, evaluateEvery: 6, evaluateTrain: true },
};
