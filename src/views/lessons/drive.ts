/**
 * Sets up a lesson step in the lab: the preset (rebuilt from its seed), the bugs, the learning
 * rate, batch size, granularity and speed, the place in the run (`reach`), which it gets to by
 * stepping phase by phase through the stores, exactly as the → key does, the gradient check,
 * the selection and the open tab.
 */
import { phaseLabel, phasesOf } from '../../core/phases.ts';
import type { Setup } from '../../lessons/schema.ts';
import { reachOrder } from '../../lessons/setup.ts';
import { findPreset } from '../../presets/catalog.ts';
import type { RunState } from '../../store/run.ts';
import type { Lab } from '../lab-context.tsx';

/** How long one rebuild or one phase may take before the set-up gives up (MNIST loads first). */
const READY_TIMEOUT_MS = 60_000;
const PHASE_TIMEOUT_MS = 10_000;
/** The most phases a set-up steps through (a reach of a few whole steps at most). */
const MAX_PHASES = 2_000;

export class SetupError extends Error {}

/** Resolves when `done` holds of the run store; rejects on timeout or when cancelled. */
function until(lab: Lab, done: (s: RunState) => boolean, timeoutMs: number, cancelled: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    if (done(lab.run.getState())) return resolve();
    const timer = setTimeout(() => {
      stop();
      reject(new SetupError('the lab did not answer in time'));
    }, timeoutMs);
    const stop = lab.run.subscribe((s) => {
      if (cancelled()) {
        stop();
        clearTimeout(timer);
        reject(new SetupError('cancelled'));
      } else if (done(s)) {
        stop();
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

/** Where the run is: whole steps × phases per step + phases of the current step run. */
function position(s: RunState, phasesPerStep: number): number {
  return s.trace !== null ? s.trace.step * phasesPerStep + s.trace.phases.length : s.step * phasesPerStep;
}

/**
 * Applies `setup` (the merged setup of the step, see lessons/setup.ts). `rebuild`: start again
 * from the preset (a step that loads one, a jump, or a reach behind where the run is).
 * `ownCheck`: the step itself asks for a gradient check (one inherited runs only if none is shown).
 */
export async function applySetup(lab: Lab, setup: Setup, rebuild: boolean, ownCheck: boolean, cancelled: () => boolean): Promise<void> {
  // The lab's own first experiment must be built before the lesson's is asked for: its ready
  // would otherwise be taken for the lesson's.
  await until(lab, (s) => s.info !== null && s.status !== 'loading', READY_TIMEOUT_MS, cancelled);
  const config = lab.config.getState();
  if (rebuild && setup.preset !== undefined) {
    const preset = findPreset(setup.preset)!;
    const before = lab.run.getState().info;
    lab.playback.getState().pause();
    config.configure(setup.seed === undefined ? preset : { ...preset, seed: setup.seed });
    await until(lab, (s) => s.info !== before && s.info?.name === preset.name && s.status === 'idle', READY_TIMEOUT_MS, cancelled);
    const bugs = setup.bugs ?? [];
    if (bugs.join() !== lab.config.getState().bugs.join()) {
      const info = lab.run.getState().info;
      lab.config.getState().setBugs(bugs);
      await until(lab, (s) => s.info !== info && s.status === 'idle', READY_TIMEOUT_MS, cancelled);
    }
  }
  if (setup.learningRate !== undefined) lab.config.getState().setLearningRate(setup.learningRate);
  if (setup.batchSize !== undefined && setup.batchSize !== lab.config.getState().experiment.schedule.batchSize) lab.config.getState().setBatchSize(setup.batchSize);
  if (setup.stepsPerSecond !== undefined) lab.config.getState().setSpeed(setup.stepsPerSecond === null ? { kind: 'full' } : { kind: 'steps-per-second', value: setup.stepsPerSecond });
  if (setup.reach !== undefined) await reach(lab, setup.reach, cancelled);
  // The check runs when the step asks for it, or when a rebuild has cleared an earlier step's.
  if (setup.gradientCheck === true && (ownCheck || lab.run.getState().gradcheck === null)) await gradientCheck(lab, cancelled);
  lab.config.getState().setGranularity(setup.granularity ?? lab.config.getState().granularity);
  lab.ui.getState().viewPhase(null);
  if (setup.select !== undefined) lab.ui.getState().select(setup.select);
  if (setup.tab !== undefined) lab.ui.getState().setTab(setup.tab);
}

/** Runs the gradient check (and the update check with it) on the current batch, and waits for its report. */
async function gradientCheck(lab: Lab, cancelled: () => boolean): Promise<void> {
  const before = lab.run.getState().gradcheck;
  lab.playback.getState().gradientCheck();
  await until(lab, (s) => s.gradcheck !== before && s.gradcheck !== null, READY_TIMEOUT_MS, cancelled);
}

/** Steps phase by phase until the run has just run `target.phase` of step `target.step`. */
export async function reach(lab: Lab, target: { step: number; phase: string }, cancelled: () => boolean): Promise<void> {
  const info = lab.run.getState().info;
  if (info === null) throw new SetupError('the lab is not ready');
  const labels = phasesOf(info.network.layers.length - 1).map(phaseLabel);
  const goal = reachOrder(target, labels);
  if (goal < 0) throw new SetupError(`this network has no phase "${target.phase}"`);
  lab.config.getState().setGranularity('phase');
  for (let i = 0; i < MAX_PHASES; i++) {
    const s = lab.run.getState();
    const at = position(s, labels.length);
    if (at >= goal) return;
    const trace = s.trace;
    lab.playback.getState().step();
    await until(lab, (n) => n.trace !== trace && n.trace !== null, PHASE_TIMEOUT_MS, cancelled);
  }
  throw new SetupError(`could not reach ${target.phase} of step ${target.step}`);
}

/** Whether the run is already past the place a step wants (then it must be rebuilt). */
export function isPast(lab: Lab, target: { step: number; phase: string }): boolean {
  const info = lab.run.getState().info;
  if (info === null) return true;
  const labels = phasesOf(info.network.layers.length - 1).map(phaseLabel);
  return position(lab.run.getState(), labels.length) > reachOrder(target, labels);
}
