/** The lesson format: good lessons pass unchanged, bad ones are refused naming the field. */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.ts';
import { forwardPass } from '../../../src/lessons/catalog/forward-pass.ts';
import { LESSON_LIMITS, parseLessonFile, validateLesson } from '../../../src/lessons/schema.ts';

const good = () => JSON.parse(JSON.stringify(forwardPass)) as Record<string, any>;

/** The field a refusal names. */
function refusal(value: unknown): string {
  try {
    validateLesson(value);
  } catch (e) {
    if (e instanceof ConfigError) return e.field;
    throw e;
  }
  throw new Error('not refused');
}

describe('validateLesson', () => {
  it('passes a shipped lesson through unchanged, from an object and from its JSON text', () => {
    expect(validateLesson(good())).toEqual(good());
    expect(parseLessonFile(JSON.stringify(forwardPass))).toEqual(good());
    expect(parseLessonFile('\ufeff' + JSON.stringify(forwardPass))).toEqual(good());
  });

  it.each([
    ['not an object', () => 'lesson', 'lesson'],
    ['an unknown field', (l: any) => ({ ...l, extra: 1 }), 'lesson.extra'],
    ['a bad id', (l: any) => ({ ...l, id: 'Forward Pass' }), 'lesson.id'],
    ['a title without Chinese', (l: any) => ({ ...l, title: { en: 'x' } }), 'lesson.title.zh'],
    ['an empty text', (l: any) => ((l.steps[2].narration.zh = '  '), l), 'lesson.steps[2].narration.zh'],
    ['no steps', (l: any) => ({ ...l, steps: [] }), 'lesson.steps'],
    ['too many steps', (l: any) => ({ ...l, steps: Array(LESSON_LIMITS.maxSteps + 1).fill(l.steps[0]) }), 'lesson.steps'],
    ['a first step without a preset', (l: any) => (delete l.steps[0].setup.preset, l), 'lesson.steps[0].setup.preset'],
    ['an unknown preset', (l: any) => ((l.steps[0].setup.preset = 'mnist-huge'), l), 'lesson.steps[0].setup.preset'],
    ['a bad phase', (l: any) => ((l.steps[1].setup.reach.phase = 'sideways 1'), l), 'lesson.steps[1].setup.reach.phase'],
    ['a negative step', (l: any) => ((l.steps[1].setup.reach.step = -1), l), 'lesson.steps[1].setup.reach.step'],
    ['an unknown tab', (l: any) => ((l.steps[0].setup.tab = 'music'), l), 'lesson.steps[0].setup.tab'],
    ['an unknown bug', (l: any) => ((l.steps[0].setup.bugs = ['typo']), l), 'lesson.steps[0].setup.bugs[0]'],
    ['a seed of 2.5', (l: any) => ((l.steps[0].setup.seed = 2.5), l), 'lesson.steps[0].setup.seed'],
    ['a learning rate of 10 000', (l: any) => ((l.steps[0].setup.learningRate = 10_000), l), 'lesson.steps[0].setup.learningRate'],
    ['a batch size of 0', (l: any) => ((l.steps[0].setup.batchSize = 0), l), 'lesson.steps[0].setup.batchSize'],
    ['a gradient check that is not a boolean', (l: any) => ((l.steps[0].setup.gradientCheck = 'yes'), l), 'lesson.steps[0].setup.gradientCheck'],
    ['a check placeholder on a quantity that is not W or b', (l: any) => ((l.steps[1].narration.en = '{relerr(z[1])}'), l), 'lesson.steps[1].narration.en'],
    ['unclosed TeX', (l: any) => ((l.steps[1].narration.en = 'costs $\\frac{1}{2}'), l), 'lesson.steps[1].narration.en'],
    ['a bad placeholder', (l: any) => ((l.steps[1].narration.en = 'x = {detla[1][0][2]}'), l), 'lesson.steps[1].narration.en'],
    ['a placeholder with too few indices', (l: any) => ((l.steps[1].narration.zh = '{z[1][0]}'), l), 'lesson.steps[1].narration.zh'],
    ['an unclosed brace', (l: any) => ((l.steps[1].narration.en = 'x = {z[1][0][2]'), l), 'lesson.steps[1].narration.en'],
    ['a number question without tolerance', (l: any) => ((l.steps[1].question.tolerance = {}), l), 'lesson.steps[1].question.tolerance'],
    ['a tolerance of 2', (l: any) => ((l.steps[1].question.tolerance = { rel: 2 }), l), 'lesson.steps[1].question.tolerance.rel'],
    ['a bad answer expression', (l: any) => ((l.steps[1].question.value = 'z[1][0][2] + 1'), l), 'lesson.steps[1].question.value'],
    ['a choice out of range', (l: any) => ((l.steps[3].question.correct = 4), l), 'lesson.steps[3].question.correct'],
    ['a choice with one option', (l: any) => ((l.steps[3].question.options = [l.steps[3].question.options[0]]), l), 'lesson.steps[3].question.options'],
    ['a choice question with a tolerance', (l: any) => ((l.steps[3].question.tolerance = { rel: 0.1 }), l), 'lesson.steps[3].question.tolerance'],
    ['an unknown question kind', (l: any) => ((l.steps[3].question.kind = 'essay'), l), 'lesson.steps[3].question.kind'],
    ['an unknown callout target', (l: any) => ((l.steps[0].callout.target = 'moon'), l), 'lesson.steps[0].callout.target'],
    ['"finite" on accuracy', (l: any) => ((l.steps[3].question = { kind: 'condition', prompt: l.steps[3].question.prompt, explanation: l.steps[3].question.explanation, condition: { quantity: 'testAccuracy', op: 'finite' } }), l), 'lesson.steps[3].question.condition.op'],
    ['an accuracy of 1.5', (l: any) => ((l.steps[3].question = { kind: 'condition', prompt: l.steps[3].question.prompt, explanation: l.steps[3].question.explanation, condition: { quantity: 'testAccuracy', op: '>=', value: 1.5 } }), l), 'lesson.steps[3].question.condition.value'],
  ])('refuses %s, naming the field', (_, change, field) => {
    expect(refusal(change(good()))).toBe(field);
  });

  it('refuses a text over the limit by its length, and a file over the limit before parsing it', () => {
    const l = good();
    l.steps[0].narration.en = 'x'.repeat(LESSON_LIMITS.maxTextChars + 1);
    expect(() => validateLesson(l)).toThrow(/lesson\.steps\[0\]\.narration\.en: must have at most 4000 characters, got 4,001/);
    expect(() => parseLessonFile(' '.repeat(LESSON_LIMITS.maxFileChars + 1))).toThrow(/at most 200,000 characters/);
    expect(() => parseLessonFile('{"id": ')).toThrow(/^lesson: is not JSON/);
  });

  it('names nested garbage by its size, never by printing it', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const l = good();
    l.title = deep;
    expect(() => validateLesson(l)).toThrow('lesson.title: must be an object, got an array of 1 entry');
  });
});
