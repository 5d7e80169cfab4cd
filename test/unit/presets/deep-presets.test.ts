import { describe, expect, it } from 'vitest';
import { maxAbs } from '../../../src/core/tensor.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { loadExperimentData } from '../../../src/presets/data-source.ts';
import { Experiment } from '../../../src/presets/experiment.ts';

/** max |δ| of each layer 1..L after the first traced step of a preset. */
function deltaSizes(name: string): number[] {
  const config = findPreset(name)!;
  const experiment = new Experiment(config, loadExperimentData(config.data, () => {
    throw new Error('no MNIST here');
  }));
  const { trace } = experiment.trainer.step(experiment.nextBatch(), { trace: true });
  return trace!.layers.map((l) => maxAbs(l.delta!.data));
}

describe('the deep sigmoid and ReLU presets', () => {
  it('are the same 2-8-8-8-8-1 net on the same data, with sigmoid or ReLU hidden units', () => {
    const sigmoid = findPreset('deep-sigmoid-2-8-8-8-8-1')!;
    const relu = findPreset('deep-relu-2-8-8-8-8-1')!;
    expect(sigmoid.network.layers.map((l) => l.units)).toEqual([2, 8, 8, 8, 8, 1]);
    expect(relu.network.layers.map((l) => l.units)).toEqual([2, 8, 8, 8, 8, 1]);
    expect(sigmoid.network.layers.slice(1, -1).every((l) => l.activation === 'sigmoid')).toBe(true);
    expect(relu.network.layers.slice(1, -1).every((l) => l.activation === 'relu')).toBe(true);
    expect(relu.data).toEqual(sigmoid.data);
  });

  it('show the vanishing gradient: with sigmoid δ fades layer by layer towards the input, with ReLU it keeps its size', () => {
    const sigmoid = deltaSizes('deep-sigmoid-2-8-8-8-8-1');
    const relu = deltaSizes('deep-relu-2-8-8-8-8-1');
    for (let l = 1; l < sigmoid.length; l++) expect(sigmoid[l - 1]!).toBeLessThan(sigmoid[l]!);
    expect(sigmoid[0]! / sigmoid.at(-1)!).toBeLessThan(0.01);
    expect(relu[0]! / relu.at(-1)!).toBeGreaterThan(0.3);
  });
});
