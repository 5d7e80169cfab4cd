/** The client notices a worker that stops or hangs: it says so within a second and restarts it after five. */
import { describe, expect, it } from 'vitest';
import { createClient, RESTART_AFTER_MS, SILENT_NOTICE_MS, type Clock, type WorkerLike } from '../../../src/engine/client.ts';
import { HEARTBEAT_MS, PROTOCOL_VERSION, type Event } from '../../../src/engine/protocol.ts';
import { createConfigStore } from '../../../src/store/config.ts';
import { connectStores } from '../../../src/store/connect.ts';
import { createHistoryStore } from '../../../src/store/history.ts';
import { createRunStore } from '../../../src/store/run.ts';
import { SMALL } from './fakes.ts';

class FakeWorker implements WorkerLike {
  posted: unknown[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  beat() {
    this.onmessage?.({ data: { v: PROTOCOL_VERSION, event: { type: 'alive' } } } as MessageEvent);
  }
}

class ManualClock implements Clock {
  t = 0;
  private fn: (() => void) | null = null;
  now() {
    return this.t;
  }
  every(fn: () => void, ms: number) {
    expect(ms).toBe(HEARTBEAT_MS);
    this.fn = fn;
    return () => {
      this.fn = null;
    };
  }
  /** Advances time check by check, as a page's timer would. */
  advance(ms: number, eachCheck: () => void = () => {}) {
    for (let done = 0; done < ms; done += HEARTBEAT_MS) {
      this.t += HEARTBEAT_MS;
      eachCheck();
      this.fn?.();
    }
  }
}

function setUp() {
  const made: FakeWorker[] = [];
  const clock = new ManualClock();
  const client = createClient(() => {
    const w = new FakeWorker();
    made.push(w);
    return w;
  }, clock);
  const seen: Event[] = [];
  client.subscribe((e) => seen.push(e));
  client.send({ type: 'configure', config: SMALL });
  return { made, clock, client, seen };
}

describe('worker liveness', () => {
  it('keeps heartbeats to itself and says nothing while the worker beats', () => {
    const { made, clock, seen } = setUp();
    clock.advance(10_000, () => made[0]!.beat());
    expect(seen).toEqual([]);
    expect(made).toHaveLength(1);
  });

  it('says within a second that a silent worker does not answer, and takes it back when it does', () => {
    const { made, clock, seen } = setUp();
    clock.advance(SILENT_NOTICE_MS);
    expect(seen).toEqual([{ type: 'worker-silent', silentMs: SILENT_NOTICE_MS }]);
    made[0]!.beat();
    expect(seen.at(-1)).toEqual({ type: 'worker-silent', silentMs: null });
    expect(made).toHaveLength(1);
  });

  it('restarts a worker silent for RESTART_AFTER_MS (2.5 s) with the current settings, saying what was lost', () => {
    const { made, clock, client, seen } = setUp();
    const config = createConfigStore(client, SMALL);
    connectStores(client, { run: createRunStore(), history: createHistoryStore(), config });
    config.getState().setBatchSize(7);
    expect(RESTART_AFTER_MS).toBe(2500);
    clock.advance(RESTART_AFTER_MS - HEARTBEAT_MS);
    expect(made).toHaveLength(1); // not before the deadline
    clock.advance(HEARTBEAT_MS);
    expect(made[0]!.terminated).toBe(true);
    expect(made).toHaveLength(2);
    expect(seen.slice(-2)).toEqual([
      {
        type: 'error',
        message: 'the training worker stopped answering for 2.5 s and was restarted with the current settings; training restarted from step 0',
        refusal: { code: 'worker-silent', seconds: 2.5 },
      },
      { type: 'worker-restarted' },
    ]);
    expect(made[1]!.posted.map((m) => (m as { command: { type: string } }).command.type)).toEqual(['configure', 'set']);
    expect(made[1]!.posted[0]).toMatchObject({ command: { config: { schedule: { batchSize: 7 } } } });
    // The new worker gets its own full allowance.
    clock.advance(RESTART_AFTER_MS - HEARTBEAT_MS, () => made[1]!.beat());
    expect(made).toHaveLength(2);
    client.dispose();
  });

  it('gives no verdict when the page itself was blocked (the check came late)', () => {
    const { made, clock, seen } = setUp();
    clock.t += 3000; // the page's own long task: no checks ran, beats wait unread
    clock.advance(HEARTBEAT_MS);
    expect(seen).toEqual([]);
    made[0]!.beat();
    clock.advance(SILENT_NOTICE_MS - HEARTBEAT_MS);
    expect(seen).toEqual([]);
  });
});
