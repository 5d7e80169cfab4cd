/**
 * The shipped lessons, played on the core: every placeholder of every text resolves at its
 * step in both languages, every number question's answer comes from the trace (and a wrong
 * one is refused), the facts the choice questions rely on hold in the trace, and every
 * condition can be reached.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { splitTex } from '../../../src/lessons/tex.ts';
import { checkAnswer, expectedValue } from '../../../src/lessons/answers.ts';
import { LESSONS } from '../../../src/lessons/catalog.ts';
import { fillText, formatValue } from '../../../src/lessons/placeholders.ts';
import type { Step, Text } from '../../../src/lessons/schema.ts';
import { playLesson } from './simulate.ts';

const NONE = { loss: null, trainAccuracy: null, testAccuracy: null };

function textsOf(step: Step): Text[] {
  const q = step.question;
  return [
    step.narration,
    ...(step.callout ? [step.callout.text] : []),
    ...(q ? [q.prompt, q.explanation, ...(q.kind === 'choice' ? q.options : [])] : []),
  ];
}

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_, lesson) => {
  const played = playLesson(lesson);

  it('has 6 to 12 steps and every text in English and in 简体中文', () => {
    expect(lesson.steps.length).toBeGreaterThanOrEqual(6);
    expect(lesson.steps.length).toBeLessThanOrEqual(12);
    for (const text of [lesson.title, ...lesson.steps.flatMap(textsOf)]) {
      expect(text.en.trim()).not.toBe('');
      expect(text.zh.trim()).not.toBe('');
    }
    // Narration and prompts are written in Chinese, not copied English.
    for (const step of lesson.steps) {
      expect(step.narration.zh).toMatch(/[\u4e00-\u9fff]/);
      if (step.question) expect(step.question.prompt.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('typesets every TeX span of every text with KaTeX, in both languages', () => {
    let spans = 0;
    for (const text of [lesson.title, ...lesson.steps.flatMap(textsOf)]) {
      for (const lang of ['en', 'zh'] as const) {
        for (const part of splitTex(text[lang])) {
          if (part.kind !== 'tex') continue;
          expect(() => katex.renderToString(part.tex, { throwOnError: true }), part.tex).not.toThrow();
          spans++;
        }
      }
    }
    // Both languages carry the same formulas.
    const count = (lang: 'en' | 'zh') => lesson.steps.flatMap(textsOf).reduce((n, t) => n + splitTex(t[lang]).filter((p) => p.kind === 'tex').length, 0);
    expect(count('zh')).toBe(count('en'));
  });

  it('resolves every placeholder at its step, in both languages', () => {
    let count = 0;
    lesson.steps.forEach((step, k) => {
      for (const text of textsOf(step)) {
        for (const lang of ['en', 'zh'] as const) {
          const filled = fillText(text[lang], played[k]!.trace, played[k]!.checks);
          expect(filled.problems, `step ${k} (${lang}): ${text[lang].slice(0, 60)}`).toEqual([]);
          count += (text[lang].match(/\{[^{}]+\}/g) ?? []).length;
        }
      }
    });
    expect(count).toBeGreaterThan(10);
  });

  it('checks each number question against the trace: the value passes, a value 10 % off does not', () => {
    lesson.steps.forEach((step, k) => {
      const q = step.question;
      if (q?.kind !== 'number') return;
      const { trace, checks } = played[k]!;
      const value = expectedValue(q.value, trace, checks);
      expect(typeof value, `step ${k}`).toBe('number');
      const v = value as number;
      expect(checkAnswer(q, { kind: 'number', text: formatValue(v) }, trace, NONE, checks).kind, `step ${k}: ${formatValue(v)}`).toBe('right');
      const off = v + Math.max(Math.abs(v) * 0.1, (q.tolerance.abs ?? 0) * 3);
      expect(checkAnswer(q, { kind: 'number', text: String(off) }, trace, NONE, checks).kind, `step ${k}: ${off}`).toBe('wrong');
    });
  });
});

describe('the facts the lessons teach hold in the trace', () => {
  const meanAbs = (data: Float64Array) => data.reduce((s, v) => s + Math.abs(v), 0) / data.length;

  it('forward pass: z² is near 0 so y ≈ ½ and each loss ≈ ln 2, and z¹ is m × 4', () => {
    const played = playLesson(LESSONS.find((l) => l.id === 'forward-pass')!);
    const atLoss = played[6]!.trace!;
    expect(Math.abs(atLoss.y!.data[0]! - 0.5)).toBeLessThan(0.001);
    expect(Math.abs(atLoss.loss!.total - Math.LN2)).toBeLessThan(0.001);
    const z1 = played[3]!.trace!.layers[0]!.z!;
    expect([z1.rows, z1.cols]).toEqual([400, 4]);
  });

  it('vanishing gradients: with sigmoid mean |δ| shrinks at every layer towards the input, smallest at layer 1, and so does |∂L/∂W|; with ReLU δ¹ stays within 4× of δ⁴', () => {
    const played = playLesson(LESSONS.find((l) => l.id === 'vanishing-gradients')!);
    const sigmoid = played[4]!.trace!.layers.map((l) => meanAbs(l.delta!.data));
    for (let l = 1; l < sigmoid.length; l++) expect(sigmoid[l - 1]!).toBeLessThan(sigmoid[l]!);
    const dW = played[5]!.trace!.layers.map((l) => meanAbs(l.dW!.data));
    expect(dW[0]!).toBeLessThan(dW[4]!);
    const relu = played[6]!.trace!.layers.map((l) => meanAbs(l.delta!.data));
    expect(relu[0]! * 4).toBeGreaterThan(relu[3]!);
  });

  it('vanishing gradients: the ReLU net reaches test accuracy ≥ 0.9 within its schedule (the condition of the last step)', () => {
    const played = playLesson(LESSONS.find((l) => l.id === 'vanishing-gradients')!);
    const last = played.at(-1)!;
    const q = LESSONS.find((l) => l.id === 'vanishing-gradients')!.steps.at(-1)!.question!;
    const experiment = last.experiment;
    let measured = experiment.measure();
    expect(checkAnswer(q, { kind: 'condition' }, null, measured).kind).toBe('wrong');
    while (!experiment.done && checkAnswer(q, { kind: 'condition' }, null, measured).kind !== 'right') {
      experiment.step();
      if (experiment.evaluationDue) measured = experiment.measure();
    }
    console.log(`ReLU net: test accuracy ${measured.testAccuracy} after ${experiment.iteration} steps`);
    expect(checkAnswer(q, { kind: 'condition' }, null, measured).kind).toBe('right');
  });
});
