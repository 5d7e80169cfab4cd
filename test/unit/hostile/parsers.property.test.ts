/**
 * Properties of every parser that reads what a user hands the lab (config, link, model file,
 * batch file, CSV, command-line numbers, worker messages): whatever arrives, the only thing
 * thrown is the lab's own refusal, and a config that validates can be built and stepped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberFlag, parseArgs, UsageError } from '../../../src/cli/args.ts';
import { ConfigError } from '../../../src/core/errors.ts';
import { parseBatchFile } from '../../../src/data/batch-file.ts';
import { CsvError, parseCsv } from '../../../src/data/csv.ts';
import { parseModelFile } from '../../../src/data/model-file.ts';
import { commandProblem } from '../../../src/engine/protocol.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { validateExperimentConfig } from '../../../src/presets/config.ts';
import { loadExperimentData } from '../../../src/presets/data-source.ts';
import { Experiment } from '../../../src/presets/experiment.ts';
import { decodeLink, encodeLink } from '../../../src/store/link.ts';
import { replaceAt } from './replace-at.ts';

const RUNS = { numRuns: 300 };

/** Runs f; passes when it returns or throws one of the lab's refusals, fails on anything else. */
function refusesOnly(f: () => unknown, ...allowed: (new (...args: never[]) => Error)[]): void {
  try {
    f();
  } catch (e) {
    if (allowed.some((k) => e instanceof k)) return;
    throw new Error(`threw ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : String(e)}`);
  }
}

const MODEL = JSON.stringify({
  format: 'backprop-lab/model@1',
  layers: [{ units: 2 }, { units: 2, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }],
  loss: 'squared-error-half',
  regularization: { kind: 'l2', lambda: 0.1 },
  params: [
    { W: [[0.1, -0.2], [0.3, 0.4]], b: [0, 0.1] },
    { W: [[0.5], [-0.6]], b: [0.2] },
  ],
});


const pathArb = fc.array(fc.nat({ max: 40 }), { minLength: 0, maxLength: 6 });
const valueArb = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: -5, max: 200_000 }),
  fc.double(),
  fc.constantFrom(0, 1, 2, 3, 10, 100_000, 100_001, 2.5, -1, '3', null, 'identity', 'relu', 'epochs', 'full-batch', 'csv', 'mnist'),
);

describe('every parser refuses, never crashes', () => {
  it('model file: arbitrary text, arbitrary JSON, and a valid file with one place changed', () => {
    fc.assert(fc.property(fc.string(), (text) => refusesOnly(() => parseModelFile(text), ConfigError)), RUNS);
    fc.assert(fc.property(fc.jsonValue(), (json) => refusesOnly(() => parseModelFile(JSON.stringify(json)), ConfigError)), RUNS);
    fc.assert(
      fc.property(pathArb, valueArb, (path, v) => refusesOnly(() => parseModelFile(JSON.stringify(replaceAt(JSON.parse(MODEL), path, v))), ConfigError)),
      RUNS,
    );
  });

  it('batch file: arbitrary JSON, and a valid batch with one place changed', () => {
    const batch = { x: [[0, 1], [1, 0]], t: [0, 1] };
    fc.assert(fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), (json, n, k) => refusesOnly(() => parseBatchFile(JSON.stringify(json), n, k), ConfigError)), RUNS);
    fc.assert(fc.property(pathArb, valueArb, (path, v) => refusesOnly(() => parseBatchFile(JSON.stringify(replaceAt(batch, path, v)), 2, 2), ConfigError)), RUNS);
  });

  it('CSV: arbitrary text and text made of CSV-ish pieces', () => {
    fc.assert(fc.property(fc.string(), (text) => refusesOnly(() => parseCsv(text), CsvError)), RUNS);
    const piece = fc.constantFrom(',', '\n', '\r\n', '"', '""', '1', '2.5', 'a', ' ', '\uFEFF', 'x', '-', 'e5', '');
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => refusesOnly(() => parseCsv(pieces.join('')), CsvError)), RUNS);
  });

  it('config: arbitrary values, and presets with one place changed, which then build and step', () => {
    fc.assert(fc.property(fc.anything(), (v) => refusesOnly(() => validateExperimentConfig(v), ConfigError)), RUNS);
    const csvText = ['x1,x2,label', ...Array.from({ length: 12 }, (_, i) => `${i % 3},${i % 4},${['a', 'b', 'c'][i % 3]}`)].join('\n');
    const planar = findPreset('planar-2-4-1')!;
    const bases = [
      planar,
      findPreset('regression-relu')!,
      findPreset('spiral-deep-tanh')!,
      { ...planar, data: { kind: 'csv', name: 'three.csv', text: csvText, target: null, testFraction: 0.25, seed: 0 }, network: { layers: [{ units: 2 }, { units: 3, activation: 'tanh' }, { units: 3, activation: 'identity' }], loss: 'softmax-cross-entropy' } },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...bases), pathArb, valueArb, (base, path, v) => {
        let config;
        try {
          config = validateExperimentConfig(replaceAt(base, path, v));
        } catch (e) {
          if (e instanceof ConfigError) return;
          throw e;
        }
        // What validates can be built, and its first step taken, without a throw of any kind.
        const small = { ...config, schedule: { ...config.schedule, iterations: 2 } };
        const e = new Experiment(small, loadExperimentData(small.data, () => { throw new Error('no MNIST in this property'); }));
        e.step();
        e.measure();
      }),
      { numRuns: 400 },
    );
  });

  it('link: arbitrary text, and links of arbitrary JSON, give an experiment or a reason', () => {
    fc.assert(fc.property(fc.string(), (s) => { decodeLink(`#config=${s}`); }), RUNS);
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const reading = decodeLink(`#${encodeLink(json as never)}`);
        expect(reading).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('command line numbers: read strictly and within their bounds, or refused', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('0x10', '2.5', '1e300', 'Infinity', ' 7', '-0', '4294967296')), (raw) => {
        const args = parseArgs(['train', '--seed', raw.startsWith('--') ? `x${raw}` : raw], []);
        try {
          const seed = numberFlag(args, 'seed', { integer: true, min: 0, max: 2 ** 32 - 1 })!;
          expect(Number.isInteger(seed) && seed >= 0 && seed <= 2 ** 32 - 1).toBe(true);
        } catch (e) {
          if (!(e instanceof UsageError)) throw e;
        }
      }),
      RUNS,
    );
  });

  it('worker messages: any value gets a reason or passes, never a throw', () => {
    fc.assert(fc.property(fc.anything(), (m) => { commandProblem(m); }), RUNS);
    fc.assert(fc.property(fc.anything(), (c) => { commandProblem({ v: 1, command: c }); }), RUNS);
  });
});

describe('deep nesting (10⁵) and huge strings (100 MB) are refused, not crashed on', () => {
  const timed = (what: string, f: () => void) => {
    const started = performance.now();
    f();
    console.log(`${what}: refused in ${(performance.now() - started).toFixed(0)} ms`);
  };
  const nested = (depth: number) => '['.repeat(depth) + '1' + ']'.repeat(depth);

  it('in a model file, a batch file, a config, a CSV and a link', () => {
    const deepW = MODEL.replace('[[0.1, -0.2], [0.3, 0.4]]'.replace(/ /g, ''), `[[${nested(100_000)},0],[0,0]]`);
    expect(deepW).not.toBe(MODEL);
    timed('model file, W nested 10⁵ deep', () => expect(() => parseModelFile(deepW)).toThrow(/params\[0\]\.W\[0\]\[0\]: must be a finite number, got an array of 1 entry/));
    timed('batch file, t nested 10⁵ deep', () => expect(() => parseBatchFile(`{"x":[[1,2]],"t":[${nested(100_000)}]}`, 2, 2)).toThrow(ConfigError));
    const huge = 'x'.repeat(100_000_000);
    timed('model file of 100 MB', () => expect(() => parseModelFile(huge)).toThrow(/more than the 64,000,000 read/));
    timed('config with a 100 MB name', () => expect(() => validateExperimentConfig({ ...findPreset('planar-2-4-1')!, name: huge })).toThrow(/at most 256 characters/));
    timed('config with a 100 MB CSV', () =>
      expect(() => validateExperimentConfig({ ...findPreset('planar-2-4-1')!, data: { kind: 'csv', name: 'big.csv', text: huge, target: null, testFraction: 0, seed: 0 } })).toThrow(/at most 20,000,000 characters/),
    );
    timed('CSV cell of 100 MB', () => expect(() => parseCsv(`a,b\n${huge},1`)).toThrow(/"x{40}"… \(100,000,000 characters\) is not a number|100,000,000 characters/));
    timed('link of 100 MB', () => expect(decodeLink(`#config=${huge}`)).toEqual({ experiment: null, lesson: {}, problem: 'the link is longer than the lab writes (32,000 characters)', problems: [expect.objectContaining({ message: 'the link is longer than the lab writes (32,000 characters)' })] }));
    // Written by hand: JSON.stringify itself recurses on such a value. 10⁵ levels make a link
    // longer than any the lab writes; 10⁴ levels fit, and reach validation.
    const linkNested = (depth: number) => `#config=${Buffer.from(`${JSON.stringify(findPreset('planar-2-4-1')!).slice(0, -1)},"published":${nested(depth)}}`).toString('base64url')}`;
    timed('link with a published figure nested 10⁵ deep', () => expect(decodeLink(linkNested(100_000))).toEqual({ experiment: null, lesson: {}, problem: 'the link is longer than the lab writes (32,000 characters)', problems: [expect.objectContaining({ message: 'the link is longer than the lab writes (32,000 characters)' })] }));
    timed('link with a published figure nested 10⁴ deep', () => expect(decodeLink(linkNested(10_000))).toEqual({ experiment: null, lesson: {}, problem: 'config.published: must be an object, got an array of 1 entry', problems: [expect.objectContaining({ message: 'config.published: must be an object, got an array of 1 entry' })] }));
  });
});
