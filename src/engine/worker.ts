/// <reference lib="webworker" />
/**
 * The training worker: hosts an EngineHost and connects it to the worker's message port.
 * Zero-delay continuations go through a MessageChannel rather than setTimeout, whose nested
 * calls are clamped to 4 ms, and which background tabs throttle on the main thread.
 */
import { EngineHost, type Scheduler } from './host.ts';
import { fetchMnist } from './mnist-fetch.ts';
import { HEARTBEAT_MS, PROTOCOL_VERSION } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function createScheduler(): Scheduler {
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return {
    now: () => performance.now(),
    later(fn, ms) {
      let cancelled = false;
      const run = () => {
        if (!cancelled) fn();
      };
      if (ms <= 0) {
        queue.push(run);
        channel.port2.postMessage(null);
      } else {
        const id = setTimeout(run, ms);
        return () => {
          cancelled = true;
          clearTimeout(id);
        };
      }
      return () => {
        cancelled = true;
      };
    },
  };
}

const host = new EngineHost(
  { post: (event, transfer) => scope.postMessage({ v: PROTOCOL_VERSION, event }, transfer) },
  createScheduler(),
  fetchMnist,
);
scope.onmessage = (e: MessageEvent) => host.handle(e.data);
// The heartbeat: a worker that stops (self.close(), terminate()) or hangs falls silent, and the
// client notices (see client.ts). It beats between the engine's slices of work, and says how
// long its longest silence has been (a beat that comes late waited for a block of work).
let lastBeat = performance.now();
let longestSilenceMs = 0;
setInterval(() => {
  const now = performance.now();
  longestSilenceMs = Math.max(longestSilenceMs, now - lastBeat);
  lastBeat = now;
  scope.postMessage({ v: PROTOCOL_VERSION, event: { type: 'alive', longestSilenceMs } });
}, HEARTBEAT_MS);
