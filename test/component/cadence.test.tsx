/**
 * The evaluation cadence, end to end: the real engine host (in process, on a simulated clock)
 * behind the lab's stores and the run's readouts. At 5 steps/s the accuracy must move within
 * one second of Play, although the preset evaluates on its schedule only every 1000 steps.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineClient } from '../../src/engine/client.ts';
import { EngineHost, type Scheduler } from '../../src/engine/host.ts';
import { PROTOCOL_VERSION, type Event } from '../../src/engine/protocol.ts';
import { I18nContext, translator } from '../../src/i18n/i18n.ts';
import { findPreset } from '../../src/presets/catalog.ts';
import { createConfigStore } from '../../src/store/config.ts';
import { createPlaybackStore } from '../../src/store/playback.ts';
import { connectStores } from '../../src/store/connect.ts';
import { createHistoryStore } from '../../src/store/history.ts';
import { createRunStore } from '../../src/store/run.ts';
import { createUiStore } from '../../src/store/ui.ts';
import { LabContext } from '../../src/views/lab-context.tsx';
import { RunStatus } from '../../src/views/status/RunStatus.tsx';

afterEach(cleanup);

/** Timers on a simulated clock: `advance(ms)` fires what falls due, in order. */
class SimulatedClock implements Scheduler {
  private t = 0;
  private timers: { at: number; fn: () => void; live: boolean }[] = [];
  now(): number {
    return this.t;
  }
  later(fn: () => void, ms: number): () => void {
    const timer = { at: this.t + ms, fn, live: true };
    this.timers.push(timer);
    return () => {
      timer.live = false;
    };
  }
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const next = this.timers.filter((x) => x.live && x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (next === undefined) break;
      next.live = false;
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    this.t = end;
  }
}

function labOnHost() {
  const clock = new SimulatedClock();
  const listeners = new Set<(e: Event) => void>();
  let host: EngineHost;
  const send: EngineClient['send'] = (command) => host.handle({ v: PROTOCOL_VERSION, command });
  host = new EngineHost(
    {
      post(event) {
        listeners.forEach((l) => l(event));
        if (event.type === 'snapshot') queueMicrotask(() => send({ type: 'snapshot-ack' }));
      },
    },
    clock,
    () => Promise.reject(new Error('no MNIST here')),
  );
  const client: EngineClient = { send, subscribe: (l) => (listeners.add(l), () => listeners.delete(l)), dispose() {} };
  const preset = findPreset('planar-2-4-1')!;
  const config = createConfigStore(client, preset, { speed: { kind: 'steps-per-second', value: 5 } });
  const lab = { config, playback: createPlaybackStore(client, config), run: createRunStore(), history: createHistoryStore(), ui: createUiStore() };
  connectStores(client, lab);
  client.send({ type: 'configure', config: preset });
  client.send({ type: 'set', settings: { speed: lab.config.getState().speed } });
  render(
    <I18nContext.Provider value={{ language: 'en', t: translator('en'), setLanguage() {} }}>
      <LabContext.Provider value={lab}>
        <RunStatus />
      </LabContext.Provider>
    </I18nContext.Provider>,
  );
  return { clock, lab, preset };
}

describe('evaluation cadence', () => {
  it('at 5 steps/s the train accuracy changes within 1 s, though the schedule evaluates every 1000 steps', async () => {
    const { clock, lab, preset } = labOnHost();
    expect(preset.schedule.evaluateEvery).toBe(1000);
    const before = screen.getByTestId('train-accuracy').textContent;
    expect(before).toBe('0.4725');
    act(() => lab.playback.getState().play());
    for (let ms = 0; ms < 1000; ms += 50) {
      await act(async () => clock.advance(50));
    }
    act(() => lab.playback.getState().pause());
    await act(async () => clock.advance(0));
    const evaluations = lab.history.getState().evaluations;
    const steps = lab.run.getState().step;
    expect(steps).toBe(6); // at 0, 200, …, 1000 ms
    // Evaluated at the first step after each 250 ms of wall time: steps at 0, 200, …, 800 ms
    // give evaluations at 400 and 800 ms (steps 3 and 5), after the one at step 0.
    expect(evaluations.map((e) => e.iteration)).toEqual([0, 3, 5]);
    expect(screen.getByTestId('train-accuracy').textContent).not.toBe(before);
    expect(screen.getByTestId('train-accuracy').textContent).toBe(evaluations.at(-1)!.trainAccuracy!.toFixed(4));
  });
});
