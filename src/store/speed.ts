/**
 * Playback speed as the screen offers it: steps per second on a continuous logarithmic scale
 * from 0.5 up to full speed, or animated phases of an adjustable duration. Also the speed each
 * experiment starts at: slow enough for a class to follow on small 2-D data, full on MNIST.
 */
import { ConfigError, shown } from '../core/errors.ts';
import { SPEED } from '../core/limits.ts';
import { checkSpeed } from '../engine/live-settings.ts';
import type { Speed } from '../engine/protocol.ts';
import type { ExperimentConfig } from '../presets/config.ts';

export const MIN_STEPS_PER_SECOND = SPEED.stepsPerSecond.sliderMin;
/** The fastest fixed rate: the slider's top notch above it is full speed. */
export const MAX_STEPS_PER_SECOND = SPEED.stepsPerSecond.max;
export const MIN_PHASE_SECONDS = SPEED.secondsPerPhase.min;
export const MAX_PHASE_SECONDS = SPEED.secondsPerPhase.max;

/**
 * Refuses a speed the worker would refuse (checkSpeed) or the screen does not offer (slower
 * than the slider, phases shorter or longer than the phase slider), with the field named;
 * else returns it.
 */
export function checkedSpeed(speed: Speed): Speed {
  checkSpeed(speed);
  if (speed.kind === 'full') return speed;
  if (speed.kind === 'steps-per-second') {
    if (!(speed.value >= MIN_STEPS_PER_SECOND && speed.value <= MAX_STEPS_PER_SECOND)) {
      throw new ConfigError('speed.value', { code: 'steps-per-second', min: MIN_STEPS_PER_SECOND, max: MAX_STEPS_PER_SECOND, got: shown(speed.value) });
    }
    return speed;
  }
  const seconds = 1 / speed.phasesPerSecond;
  if (!(seconds >= MIN_PHASE_SECONDS - 1e-9 && seconds <= MAX_PHASE_SECONDS + 1e-9)) {
    throw new ConfigError('speed.phasesPerSecond', { code: 'phase-seconds', min: MIN_PHASE_SECONDS, max: MAX_PHASE_SECONDS, got: shown(seconds) });
  }
  return speed;
}

/** An animated speed whose phases last `seconds`. */
export function animated(seconds: number): Speed {
  return { kind: 'animated', phasesPerSecond: 1 / seconds };
}

/** How long one animated phase lasts, in seconds (rounded to what a person can tell apart). */
export function phaseSeconds(speed: Extract<Speed, { kind: 'animated' }>): number {
  return Number((1 / speed.phasesPerSecond).toPrecision(2));
}

/** Starting speeds of the presets a class watches; others start by their data's kind. */
const PRESET_SPEEDS: Readonly<Record<string, number>> = {
  'planar-2-4-1': 20,
  'planar-2-4-1-random-labels': 20,
  'spiral-deep-tanh': 30,
  'regression-relu': 20,
  'sigmoid-2-3-3-1': 20,
};

/**
 * The speed an experiment starts at: a few dozen steps a second on small data, where a class
 * can watch the boundary move; full speed on MNIST, where one step changes little to see.
 */
export function startingSpeed(experiment: ExperimentConfig): Speed {
  const preset = PRESET_SPEEDS[experiment.name];
  if (preset !== undefined) return { kind: 'steps-per-second', value: preset };
  return experiment.data.kind === 'mnist' ? { kind: 'full' } : { kind: 'steps-per-second', value: 20 };
}

/** The speed as a short text for a link: "full", "5" (steps/s) or "phase-1.5" (s per phase). */
export function speedToText(speed: Speed): string {
  if (speed.kind === 'full') return 'full';
  if (speed.kind === 'steps-per-second') return String(speed.value);
  return `phase-${phaseSeconds(speed)}`;
}

/** Reads speedToText's form back; throws a ConfigError naming what is wrong. */
export function speedFromText(text: string): Speed {
  if (text === 'full') return { kind: 'full' };
  const phase = /^phase-(.+)$/.exec(text);
  const value = Number(phase ? phase[1] : text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new ConfigError('speed', { code: 'speed-text', got: shown(text) });
  return checkedSpeed(phase ? animated(value) : { kind: 'steps-per-second', value });
}
