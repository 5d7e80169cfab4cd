/** A config that validates can be built: the cross-field checks, and the bounded pass-through fields. */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.ts';
import { refusalEnglish } from '../../../src/core/refusal.ts';
import { MAX_BATCH_SIZE } from '../../../src/core/trainer.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { validateExperimentConfig, type ExperimentConfig } from '../../../src/presets/config.ts';
import { loadExperimentData } from '../../../src/presets/data-source.ts';
import { Experiment, stepsPerEpoch } from '../../../src/presets/experiment.ts';

const noMnist = () => {
  throw new Error('no MNIST here');
};

function refusal(value: unknown): [string, string] {
  try {
    validateExperimentConfig(value);
  } catch (e) {
    if (e instanceof ConfigError) return [e.field, e.message];
    throw e;
  }
  throw new Error('nothing was refused');
}

const mnist = findPreset('mnist-two-layer-relu')!;
const planar = findPreset('planar-2-4-1')!;
const sine = findPreset('regression-relu')!;
const withOutputs = (p: ExperimentConfig, units: number) => {
  const layers = p.network.layers;
  return { ...p, network: { ...p.network, layers: [...layers.slice(0, -1), { ...layers[layers.length - 1]!, units }] } };
};

describe('cross-field checks name the data', () => {
  it('refuses fewer output units than the data has classes (MNIST with 5 outputs)', () => {
    expect(refusal(withOutputs(mnist, 5))).toEqual([
      'config.network.layers[2].units',
      'config.network.layers[2].units: the MNIST data has 10 classes, so the output layer needs at least 10 units, got 5',
    ]);
    expect(validateExperimentConfig(withOutputs(mnist, 12)).network.layers[2]!.units).toBe(12); // spare outputs are fine
  });

  it('refuses a CSV with more classes than outputs, and one with a single class', () => {
    const text = ['a,label', '1,x', '2,y', '3,z', '4,x'].join('\n');
    const data = { kind: 'csv', name: 'three.csv', text, target: null, testFraction: 0, seed: 0 };
    const on = { ...planar, data, network: { ...planar.network, layers: [{ units: 1 }, { units: 4, activation: 'tanh' }, { units: 2, activation: 'identity' }], loss: 'softmax-cross-entropy' } };
    expect(refusal(on)[1]).toBe('config.network.layers[2].units: the "three.csv" data has 3 classes, so the output layer needs at least 3 units, got 2');
    const single = { ...on, data: { ...data, text: 'a,label\n1,yes\n2,yes' } };
    expect(refusal(single)).toEqual(['config.data.text', 'config.data.text: the data "three.csv" has only one class ("yes") in its target column; a classifier needs at least 2']);
  });

  it('refuses an output count that differs from the values to predict', () => {
    const [field, message] = refusal(withOutputs(sine, 3));
    expect(field).toBe('config.network.layers[2].units');
    expect(message).toMatch(/the noisy-sine data has 1 value to predict per sample, so the output layer needs 1 unit, got 3/);
  });

  it('checks the data before the network, so a bad CSV is named first', () => {
    const data = { kind: 'csv', name: 'bad.csv', text: 'a,b\n1,oops\n', target: null, testFraction: 0, seed: 0 };
    expect(refusal({ ...planar, data })[0]).toBe('config.data.text');
  });
});

describe('pass-through fields are bounded', () => {
  it('refuses a deeply nested published figure at once, and drops fields it does not know', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { source: deep };
    const started = performance.now();
    expect(refusal({ ...planar, published: deep })).toEqual(['config.published.source', 'config.published.source: must be a non-empty string, got an object']);
    console.log(`a published figure nested 100 000 deep refused in ${(performance.now() - started).toFixed(1)} ms`);
    const kept = validateExperimentConfig({ ...planar, published: { source: 's', trainAccuracy: 0.9, measure: 'final', extra: [[[1]]] } });
    expect(kept.published).toEqual({ source: 's', trainAccuracy: 0.9, measure: 'final' });
    expect(refusal({ ...planar, published: { source: 's', trainAccuracy: 1.5, measure: 'final' } })[0]).toBe('config.published.trainAccuracy');
  });

  it('refuses names, titles and sources past their length, naming the length, not quoting it all', () => {
    const [field, message] = refusal({ ...planar, title: 'x'.repeat(100_000_000) });
    expect(field).toBe('config.title');
    expect(message).toBe('config.title: must be at most 256 characters, got 100,000,000');
    expect(refusal({ ...planar, name: 7 })[1]).toBe('config.name: must be a non-empty string, got 7');
    expect(refusal({ ...planar, source: 's'.repeat(5000) })[0]).toBe('config.source');
  });
});

describe('full-batch descent over more rows than a batch holds', () => {
  it('runs as shuffled mini-batches of the limit, says so, and trains', () => {
    const rows = MAX_BATCH_SIZE + 20_000;
    const text = ['x,y', ...Array.from({ length: rows }, (_, i) => `${(i % 1000) / 1000},${i % 2}`)].join('\n');
    const config = validateExperimentConfig({
      ...planar,
      data: { kind: 'csv', name: 'big.csv', text, target: null, testFraction: 0, seed: 0 },
      network: { layers: [{ units: 1 }, { units: 2, activation: 'tanh' }, { units: 2, activation: 'identity' }], loss: 'softmax-cross-entropy' },
    });
    expect(config.schedule.sampling).toBe('full-batch');
    const e = new Experiment(config, loadExperimentData(config.data, noMnist));
    expect(refusalEnglish(e.notice!)).toBe('full-batch descent takes at most 100,000 rows at once; the 120,000 training rows run as shuffled mini-batches of 100,000 (2 steps an epoch)');
    expect(e.stepsPerEpoch).toBe(2);
    expect(stepsPerEpoch(config.schedule, rows)).toBe(2);
    const first = e.step();
    expect(first.divergence).toBeNull();
    expect(e.step().divergence).toBeNull();
    expect(e.epoch).toBe(1); // two batches of 100 000 and 20 000 rows: one pass
    expect(new Experiment(planar, loadExperimentData(planar.data, noMnist)).notice).toBeNull();
  });
});
