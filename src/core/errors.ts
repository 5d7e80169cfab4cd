/**
 * The error every refused setting raises. `field` names the setting in the user's terms
 * (for example "layers[2].units" or "hyper.learningRate") so a form or a CLI can point at it.
 */
export class ConfigError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'ConfigError';
    this.field = field;
  }
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
      return `${JSON.stringify(value.slice(0, SHOWN_CHARS))}… (${value.length.toLocaleString('en')} characters)`;
    }
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : `an array of ${value.length.toLocaleString('en')} ${value.length === 1 ? 'entry' : 'entries'}`;
      return 'an object';
    }
    default:
      return `a ${typeof value}`;
  }
}

export function requireFinite(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ConfigError(field, `must be a finite number, got ${shown(value)}`);
  }
  return value;
}

export function requireInRange(field: string, value: unknown, min: number, max: number): number {
  const v = requireFinite(field, value);
  if (v < min || v > max) throw new ConfigError(field, `must be between ${min} and ${max}, got ${v}`);
  return v;
}

export function requireInteger(field: string, value: unknown, min: number, max: number): number {
  const v = requireInRange(field, value, min, max);
  if (!Number.isInteger(v)) throw new ConfigError(field, `must be a whole number, got ${v}`);
  return v;
}

export function requireOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(field, `must be one of ${allowed.join(', ')}, got ${shown(value)}`);
  }
  return value as T;
}
