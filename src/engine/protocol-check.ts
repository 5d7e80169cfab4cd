/**
 * The worker's check of what reaches it: every message must be a versioned envelope holding one
 * of the commands of protocol.ts with a well-formed body. Anything else is answered with an
 * error event naming what is wrong, never with silence or a crash.
 */
import { shown } from '../core/errors.ts';
import { PROTOCOL_VERSION, type CommandType } from './protocol.ts';

type Body = Record<string, unknown>;

/**
 * Each command type with the check of its body: null when the body is well formed, or what is
 * wrong. Typed as a record over CommandType, so the compiler refuses a command missing here or
 * a name that is not one.
 */
const BODY_PROBLEM: { readonly [K in CommandType]: (body: Body) => string | null } = {
  configure: (b) => (typeof b['config'] !== 'object' || b['config'] === null ? 'configure needs a config object' : null),
  play: () => null,
  pause: () => null,
  step: (b) =>
    ['phase', 'batch', 'epoch'].includes(b['granularity'] as string)
      ? null
      : `step needs granularity "phase", "batch" or "epoch", got ${shown(b['granularity'])}`,
  reset: (b) => (typeof b['config'] !== 'object' || b['config'] === null ? 'reset needs a config object' : null),
  set: (b) => (typeof b['settings'] !== 'object' || b['settings'] === null ? 'set needs a settings object' : null),
  'gradient-check': () => null,
  'set-bugs': (b) => (Array.isArray(b['bugs']) ? null : 'set-bugs needs a list of bug names'),
  inspect: () => null,
  'export-model': () => null,
  'import-model': (b) => (typeof b['text'] === 'string' || (typeof Blob !== 'undefined' && b['file'] instanceof Blob) ? null : 'import-model needs the model file text or the file'),
  'restore-checkpoint': () => null,
  'read-csv': (b) =>
    typeof Blob === 'undefined' || !(b['file'] instanceof Blob) || typeof b['name'] !== 'string' || typeof b['asked'] !== 'number'
      ? 'read-csv needs a file, its name and a number'
      : null,
  'snapshot-ack': () => null,
};

/** Every command type, from the table above. */
export const COMMAND_TYPES = Object.keys(BODY_PROBLEM) as readonly CommandType[];

function isCommandType(type: unknown): type is CommandType {
  return typeof type === 'string' && Object.hasOwn(BODY_PROBLEM, type);
}

/** Why a message is not a command we understand, or null when it is one. */
export function commandProblem(message: unknown): string | null {
  if (typeof message !== 'object' || message === null) return 'a message must be an object { v, command }';
  const m = message as Record<string, unknown>;
  if (m['v'] !== PROTOCOL_VERSION) return `protocol version ${shown(m['v'])} is not supported (expected ${PROTOCOL_VERSION})`;
  const c = m['command'];
  if (typeof c !== 'object' || c === null) return 'the message has no command object';
  const body = c as Body;
  const type = body['type'];
  if (!isCommandType(type)) return `unknown command type ${shown(type)}`;
  return BODY_PROBLEM[type](body);
}
