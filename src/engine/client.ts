/**
 * The main thread's side of the engine: creates the worker, sends typed commands, hands typed
 * events to subscribers, acknowledges each snapshot once the screen has had a frame to take
 * it, and restarts a crashed worker with an error event and a `worker-restarted` event. It keeps
 * no record of the settings: the settings store, their one owner, answers `worker-restarted` by
 * sending its experiment, bug switches and speed to the new worker.
 *
 * Liveness: the worker beats every HEARTBEAT_MS. A worker silent for SILENT_NOTICE_MS (1 s) is
 * reported (`worker-silent`), so the screen can say so; one silent for RESTART_AFTER_MS (2.5 s)
 * has stopped (self.close(), terminate()) or hangs, and is restarted like a crashed one. Long
 * jobs in the worker run in 20 ms slices (evaluations, the gradient check, CSV parsing); the
 * longest silences measured between beats were 0.4–0.64 s (MNIST presets, with the two cores
 * loaded 7–11 deep) and 0.57 s (building a session on a 20 MB CSV: its split is one block),
 * so the deadline keeps about four times the longest. A check that comes late means the page
 * itself was blocked: no verdict.
 */
import { refusalEnglish, type Refusal } from '../core/refusal.ts';
import { HEARTBEAT_MS, PROTOCOL_VERSION, type Command, type Event, type EventEnvelope } from './protocol.ts';

export const SILENT_NOTICE_MS = 1000;
export const RESTART_AFTER_MS = 2500;

/** Time for the liveness check, so tests can drive it. */
export interface Clock {
  now(): number;
  /** Calls fn every ms milliseconds; returns the function that stops. */
  every(fn: () => void, ms: number): () => void;
}

const realClock: Clock = {
  now: () => performance.now(),
  every(fn, ms) {
    const id = setInterval(fn, ms);
    return () => clearInterval(id);
  },
};

export interface EngineClient {
  send(command: Command): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: (event: Event) => void): () => void;
  dispose(): void;
}

/** The parts of a Worker the client uses, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

export function createWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
}

/** Calls fn when the screen can take new data: the next animation frame, or soon where there is none. */
const nextFrame = (fn: () => void) =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => fn()) : setTimeout(fn, 0);

export function createClient(makeWorker: () => WorkerLike = createWorker, clock: Clock = realClock): EngineClient {
  const listeners = new Set<(event: Event) => void>();
  let worker: WorkerLike;
  let disposed = false;
  let lastHeard = clock.now();
  let lastCheck = lastHeard;
  let silentReported = false;
  /** The longest silence the current worker has reported between its beats (ms). */
  let longestSilenceMs = 0;

  const emit = (event: Event) => {
    for (const l of listeners) l(event);
  };

  const emitRefusal = (refusal: Refusal) => emit({ type: 'error', message: refusalEnglish(refusal), refusal });

  /** A new worker in place of one that crashed or stopped; the stores give it what the screen shows. */
  const restart = (why: Refusal) => {
    worker.terminate();
    emitRefusal(why);
    if (disposed) return;
    start();
    emit({ type: 'worker-restarted' });
  };

  const checkLiveness = () => {
    const t = clock.now();
    const late = t - lastCheck > 4 * HEARTBEAT_MS;
    lastCheck = t;
    if (late) {
      lastHeard = t; // the page was blocked, so beats may be waiting unread: judge from now on
      return;
    }
    const silentMs = t - lastHeard;
    if (silentMs >= RESTART_AFTER_MS) {
      silentReported = false;
      emit({ type: 'worker-silent', silentMs: null });
      restart({ code: 'worker-silent', seconds: Math.round(silentMs / 100) / 10 });
    } else if (silentMs >= SILENT_NOTICE_MS && !silentReported) {
      silentReported = true;
      emit({ type: 'worker-silent', silentMs });
    }
  };

  const start = () => {
    worker = makeWorker();
    lastHeard = clock.now();
    longestSilenceMs = 0;
    worker.onmessage = (e: MessageEvent) => {
      lastHeard = clock.now();
      if (silentReported) {
        silentReported = false;
        emit({ type: 'worker-silent', silentMs: null });
      }
      const envelope = e.data as EventEnvelope;
      if (envelope?.v !== PROTOCOL_VERSION) {
        emitRefusal({ code: 'protocol-version', got: String(envelope?.v), expected: PROTOCOL_VERSION });
        return;
      }
      if (envelope.event.type === 'alive') {
        // Passed on only when the worker's longest silence grows (a figure for measurements).
        const longest = envelope.event.longestSilenceMs ?? 0;
        if (longest > longestSilenceMs) {
          longestSilenceMs = longest;
          emit(envelope.event);
        }
        return;
      }
      emit(envelope.event);
      if (envelope.event.type === 'snapshot') nextFrame(() => !disposed && post({ type: 'snapshot-ack' }));
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      restart({ code: 'worker-crashed', detail: e.message || 'unknown error' });
    };
  };

  const post = (command: Command) => worker.postMessage({ v: PROTOCOL_VERSION, command });
  start();
  const stopChecking = clock.every(checkLiveness, HEARTBEAT_MS);

  return {
    send(command) {
      post(command);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      stopChecking();
      worker.terminate();
      listeners.clear();
    },
  };
}
