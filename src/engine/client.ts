/**
 * The main thread's side of the engine: creates the worker, sends typed commands, hands typed
 * events to subscribers, acknowledges each snapshot once the screen has had a frame to take
 * it, and restarts a crashed worker with an error event, replaying the last configure and the
 * settings and bug switches sent since, so the new worker matches what the screen shows.
 */
import { PROTOCOL_VERSION, type Command, type Event, type EventEnvelope, type LiveSettings } from './protocol.ts';

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

export function createClient(makeWorker: () => WorkerLike = createWorker): EngineClient {
  const listeners = new Set<(event: Event) => void>();
  /** What rebuilds the worker's state after a crash: the last configure, and since then the
   * latest of each live setting and the bug switches (merged, so the record stays small). */
  let configure: Command | null = null;
  let settings: LiveSettings = {};
  let bugs: Command | null = null;
  let worker: WorkerLike;
  let disposed = false;

  const emit = (event: Event) => {
    for (const l of listeners) l(event);
  };

  const start = () => {
    worker = makeWorker();
    worker.onmessage = (e: MessageEvent) => {
      const envelope = e.data as EventEnvelope;
      if (envelope?.v !== PROTOCOL_VERSION) {
        emit({ type: 'error', message: `the worker spoke protocol version ${String(envelope?.v)}, expected ${PROTOCOL_VERSION}` });
        return;
      }
      emit(envelope.event);
      if (envelope.event.type === 'snapshot') nextFrame(() => !disposed && post({ type: 'snapshot-ack' }));
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      worker.terminate();
      emit({ type: 'error', message: `the training worker crashed (${e.message || 'unknown error'}) and was restarted` });
      if (!disposed) {
        start();
        if (configure !== null) {
          post(configure);
          if (bugs !== null) post(bugs);
          if (Object.keys(settings).length > 0) post({ type: 'set', settings });
        }
      }
    };
  };

  const post = (command: Command) => worker.postMessage({ v: PROTOCOL_VERSION, command });
  start();

  return {
    send(command) {
      if (command.type === 'configure') {
        configure = command;
        settings = {};
      } else if (command.type === 'set') settings = { ...settings, ...command.settings };
      else if (command.type === 'set-bugs') bugs = command;
      post(command);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      worker.terminate();
      listeners.clear();
    },
  };
}
