/** Placeholders in lesson texts, answer checking, and fast-check properties of both parsers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.ts';
import { checkAnswer, conditionHolds, readNumber, withinTolerance } from '../../../src/lessons/answers.ts';
import { forwardPass } from '../../../src/lessons/catalog/forward-pass.ts';
import { fillText, formatValue, parsePlaceholders } from '../../../src/lessons/placeholders.ts';
import { parseLessonFile, validateLesson } from '../../../src/lessons/schema.ts';
import { splitTex } from '../../../src/lessons/tex.ts';
import { build } from './simulate.ts';

const RUNS = { numRuns: 300 };

function tracedStep() {
  const experiment = build('planar-2-4-1');
  return experiment.trainer.step(experiment.nextBatch(), { trace: true }).trace!;
}

describe('placeholders', () => {
  const trace = tracedStep();

  it('reads z, a, δ, W, b, x, t, y, L, loss, m and the layer means from the trace, with {{ }} as literal braces', () => {
    const { data, cols } = trace.layers[0]!.delta!;
    const filled = fillText('δ = {delta[1][3][2]}, W = {W[2][1][0]}, b = {b[1][0]}, x = {x[0][1]}, m = {m}, {{set}}', trace);
    expect(filled.problems).toEqual([]);
    expect(filled.text).toBe(
      `δ = ${formatValue(data[3 * cols + 2]!)}, W = ${formatValue(trace.layers[1]!.W.data[1]!)}, b = ${formatValue(trace.layers[0]!.b[0]!)}, x = ${formatValue(trace.x.data[1]!)}, m = 400, {set}`,
    );
    const mean = trace.layers[0]!.delta!.data.reduce((s, v) => s + Math.abs(v), 0) / data.length;
    expect(fillText('{meanabs(delta[1])}', trace).text).toBe(formatValue(mean));
    expect(fillText('{loss}', trace).text).toBe(formatValue(trace.loss!.total));
  });

  it('names what does not resolve: an index out of range, a layer the network lacks, a phase not yet run', () => {
    expect(fillText('{z[1][400][0]}', trace).problems[0]).toMatch(/out of range \(400 × 4\)/);
    expect(fillText('{z[3][0][0]}', trace).problems[0]).toMatch(/weight layers 1\.\.2/);
    const early = build('planar-2-4-1');
    const stepper = early.trainer.begin(early.nextBatch(), { trace: true });
    stepper.next();
    expect(fillText('{delta[1][0][0]}', stepper.trace()).problems[0]).toMatch(/backward phase of layer 1, which has not run yet/);
    expect(fillText('{z[1][0][0]}', null)).toEqual({ text: '?', problems: ['{z[1][0][0]}: no trace yet'] });
  });

  it('formats with 4 significant digits and a true minus sign', () => {
    expect(formatValue(-0.0123456)).toBe('−0.01235');
    expect(formatValue(400)).toBe('400');
    expect(formatValue(-1.5e-7)).toBe('−1.500e−7');
  });
});

describe('answers', () => {
  it('reads numbers as students type them', () => {
    expect(readNumber(' −0.0123 ')).toBe(-0.0123);
    expect(readNumber('0,5')).toBe(0.5);
    expect(readNumber('1e-3')).toBe(0.001);
    expect(readNumber('abc')).toBeNull();
    expect(readNumber('')).toBeNull();
    expect(readNumber('1e999')).toBeNull();
  });

  it('applies the tolerance: absolute or relative, either suffices', () => {
    expect(withinTolerance(1.019, 1, { rel: 0.02 })).toBe(true);
    expect(withinTolerance(1.021, 1, { rel: 0.02 })).toBe(false);
    expect(withinTolerance(0.0004, 0, { rel: 0.02, abs: 0.0005 })).toBe(true);
    expect(withinTolerance(0.0006, 0, { rel: 0.02, abs: 0.0005 })).toBe(false);
  });

  it('checks conditions on the latest measurement; a missing or infinite figure never satisfies one', () => {
    expect(conditionHolds({ quantity: 'testAccuracy', op: '>=', value: 0.95 }, { loss: 1, trainAccuracy: 1, testAccuracy: 0.95 })).toBe(true);
    expect(conditionHolds({ quantity: 'testAccuracy', op: '>=', value: 0.95 }, { loss: 1, trainAccuracy: 1, testAccuracy: 0.949 })).toBe(false);
    expect(conditionHolds({ quantity: 'testAccuracy', op: '>=', value: 0.95 }, { loss: 1, trainAccuracy: 1, testAccuracy: null })).toBe(false);
    expect(conditionHolds({ quantity: 'loss', op: 'finite' }, { loss: Infinity, trainAccuracy: null, testAccuracy: null })).toBe(false);
    expect(conditionHolds({ quantity: 'loss', op: 'finite' }, { loss: 0.3, trainAccuracy: null, testAccuracy: null })).toBe(true);
    expect(conditionHolds({ quantity: 'loss', op: '<=', value: 0.1 }, { loss: NaN, trainAccuracy: null, testAccuracy: null })).toBe(false);
  });

  it('says an answer is unreadable rather than wrong when it is not a number', () => {
    const q = forwardPass.steps[1].question;
    const v = validateLesson(JSON.parse(JSON.stringify(forwardPass))).steps[1]!.question!;
    expect(q.kind).toBe('number');
    expect(checkAnswer(v, { kind: 'number', text: 'twelve' }, tracedStep(), { loss: null, trainAccuracy: null, testAccuracy: null }).kind).toBe('unreadable');
  });
});

describe('properties of the parsers (fast-check)', () => {
  it('parsePlaceholders never throws, and a text without braces or dollars is one literal segment', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const parsed = parsePlaceholders(s);
        if (!/[{}$]/.test(s) && s !== '') expect(parsed).toEqual({ segments: [s], placeholders: [] });
      }),
      RUNS,
    );
  });

  it('escaped braces round-trip: literal text with {{ }} comes back as the text, \\$ stays escaped for the TeX splitter', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (s) => {
        const parsed = parsePlaceholders(s.replace(/\{/g, '{{').replace(/\}/g, '}}').replace(/\$/g, '\\$'));
        expect('segments' in parsed && parsed.segments.join('')).toBe(s.replace(/\$/g, '\\$'));
      }),
      RUNS,
    );
  });

  it('parseLessonFile and validateLesson throw nothing but a ConfigError on arbitrary strings and JSON', () => {
    const onlyConfigErrors = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
      }
    };
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => onlyConfigErrors(() => parseLessonFile(s))), RUNS);
    fc.assert(fc.property(fc.jsonValue(), (v) => onlyConfigErrors(() => validateLesson(v))), RUNS);
  });

  it('a shipped lesson with one field replaced by arbitrary JSON is refused with a ConfigError naming a field, or still validates', () => {
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (typeof v === 'object' && v !== null) for (const [k, c] of Object.entries(v)) walk(c, [...path, Array.isArray(v) ? Number(k) : k]);
    };
    walk(forwardPass, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue(), (path, replacement) => {
        const lesson = JSON.parse(JSON.stringify(forwardPass));
        let at = lesson;
        for (const key of path.slice(0, -1)) at = at[key];
        at[path.at(-1)!] = replacement;
        try {
          validateLesson(lesson);
        } catch (e) {
          expect(e).toBeInstanceOf(ConfigError);
          expect((e as ConfigError).field).toMatch(/^lesson/);
        }
      }),
      RUNS,
    );
  });
});

describe('TeX in lesson texts', () => {
  it('splits $…$ from plain text, keeps a \\$ as a dollar, and leaves an unclosed $ as text', () => {
    expect(splitTex('δ = $\\frac{1}{m}$, costs \\$5')).toEqual([
      { kind: 'text', text: 'δ = ' },
      { kind: 'tex', tex: '\\frac{1}{m}' },
      { kind: 'text', text: ', costs $5' },
    ]);
    expect(splitTex('a $ b')).toEqual([{ kind: 'text', text: 'a $ b' }]);
  });

  it('fills placeholders outside TeX and leaves TeX braces alone', () => {
    const trace = tracedStep();
    const filled = fillText('$\\frac{\\partial L}{\\partial z}$ = {delta[1][0][0]}', trace);
    expect(filled.problems).toEqual([]);
    expect(filled.text).toBe(`$\\frac{\\partial L}{\\partial z}$ = ${formatValue(trace.layers[0]!.delta!.data[0]!)}`);
  });
});
