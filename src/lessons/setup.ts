/**
 * What a step of a lesson sets up, with the steps before it taken into account: a step inherits
 * the setup of the steps since the last one that loaded a preset (later fields win). Entering
 * step k directly (from a link) and walking to it from step 0 therefore give the same run.
 */
import type { Lesson, Setup } from './schema.ts';

/** The index of the step whose preset the run of step k starts from. */
export function presetStepOf(lesson: Lesson, k: number): number {
  for (let i = k; i >= 0; i--) if (lesson.steps[i]?.setup?.preset !== undefined) return i;
  return 0; // validateLesson requires a preset in step 0
}

/** The setup in force at step k: step p's (p = presetStepOf) merged with every later one up to k. */
export function setupAt(lesson: Lesson, k: number): Setup {
  const merged: Record<string, unknown> = {};
  for (let i = presetStepOf(lesson, k); i <= k; i++) Object.assign(merged, lesson.steps[i]?.setup ?? {});
  return merged as Setup;
}

/** A reach as a position: updates applied, then phases of the next step run (1-based index into its phases). */
export function reachOrder(reach: { step: number; phase: string }, phases: readonly string[]): number {
  const index = phases.indexOf(reach.phase);
  return index < 0 ? -1 : reach.step * phases.length + index + 1;
}
