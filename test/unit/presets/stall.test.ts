import { describe, expect, it } from 'vitest';
import type { Measurement } from '../../../src/presets/experiment.ts';
import { detectStall } from '../../../src/presets/stall.ts';

const m = (iteration: number, loss: number, accuracy: number | null = null): Measurement => ({
  iteration,
  epoch: iteration / 100,
  loss,
  trainAccuracy: accuracy,
  testLoss: null,
  testAccuracy: null,
});

describe('detectStall', () => {
  it('says nothing of a run that learns', () => {
    const run = Array.from({ length: 20 }, (_, i) => m(i * 600, 2.3 * Math.exp(-i / 5), Math.min(0.98, 0.1 + i * 0.05)));
    expect(detectStall(run, 10)).toBeNull();
  });

  it('flags a classifier at chance for three evaluations after the start (MNIST at rate 10: loss 2.37, accuracy 0.10)', () => {
    const run = [m(0, 2.30, 0.1), m(600, 2.37, 0.099), m(1200, 2.36, 0.112), m(1800, 2.37, 0.0987)];
    expect(detectStall(run, 10)).toEqual({ kind: 'chance', accuracy: 0.0987, chance: 0.1 });
    expect(detectStall(run.slice(0, 3), 10)).toBeNull(); // two evaluations are not yet a stall
    expect(detectStall(run, null)).toBeNull(); // a regression has no chance level
  });

  it('flags a loss that swings up and down', () => {
    const run = [1, 0.5, 0.8, 0.45, 0.85, 0.4, 0.9].map((l, i) => m(i * 10, l));
    expect(detectStall(run, null)).toEqual({ kind: 'oscillating' });
  });

  it('flags no improvement over the last ten evaluations', () => {
    const run = [1, 0.5, ...Array.from({ length: 10 }, (_, i) => 0.5 + 0.001 * (i % 2 ? 1 : 2))].map((l, i) => m(i * 10, l));
    expect(detectStall(run, null)).toEqual({ kind: 'no-improvement', evaluations: 10 });
    const improving = [1, 0.5, ...Array.from({ length: 10 }, (_, i) => 0.49 - 0.01 * i)].map((l, i) => m(i * 10, l));
    expect(detectStall(improving, null)).toBeNull();
  });
});
