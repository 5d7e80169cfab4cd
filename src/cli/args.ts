/** A small flag parser: `command --name value --switch`, with errors a person can act on. */
import { shown } from '../core/errors.ts';
import { parseDecimal } from '../core/strict-number.ts';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  readonly command: string | undefined;
  readonly flags: ReadonlyMap<string, string | true>;
}

export function parseArgs(argv: readonly string[], switches: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument ${shown(arg)} (flags start with --)`);
    const name = arg.slice(2);
    if (switches.includes(name)) {
      flags.set(name, true);
      continue;
    }
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    flags.set(name, value);
    i++;
  }
  return { command, flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return v === true ? undefined : v;
}

export function requireFlag(args: ParsedArgs, name: string): string {
  const v = stringFlag(args, name);
  if (v === undefined) throw new UsageError(`--${name} is required`);
  return v;
}

export interface NumberBounds {
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
  /** True: the value must be greater than min, not equal to it. */
  readonly aboveMin?: boolean;
}

/**
 * A flag's number, read strictly (decimal notation only: `0x10`, `Infinity` and `2.5` for a
 * whole number are refused, never changed) and checked against its bounds.
 */
export function numberFlag(args: ParsedArgs, name: string, { integer = false, min = -Infinity, max = Infinity, aboveMin = false }: NumberBounds = {}): number | undefined {
  const raw = stringFlag(args, name);
  if (raw === undefined) return undefined;
  const v = parseDecimal(raw);
  if (v === null) throw new UsageError(`--${name} must be a number in decimal notation, got ${shown(raw)}`);
  if (integer && !Number.isInteger(v)) throw new UsageError(`--${name} must be a whole number, got ${raw}`);
  if (aboveMin ? !(v > min) : v < min) throw new UsageError(`--${name} must be ${aboveMin ? 'greater than' : 'at least'} ${min}, got ${raw}`);
  if (v > max) throw new UsageError(`--${name} must be at most ${max}, got ${raw}`);
  return v;
}

export function checkKnownFlags(args: ParsedArgs, known: readonly string[]): void {
  for (const name of args.flags.keys()) {
    if (!known.includes(name)) throw new UsageError(`unknown flag --${name} for "${args.command}" (known: ${known.map((k) => `--${k}`).join(', ')})`);
  }
}
