/**
 * What lessons 2 to 6 tell the student, checked on the core: the gradient check's verdicts and
 * ratios the choices rely on, the loss at the start of MNIST, and every condition reached by
 * training as the lesson sets it up (each within one or two evaluations, as the narration says).
 */
import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../../src/lessons/answers.ts';
import { findLesson } from '../../../src/lessons/catalog.ts';
import type { Checks } from '../../../src/lessons/placeholders.ts';
import type { Question } from '../../../src/lessons/schema.ts';
import type { Experiment, Measurement } from '../../../src/presets/experiment.ts';
import { playLesson } from './simulate.ts';

const TAU = 1e-6;

function failing(checks: Checks): string[] {
  return checks.gradcheck!.tensors.filter((t) => !(t.maxRelError <= TAU)).map((t) => t.name);
}

/** Trains until the condition holds or `evaluations` more evaluations have come; returns the last measurement. */
function trainFor(experiment: Experiment, q: Question, evaluations: number): Measurement {
  let measured: Measurement | null = null;
  for (let seen = 0; seen < evaluations; ) {
    experiment.step();
    if (!experiment.evaluationDue) continue;
    measured = experiment.measure();
    seen++;
    if (checkAnswer(q, { kind: 'condition' }, null, measured).kind === 'right') break;
  }
  return measured!;
}

function lessonSteps(id: string) {
  const lesson = findLesson(id)!;
  return { lesson, played: playLesson(lesson) };
}

describe('error terms', () => {
  it('the gradient of W¹ has the shape of W¹, and δ³ has the sign of y − t for every sample', () => {
    const { played } = lessonSteps('error-terms');
    const trace = played[4]!.trace!;
    const dW1 = trace.layers[0]!.dW!;
    expect([dW1.rows, dW1.cols]).toEqual([2, 3]);
    for (let i = 0; i < trace.x.rows; i++) {
      expect(Math.sign(trace.layers[2]!.delta!.data[i]!)).toBe(Math.sign(trace.y!.data[i]! - trace.t.data[i]!));
    }
  });
});

describe('the batch and 1/m', () => {
  const { played } = lessonSteps('batch-and-m');

  it('with m = 4 the check flags the hidden layers only; W² is m and W¹ m² times too small', () => {
    const checks = played[1]!.checks;
    expect(failing(checks)).toEqual(['W1', 'b1', 'W2', 'b2']);
    const ratio = (name: string) => {
      const t = checks.gradcheck!.tensors.find((x) => x.name === name)!;
      return t.numeric.reduce((s, v) => s + Math.abs(v), 0) / t.analytic.reduce((s, v) => s + Math.abs(v), 0);
    };
    expect(ratio('W1')).toBeCloseTo(16, 3);
    expect(ratio('W2')).toBeCloseTo(4, 4);
    expect(ratio('W3')).toBeCloseTo(1, 6);
  });

  it('with a batch of one the same code passes, and the fixed code passes with m = 4 to 10⁻⁸ or better', () => {
    expect(played[4]!.checks.gradcheck!.tensors.length).toBe(6);
    expect(failing(played[4]!.checks)).toEqual([]);
    expect(failing(played[6]!.checks)).toEqual([]);
    expect(played[6]!.checks.gradcheck!.maxRelError).toBeLessThan(1e-8);
  });
});

describe('layers', () => {
  const { lesson, played } = lessonSteps('layers');

  it('starts near ln 10 per image, and backpropagation passes the gradient check', () => {
    expect(Math.abs(played[1]!.trace!.perSampleLoss![0]! - Math.LN10)).toBeLessThan(0.01);
    expect(failing(played[4]!.checks)).toEqual([]);
  });

  it('reaches test accuracy 0.95 within two epochs at η = 0.5', () => {
    const measured = trainFor(played.at(-1)!.experiment, lesson.steps.at(-1)!.question!, 2);
    console.log(`layers: test accuracy ${measured.testAccuracy} after ${measured.iteration} steps`);
    expect(measured.testAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});

describe('the learning rate', () => {
  const { lesson, played } = lessonSteps('learning-rate');
  const question = (k: number) => lesson.steps[k]!.question!;
  const right = (k: number, m: Measurement) => checkAnswer(question(k), { kind: 'condition' }, null, m).kind;

  it('η = 3 passes 0.8 in one epoch; η = 100 stays at chance and lowering it to 3 does not rescue it', () => {
    expect(right(2, trainFor(played[2]!.experiment, question(2), 1))).toBe('right');
    const high = played[3]!.experiment;
    expect(right(3, trainFor(high, question(3), 1))).toBe('right');
    high.trainer.setHyperparameters({ ...high.trainer.hyper, learningRate: 3 });
    const after = trainFor(high, question(3), 1);
    console.log(`η = 100 then 3: test accuracy ${after.testAccuracy}`);
    expect(after.testAccuracy).toBeLessThan(0.15);
  });

  it('η = 0.05 stays below 0.5 after an epoch; raised live to 3 it passes 0.85 one epoch later', () => {
    const low = played[5]!.experiment;
    expect(right(5, trainFor(low, question(5), 1))).toBe('right');
    low.trainer.setHyperparameters({ ...low.trainer.hyper, learningRate: 3 });
    expect(right(6, trainFor(low, question(6), 1))).toBe('right');
  });
});

describe('debugging', () => {
  const { lesson, played } = lessonSteps('debugging');

  it('the gradient check flags all four tensors, then W¹ and b¹, then none; the update check finds b¹ unmoved', () => {
    expect(failing(played[0]!.checks)).toEqual(['W1', 'b1', 'W2', 'b2']);
    expect(failing(played[1]!.checks)).toEqual(['W1', 'b1']);
    expect(failing(played[2]!.checks)).toEqual([]);
    const b1 = played[3]!.checks.updateCheck!.tensors.find((t) => t.name === 'b1')!;
    expect(b1.gradNonzero).toBeGreaterThan(0);
    expect(b1.changed).toBe(0);
    const fixed = played[5]!.checks.updateCheck!.tensors.find((t) => t.name === 'b1')!;
    expect(fixed.changed).toBe(fixed.gradNonzero);
  });

  it('with b¹ frozen the loss stays at or above 0.05; fixed, it falls to 0.02 or below at the first evaluation', () => {
    const frozen = trainFor(played[4]!.experiment, lesson.steps[4]!.question!, 1);
    expect(frozen.loss).toBeGreaterThanOrEqual(0.05);
    const fixed = trainFor(played[5]!.experiment, lesson.steps[5]!.question!, 1);
    expect(fixed.loss).toBeLessThanOrEqual(0.02);
  });
});
