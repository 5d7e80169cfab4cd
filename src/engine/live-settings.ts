/**
 * The check of the playback speed, shared by the settings store, which refuses
 * a bad value before sending it, and the worker, which refuses what reaches it anyway: one
 * check, one wording, bounds from limits.ts.
 */
import { ConfigError, requireOneOf } from '../core/errors.ts';
import { SPEED } from '../core/limits.ts';
import type { Speed } from './protocol.ts';

const SPEED_KINDS = ['full', 'steps-per-second', 'animated'] as const;

function requireRate(field: string, value: number, max: number): void {
  if (!(value > 0 && value <= max)) throw new ConfigError(field, { code: 'range', min: 0, max, got: value });
}

export function checkSpeed(speed: Speed): void {
  requireOneOf('speed.kind', speed.kind, SPEED_KINDS);
  if (speed.kind === 'steps-per-second') requireRate('speed.value', speed.value, SPEED.stepsPerSecond.max);
  if (speed.kind === 'animated') requireRate('speed.phasesPerSecond', speed.phasesPerSecond, SPEED.phasesPerSecond.max);
}
