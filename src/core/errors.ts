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

/** A value for a message, whatever it is: an object whose toString throws must not crash the refusal. */
export function shown(value: unknown): string {
  if (typeof value === 'number') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
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
