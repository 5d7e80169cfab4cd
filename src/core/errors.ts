/**
 * The errors a refusal raises. Each carries a Refusal (a code with parameters, refusal.ts), from
 * which every language writes the message; `message` is the English one. ConfigError names the
 * setting in the user's terms (for example "layers[2].units" or "hyper.learningRate") so a form
 * or a CLI can point at it; RefusedError is a refusal of no one setting (a command that must wait).
 */
import { refusalEnglish, type Refusal, type Shown, type TextPlace } from './refusal.ts';
import { grouped } from './grouped.ts';

export type { Refusal, TextPlace };

/** A detail without a code yet is carried as text, and shown as written in every language. */
function coded(detail: Refusal | string): Refusal {
  return typeof detail === 'string' ? { code: 'text', text: detail } : detail;
}

/** "line 3: " or "line 3, column "x": ". */
export function placeEnglish(at: TextPlace): string {
  return at.column === null ? `line ${at.line}: ` : `line ${at.line}, column ${shown(at.column)}: `;
}

export class ConfigError extends Error {
  readonly field: string;
  readonly refusal: Refusal;
  /** Where in a text (a CSV) the problem is, when it is in one. */
  readonly place: TextPlace | undefined;
  constructor(field: string, detail: Refusal | string, place?: TextPlace) {
    const refusal = coded(detail);
    super(`${field}: ${place === undefined ? '' : placeEnglish(place)}${refusalEnglish(refusal)}`);
    this.name = 'ConfigError';
    this.field = field;
    this.refusal = refusal;
    this.place = place;
  }
}

export class RefusedError extends Error {
  readonly refusal: Refusal;
  constructor(refusal: Refusal) {
    super(refusalEnglish(refusal));
    this.name = 'RefusedError';
    this.refusal = refusal;
  }
}

/**
 * An error as the screen shows it: its English message, and its code, field and place when it
 * has them; `otherwise` when it is not a refusal (or is null).
 */
export function shownOf(e: unknown, otherwise: Refusal): Shown {
  if (e instanceof ConfigError) return { message: e.message, field: e.field, refusal: e.refusal, ...(e.place ? { place: e.place } : {}) };
  if (e instanceof RefusedError) return { message: e.message, refusal: e.refusal };
  return { message: refusalEnglish(otherwise), refusal: otherwise };
}

/** The longest stretch of a string a message quotes. */
const SHOWN_CHARS = 40;

/**
 * A value for a message, short whatever it is: strings are quoted and cut to 40 characters,
 * arrays and objects are named by their size, never stringified (a value nested 10⁵ deep or a
 * 100 MB string must not recurse, nor fill an alert). Never throws.
 */
export function shown(value: unknown): string {
  switch (typeof value) {
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'string': {
      if (value.length <= SHOWN_CHARS) return JSON.stringify(value);
      return `${JSON.stringify(value.slice(0, SHOWN_CHARS))}… (${grouped(value.length)} characters)`;
    }
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : `an array of ${grouped(value.length)} ${value.length === 1 ? 'entry' : 'entries'}`;
      return 'an object';
    }
    default:
      return `a ${typeof value}`;
  }
}

export function requireFinite(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ConfigError(field, { code: 'finite', got: shown(value) });
  }
  return value;
}

export function requireInRange(field: string, value: unknown, min: number, max: number): number {
  const v = requireFinite(field, value);
  if (v < min || v > max) throw new ConfigError(field, { code: 'range', min, max, got: v });
  return v;
}

export function requireInteger(field: string, value: unknown, min: number, max: number): number {
  const v = requireInRange(field, value, min, max);
  if (!Number.isInteger(v)) throw new ConfigError(field, { code: 'integer', got: v });
  return v;
}

export function requireOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(field, { code: 'one-of', allowed, got: shown(value) });
  }
  return value as T;
}
