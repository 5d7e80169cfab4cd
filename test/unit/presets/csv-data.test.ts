import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { inputsOf, MAX_CSV_CHARS, predictsNumbers, validateExperimentConfig, type DataConfig } from '../../../src/presets/config.ts';
import { loadExperimentData } from '../../../src/presets/data-source.ts';
import { Experiment } from '../../../src/presets/experiment.ts';

const noMnist = () => {
  throw new Error('no MNIST here');
};

/** 40 rows of two features and a class label a/b (a above the diagonal). */
const TEXT = ['x1,x2,label', ...Array.from({ length: 40 }, (_, i) => `${(i % 7) / 7},${(i % 5) / 5},${(i % 7) / 7 > (i % 5) / 5 ? 'a' : 'b'}`)].join('\n');

type CsvConfig = Extract<DataConfig, { kind: 'csv' }>;
const csv = (text: string, testFraction = 0.25): CsvConfig => ({ kind: 'csv', name: 'mine.csv', text, target: null, testFraction, seed: 3 });

function experimentOn(data: DataConfig, inputs: number, outputs: number) {
  const p = findPreset('planar-2-4-1')!;
  return {
    ...p,
    data,
    network: { layers: [{ units: inputs }, { units: 4, activation: 'tanh' }, { units: outputs, activation: 'identity' }], loss: 'softmax-cross-entropy' },
    schedule: { ...p.schedule, batchSize: 10 },
  };
}

function fieldAndMessage(f: () => unknown): [string, string] {
  try {
    f();
  } catch (e) {
    if (e instanceof ConfigError) return [e.field, e.message];
    throw e;
  }
  throw new Error('nothing was refused');
}

describe('CSV data in an experiment', () => {
  it('validates, counts its inputs, splits it, and trains on it', () => {
    const config = validateExperimentConfig(experimentOn(csv(TEXT), 2, 2));
    expect(inputsOf(config.data)).toBe(2);
    expect(predictsNumbers(config.data)).toBe(false);
    const data = loadExperimentData(config.data, noMnist);
    expect([data.train.x.rows, data.test!.x.rows]).toEqual([30, 10]);
    const e = new Experiment(config, data);
    const before = e.measure().loss!;
    for (let i = 0; i < 50; i++) e.step();
    expect(e.measure().loss!).toBeLessThan(before);
  });

  it('refuses text that does not parse, naming the line and column, and a wrong input count', () => {
    const broken = TEXT.replace('\n0.14285714285714285,0.2,', '\n0.14285714285714285,oops,');
    expect(broken).not.toBe(TEXT);
    const [field, message] = fieldAndMessage(() => validateExperimentConfig(experimentOn(csv(broken), 2, 2)));
    expect(field).toBe('config.data.text');
    expect(message).toMatch(/line \d+, column "x2": "oops" is not a number/);
    expect(fieldAndMessage(() => validateExperimentConfig(experimentOn(csv(TEXT), 3, 2)))).toEqual([
      'config.network.layers[0].units',
      'config.network.layers[0].units: the "mine.csv" data has 2 inputs, got 3',
    ]);
  });

  it('refuses text longer than it takes, and a target that is not a column name', () => {
    const huge = { ...csv(''), text: 'a'.repeat(MAX_CSV_CHARS + 1) };
    expect(fieldAndMessage(() => validateExperimentConfig(experimentOn(huge, 2, 2)))[0]).toBe('config.data.text');
    expect(fieldAndMessage(() => validateExperimentConfig(experimentOn({ ...csv(TEXT), target: 'nope' }, 2, 2)))[1]).toMatch(/no such target column/);
  });

  it('refuses to hold out a test share of a single row', () => {
    expect(fieldAndMessage(() => validateExperimentConfig(experimentOn(csv('x1,x2,label\n1,2,a'), 2, 2)))).toEqual([
      'config.data.testFraction',
      'config.data.testFraction: must be 0 for data of 1 row: nothing is left to hold out for testing',
    ]);
    // With nothing held out, one row still holds only one class: a classifier cannot be trained on it.
    expect(fieldAndMessage(() => validateExperimentConfig(experimentOn(csv('x1,x2,label\n1,2,a', 0), 2, 2)))).toEqual([
      'config.data.text',
      'config.data.text: the data "mine.csv" has only one class ("a") in its target column; a classifier needs at least 2',
    ]);
  });

  it('reads a numeric target with many values as numbers to predict', () => {
    const text = ['x,y', ...Array.from({ length: 30 }, (_, i) => `${i / 30},${Math.sin(i / 5).toFixed(4)}`)].join('\n');
    expect(predictsNumbers(csv(text))).toBe(true);
  });
});
