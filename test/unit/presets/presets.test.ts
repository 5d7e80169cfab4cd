import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.ts';
import { zeros } from '../../../src/core/tensor.ts';
import type { ClassificationSet } from '../../../src/data/dataset.ts';
import { findPreset, PRESETS, presetNames } from '../../../src/presets/catalog.ts';
import { validateExperimentConfig, type ExperimentConfig } from '../../../src/presets/config.ts';
import { loadExperimentData } from '../../../src/presets/data-source.ts';
import { Experiment, stepsPerEpoch } from '../../../src/presets/experiment.ts';

/** A stand-in for MNIST: n samples of 784 pixels whose label is the index mod 10. */
function fakeMnist(part: 'train' | 't10k'): ClassificationSet {
  const n = part === 'train' ? 600 : 100;
  const x = zeros(n, 784);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % 10;
    x.data[i * 784 + labels[i]!] = 1; // a one-hot "image" the network can learn
  }
  return { kind: 'classification', name: part, x, labels, numClasses: 10 };
}

describe('presets', () => {
  it('are valid configs with unique names', () => {
    expect(new Set(presetNames()).size).toBe(PRESETS.length);
    for (const p of PRESETS) expect(validateExperimentConfig(p)).toMatchObject({ name: p.name, network: p.network });
  });

  it('include the textbook setups with their published settings', () => {
    const relu = findPreset('mnist-two-layer-relu')!;
    expect(relu.network.layers.map((l) => l.units)).toEqual([784, 50, 10]);
    expect(relu.schedule).toMatchObject({ sampling: 'with-replacement', batchSize: 100, iterations: 10_000, evaluateEvery: 600 });
    expect(relu.published).toMatchObject({ trainAccuracy: 0.9779, testAccuracy: 0.969 });
    const nielsen = findPreset('mnist-sigmoid-quadratic')!;
    expect(nielsen.hyper.learningRate).toBe(3);
    expect(nielsen.data).toMatchObject({ train: { take: 'first', n: 50_000 } });
    expect(nielsen.schedule.iterations).toBe(30 * 50_000 / 10);
    expect(findPreset('spiral-deep-tanh')!.network.layers).toHaveLength(8);
    expect(findPreset('nope')).toBeUndefined();
  });

  it('refuses a config whose inputs do not fit its data, naming the field', () => {
    const bad = { ...findPreset('planar-2-4-1')!, network: { ...findPreset('planar-2-4-1')!.network, layers: [{ units: 3 }, { units: 4, activation: 'tanh' }, { units: 1, activation: 'identity' }] } };
    expect(() => validateExperimentConfig(bad)).toThrow(ConfigError);
    expect(() => validateExperimentConfig(bad)).toThrow(/config\.network\.layers\[0\]\.units/);
    expect(() => validateExperimentConfig({ ...findPreset('planar-2-4-1')!, schedule: { sampling: 'sometimes' } })).toThrow(/config\.schedule\.sampling/);
  });
});

describe('loadExperimentData', () => {
  it('selects MNIST parts through the given loader', () => {
    const data = loadExperimentData({ kind: 'mnist', train: { part: 'train', take: 'last', n: 40 }, test: { part: 't10k', take: 'first', n: 7 } }, fakeMnist);
    expect(data.train.x.rows).toBe(40);
    expect(data.train.kind === 'classification' && data.train.labels[0]).toBe(560 % 10);
    expect(data.test!.x.rows).toBe(7);
  });

  it('splits generated sets, or keeps them whole with testFraction 0', () => {
    const split = loadExperimentData({ kind: 'toy2d', name: 'random-labels', n: 400, noise: 0, testFraction: 0.25, seed: 1 }, fakeMnist);
    expect([split.train.x.rows, split.test!.x.rows]).toEqual([300, 100]);
    const whole = loadExperimentData({ kind: 'regression', name: 'friedman1', n: 50, noise: 1, testFraction: 0, seed: 1 }, fakeMnist);
    expect(whole.test).toBeNull();
    expect(whole.train.x.cols).toBe(5);
  });
});

describe('Experiment', () => {
  const small: ExperimentConfig = {
    ...findPreset('mnist-two-layer-relu')!,
    data: { kind: 'mnist', train: { part: 'train', take: 'all' }, test: { part: 't10k', take: 'all' } },
    schedule: { sampling: 'with-replacement', batchSize: 20, iterations: 90, evaluateEvery: 30, evaluateTrain: true },
  };

  it('counts epochs and says when a measurement is due', () => {
    const e = new Experiment(small, loadExperimentData(small.data, fakeMnist));
    expect(e.stepsPerEpoch).toBe(30);
    const due: number[] = [];
    while (!e.done) {
      e.step();
      if (e.evaluationDue) due.push(e.iteration);
    }
    expect(due).toEqual([30, 60, 90]);
    expect(e.epoch).toBe(3);
  });

  it('learns a learnable task and measures it on both sets', () => {
    const config = { ...small, hyper: { ...small.hyper, learningRate: 0.5 }, schedule: { ...small.schedule, iterations: 300 } };
    const e = new Experiment(config, loadExperimentData(config.data, fakeMnist));
    const before = e.measure();
    while (!e.done) e.step();
    const after = e.measure();
    expect(before.trainAccuracy!).toBeLessThan(0.9);
    expect(after.trainAccuracy).toBe(1);
    expect(after.testAccuracy).toBe(1);
    expect(after.loss!).toBeLessThan(before.loss!);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const run = (seed: number) => {
      const e = new Experiment({ ...small, seed }, loadExperimentData(small.data, fakeMnist));
      for (let i = 0; i < 10; i++) e.step();
      return e.measure().loss;
    };
    expect(run(3)).toBe(run(3));
    expect(run(3)).not.toBe(run(4));
  });

  it('draws shuffled epochs and full batches', () => {
    const epochs = { ...small, schedule: { ...small.schedule, sampling: 'epochs' as const, batchSize: 250 } };
    const e = new Experiment(epochs, loadExperimentData(epochs.data, fakeMnist));
    expect([e.nextBatch().x.rows, e.nextBatch().x.rows, e.nextBatch().x.rows]).toEqual([250, 250, 100]);
    const full = { ...small, schedule: { ...small.schedule, sampling: 'full-batch' as const } };
    const f = new Experiment(full, loadExperimentData(full.data, fakeMnist));
    expect(f.nextBatch().x.rows).toBe(600);
    expect(stepsPerEpoch(full.schedule, 600)).toBe(1);
  });

  it('gathers batches into two buffers in turn: a batch stays intact while the next is drawn', () => {
    const e = new Experiment(small, loadExperimentData(small.data, fakeMnist));
    const first = e.nextBatch();
    const kept = new Float64Array(first.x.data);
    const second = e.nextBatch();
    expect(first.x.data).toEqual(kept);
    expect(second.x.data.buffer).not.toBe(first.x.data.buffer);
    expect(e.nextBatch().x.data.buffer).toBe(first.x.data.buffer);
  });

  it('reports no accuracy for regression', () => {
    const reg = findPreset('regression-relu')!;
    const e = new Experiment(reg, loadExperimentData(reg.data, fakeMnist));
    for (let i = 0; i < 50; i++) e.step();
    const m = e.measure();
    expect(m.trainAccuracy).toBeNull();
    expect(m.testAccuracy).toBeNull();
    expect(m.testLoss).toBeGreaterThan(0);
  });
});

describe('Experiment epochs', () => {
  it('count samples drawn, so a batch-size change does not rewrite the past', () => {
    const spiral = findPreset('spiral-deep-tanh')!;
    const config = { ...spiral, data: { kind: 'toy2d' as const, name: 'spiral' as const, n: 60, noise: 0, testFraction: 0.5, seed: 1 } };
    const e = new Experiment(config, loadExperimentData(config.data, fakeMnist));
    for (let i = 0; i < 3; i++) e.step(); // 3 × 10 of 30 points
    expect(e.epoch).toBe(1);
    e.batchSize = 30;
    e.step();
    expect(e.epoch).toBe(2);
  });
});
