import { describe, expect, it } from 'vitest';
import { createClient, type WorkerLike } from '../../../src/engine/client.ts';
import { PROTOCOL_VERSION, type Command, type Event } from '../../../src/engine/protocol.ts';
import { createConfigStore } from '../../../src/store/config.ts';
import { connectStores } from '../../../src/store/connect.ts';
import { createHistoryStore } from '../../../src/store/history.ts';
import { createRunStore } from '../../../src/store/run.ts';
import { SMALL } from './fakes.ts';

class FakeWorker implements WorkerLike {
  static made: FakeWorker[] = [];
  posted: unknown[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  emit(event: Event, v = PROTOCOL_VERSION) {
    this.onmessage?.({ data: { v, event } } as MessageEvent);
  }
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('engine client', () => {
  it('sends versioned commands and hands events to subscribers', () => {
    FakeWorker.made = [];
    const client = createClient(() => new FakeWorker());
    const seen: Event[] = [];
    client.subscribe((e) => seen.push(e));
    client.send({ type: 'play' });
    expect(FakeWorker.made[0]!.posted).toEqual([{ v: PROTOCOL_VERSION, command: { type: 'play' } }]);
    FakeWorker.made[0]!.emit({ type: 'status', status: 'running', step: 0 });
    expect(seen).toEqual([{ type: 'status', status: 'running', step: 0 }]);
    FakeWorker.made[0]!.emit({ type: 'status', status: 'running', step: 0 }, 7);
    expect(seen.at(-1)).toMatchObject({ type: 'error', message: 'the worker spoke protocol version 7, expected 1' });
  });

  it('acknowledges each snapshot after the screen has had a frame', async () => {
    FakeWorker.made = [];
    createClient(() => new FakeWorker());
    const w = FakeWorker.made[0]!;
    w.emit({ type: 'snapshot', step: 1, epoch: 0, phase: null, params: [], trace: null });
    expect(w.posted).toEqual([]);
    await tick();
    expect(w.posted).toEqual([{ v: PROTOCOL_VERSION, command: { type: 'snapshot-ack' } }]);
  });

  it('restarts a crashed worker, reports it with a code, and says it restarted; the settings store gives it what the screen shows', () => {
    FakeWorker.made = [];
    const client = createClient(() => new FakeWorker());
    const seen: Event[] = [];
    client.subscribe((e) => seen.push(e));
    const config = createConfigStore(client, SMALL);
    connectStores(client, { run: createRunStore(), history: createHistoryStore(), config });
    client.send({ type: 'configure', config: SMALL });
    FakeWorker.made[0]!.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    expect(FakeWorker.made).toHaveLength(2);
    expect(seen.slice(-2)).toMatchObject([
      { type: 'error', message: 'the training worker crashed (out of memory) and was restarted; training restarted from step 0', refusal: { code: 'worker-crashed', detail: 'out of memory' } },
      { type: 'worker-restarted' },
    ]);
    const commands = (w: FakeWorker) => w.posted.map((m) => (m as { command: Command }).command);
    expect(commands(FakeWorker.made[1]!)).toEqual([
      { type: 'configure', config: SMALL },
      { type: 'set', settings: { speed: config.getState().speed } },
    ]);
    // Settings and bug switches changed since come back as the store holds them.
    config.getState().setBatchSize(5);
    config.getState().setSpeed({ kind: 'full' });
    config.getState().setBugs(['first-bias-frozen']);
    FakeWorker.made[1]!.onerror?.({ message: 'again', preventDefault() {} } as ErrorEvent);
    expect(commands(FakeWorker.made[2]!)).toEqual([
      { type: 'configure', config: { ...SMALL, schedule: { ...SMALL.schedule, batchSize: 5 } } },
      { type: 'set-bugs', bugs: ['first-bias-frozen'] },
      { type: 'set', settings: { speed: { kind: 'full' } } },
    ]);
    client.dispose();
    expect(FakeWorker.made[1]!.terminated).toBe(true);
  });
});
