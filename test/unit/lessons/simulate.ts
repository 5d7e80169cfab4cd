/**
 * Plays a lesson in Node on the core, step by step, as the player does in the browser: each
 * step's setup (preset, seed, bugs, learning rate, reach) applied to a real Experiment, and
 * the trace the step's texts and questions are resolved against.
 */
import { phaseLabel } from '../../../src/core/phases.ts';
import type { PhaseStepper } from '../../../src/core/trainer.ts';
import type { Trace } from '../../../src/core/trace.ts';
import type { Lesson } from '../../../src/lessons/schema.ts';
import { presetStepOf, setupAt } from '../../../src/lessons/setup.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { loadExperimentData } from '../../../src/presets/data-source.ts';
import { Experiment } from '../../../src/presets/experiment.ts';

export interface PlayedStep {
  readonly index: number;
  readonly trace: Trace | null;
  readonly experiment: Experiment;
}

export function build(preset: string, seed?: number): Experiment {
  const base = findPreset(preset)!;
  const config = seed === undefined ? base : { ...base, seed };
  return new Experiment(config, loadExperimentData(config.data, () => {
    throw new Error('no MNIST in the lesson tests');
  }));
}

export function playLesson(lesson: Lesson): PlayedStep[] {
  const played: PlayedStep[] = [];
  let experiment: Experiment | null = null;
  let stepper: PhaseStepper | null = null;
  let trace: Trace | null = null;
  lesson.steps.forEach((step, k) => {
    const setup = setupAt(lesson, k);
    if (presetStepOf(lesson, k) === k || experiment === null) {
      experiment = build(setup.preset!, setup.seed);
      if (setup.bugs !== undefined) experiment.trainer.setBugs(setup.bugs);
      stepper = null;
      trace = null;
    }
    if (step.setup?.learningRate !== undefined) experiment.trainer.setHyperparameters({ ...experiment.trainer.hyper, learningRate: step.setup.learningRate });
    const reach = step.setup?.reach;
    if (reach !== undefined) {
      while (experiment.trainer.steps < reach.step) {
        stepper?.runAll();
        stepper = null;
        if (experiment.trainer.steps < reach.step) experiment.step();
      }
      stepper ??= experiment.trainer.begin(experiment.nextBatch(), { trace: true });
      const s: PhaseStepper = stepper;
      while (!s.done && lastRun(s) !== reach.phase) s.next();
      if (lastRun(s) !== reach.phase) throw new Error(`step ${k}: the network has no phase "${reach.phase}"`);
      trace = s.trace();
    }
    played.push({ index: k, trace, experiment });
  });
  return played;
}

/** The label of the phase the stepper ran last, or null before its first. */
function lastRun(s: PhaseStepper): string | null {
  const index = s.done ? s.phases.length : s.phases.indexOf(s.upcoming!);
  return index === 0 ? null : phaseLabel(s.phases[index - 1]!);
}
