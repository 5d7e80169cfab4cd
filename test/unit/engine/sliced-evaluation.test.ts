/**
 * Evaluations run in slices (engine/evaluations.ts): commands are answered between them, no
 * step is taken until the evaluation is done, and the figures are bit for bit those of the
 * one-shot evaluation of the same weights.
 */
import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../../src/presets/config.ts';
import { loadExperimentData } from '../../../src/presets/data-source.ts';
import { Experiment } from '../../../src/presets/experiment.ts';
import { harness, SMALL } from './fakes.ts';

/** 100 000 spiral points through 2-48-48-1: an evaluation of about 0.24 G multiply-adds, many slices. */
const LARGE: ExperimentConfig = {
  ...SMALL,
  name: 'large',
  data: { kind: 'toy2d', name: 'spiral', n: 100_000, noise: 0.1, testFraction: 0.5, seed: 1 },
  network: { ...SMALL.network, layers: [{ units: 2 }, { units: 48, activation: 'tanh' }, { units: 48, activation: 'tanh' }, SMALL.network.layers.at(-1)!] },
  schedule: { sampling: 'epochs', batchSize: 50, iterations: 1000, evaluateEvery: 5, evaluateTrain: true },
};

const noMnist = () => {
  throw new Error('no MNIST here');
};

describe('sliced evaluation', () => {
  it('answers Pause between the slices of a long evaluation, takes no step meanwhile, and gives the one-shot figures', () => {
    const h = harness();
    h.send({ type: 'configure', config: LARGE });
    const evaluations = () => h.of('metrics').flatMap((m) => m.evaluations);
    expect(evaluations()).toHaveLength(0); // the evaluation at step 0 outlasted its first slice
    h.send({ type: 'play' });
    h.send({ type: 'pause' });
    expect(h.last('status')).toMatchObject({ status: 'paused', step: 0 });
    h.send({ type: 'play' });
    expect(h.last('status')?.status).toBe('running');
    let slices = 0;
    while (evaluations().length === 0 && slices < 10_000) {
      h.scheduler.runPending();
      slices++;
    }
    expect(slices).toBeGreaterThan(1);
    // Stepping waited for the evaluation: it is of step 0, and no step's metrics came before it.
    const first = evaluations()[0]!;
    expect(first.iteration).toBe(0);
    const oneShot = new Experiment(LARGE, loadExperimentData(LARGE.data, noMnist)).measure();
    expect(first).toEqual(oneShot);
    // Free running goes on after it, and the scheduled evaluation at step 5 measures step 5's weights.
    h.run(() => evaluations().some((e) => e.iteration === 5), 10_000);
    h.send({ type: 'pause' });
    const atFive = evaluations().find((e) => e.iteration === 5)!;
    const again = new Experiment(LARGE, loadExperimentData(LARGE.data, noMnist));
    for (let i = 0; i < 5; i++) again.step();
    expect(atFive).toEqual(again.measure());
    // Steps 0 … 4 (indices of the updates) came before it, and none after step 5's weights.
    const metrics = h.of('metrics');
    const at = metrics.findIndex((m) => m.evaluations.some((e) => e.iteration === 5));
    expect(metrics.slice(0, at + 1).flatMap((m) => Array.from(m.steps.step))).toEqual([0, 1, 2, 3, 4]);
  });

  it('a step asked for during an evaluation finishes the evaluation first, so it measures the weights it began with', () => {
    const h = harness();
    h.send({ type: 'configure', config: LARGE });
    h.send({ type: 'step', granularity: 'batch' });
    const evaluations = h.of('metrics').flatMap((m) => m.evaluations);
    expect(evaluations.map((e) => e.iteration)).toEqual([0]);
    expect(evaluations[0]).toEqual(new Experiment(LARGE, loadExperimentData(LARGE.data, noMnist)).measure());
    expect(h.last('snapshot')!.step).toBe(1);
  });
});
