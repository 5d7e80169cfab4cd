/**
 * The status line while stepping by phase: every phase of a step, its update included, names
 * that step and its place ("step 1 · phase 6 of 6"), the epoch counts whole steps, and the
 * loss says whose it is. Before any step, loss and accuracy are both known.
 */
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createNetwork } from '../../../src/core/network.ts';
import type { Phase } from '../../../src/core/phases.ts';
import { createRng } from '../../../src/core/rng.ts';
import { fromRows } from '../../../src/core/tensor.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { RunStatus } from '../../../src/views/status/RunStatus.tsx';
import { renderInLab } from '../lab-harness.tsx';

afterEach(cleanup);

const planar = findPreset('planar-2-4-1')!;
const text = (id: string) => screen.getByTestId(id).textContent;

function setup(language: 'en' | 'zh' = 'en') {
  const h = renderInLab(<RunStatus />, language);
  const batch = { x: fromRows([[0.5, -1], [2, 0.25], [-1, 1], [0, 0]]), t: fromRows([[1], [0], [1], [0]]) };
  const trainer = new Trainer(createNetwork(planar.network, { weights: { kind: 'gaussian', std: 1 }, biases: { kind: 'zero' } }, createRng(3)), planar.hyper);
  act(() => h.emit({ type: 'ready', info: { name: 'x', network: planar.network, hyper: planar.hyper, batchSize: 4, trainSize: 4, testSize: 0, stepsPerEpoch: 1, parameterCount: 17 } }));
  // The engine's evaluation before any step, as it sends one at step 0.
  act(() => h.emit({ type: 'metrics', steps: { step: new Float64Array(0), loss: new Float64Array(0), learningRate: new Float64Array(0) }, evaluations: [{ iteration: 0, epoch: 0, loss: 0.7311, trainAccuracy: 0.5, testLoss: null, testAccuracy: null }], flow: null }));
  const stepper = trainer.begin(batch, { trace: true });
  /** The next phase, sent as the engine sends it: its step counter is the updates applied. */
  const phase = () => {
    const p: Phase = stepper.next();
    const trace = stepper.trace();
    act(() => h.emit({ type: 'snapshot', step: trainer.steps, epoch: 1, phase: p, params: trainer.params, trace }));
    if (p.kind === 'update') act(() => h.emit({ type: 'metrics', steps: { step: Float64Array.of(0), loss: Float64Array.of(trace.loss!.total), learningRate: Float64Array.of(1.2) }, evaluations: [], flow: null }));
    return trace;
  };
  return { h, phase };
}

describe('the status line stepping by phase', () => {
  it('before any step shows the loss beside the accuracy, both measured at step 0', () => {
    setup();
    expect(text('loss')).toBe('0.7311');
    expect(text('loss-of')).toBe(' · step 0');
    expect(text('train-accuracy')).toBe('0.5000');
    expect(text('step')).toBe('0');
  });

  it('names step 1 on all six phases, the update too, and keeps the epoch in step', () => {
    const { phase } = setup();
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      phase();
      seen.push(`${text('step')}${text('phase-of')}, epoch ${text('epoch')}`);
    }
    expect(seen).toEqual([
      '1 · phase 1 of 6, epoch 0.00',
      '1 · phase 2 of 6, epoch 0.00',
      '1 · phase 3 of 6, epoch 0.00',
      '1 · phase 4 of 6, epoch 0.00',
      '1 · phase 5 of 6, epoch 0.00',
      '1 · phase 6 of 6, epoch 1.00',
    ]);
  });

  it('says whose loss it shows: step 0 before the loss phase, then step 1, through its update', () => {
    const { phase } = setup();
    const seen: string[] = [];
    let loss = 0;
    for (let i = 0; i < 6; i++) {
      loss = phase().loss?.total ?? loss;
      seen.push(`${text('loss')}${text('loss-of')}`);
    }
    const l1 = loss.toFixed(4);
    expect(seen).toEqual(['0.7311 · step 0', '0.7311 · step 0', `${l1} · step 1`, `${l1} · step 1`, `${l1} · step 1`, `${l1} · step 1`]);
  });

  it('follows the phase viewed with ←: step, phase, epoch and loss of the earlier phase', () => {
    const { h, phase } = setup();
    for (let i = 0; i < 6; i++) phase();
    act(() => h.lab.ui.getState().viewPhase(1)); // forward 2
    expect(`${text('step')}${text('phase-of')}, epoch ${text('epoch')}`).toBe('1 · phase 2 of 6, epoch 0.00');
    expect(`${text('loss')}${text('loss-of')}`).toBe('0.7311 · step 0');
  });

  it('speaks 简体中文', () => {
    const { phase } = setup('zh');
    for (let i = 0; i < 6; i++) phase();
    expect(`${text('step')}${text('phase-of')}`).toBe('1 · 第 6 / 6 阶段');
    expect(text('loss-of')).toBe(' · 第 1 步');
  });
});
