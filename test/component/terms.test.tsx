/** The names of activations, losses, data sets and diverged quantities, translated where they show. */
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../src/core/activations.ts';
import { LOSSES } from '../../src/core/spec.ts';
import { Settings } from '../../src/views/controls/Settings.tsx';
import { RunStatus } from '../../src/views/status/RunStatus.tsx';
import { renderInLab } from './lab-harness.tsx';

afterEach(cleanup);

const optionTexts = (label: string | RegExp) => [...(screen.getByLabelText(label) as HTMLSelectElement).options].map((o) => [o.value, o.textContent]);

describe('terms on screen', () => {
  it('简体中文: activations, losses and data sets by their standard names, the values unchanged', () => {
    renderInLab(<Settings />, 'zh');
    const acts = optionTexts('第 1 层激活函数');
    expect(acts.map(([v]) => v)).toEqual([...ACTIVATIONS]);
    expect(Object.fromEntries(acts)).toMatchObject({ relu: 'ReLU（线性整流）', 'leaky-relu': 'Leaky ReLU（带泄漏线性整流）', identity: '恒等函数' });
    const losses = Object.fromEntries(optionTexts(/^损失函数/));
    expect(Object.keys(losses)).toEqual([...LOSSES]);
    expect(losses).toMatchObject({ 'softmax-cross-entropy': 'softmax 交叉熵', 'mean-squared-error': '均方误差' });
  });

  it('a diverged run names the quantity: 误差项 δ in 简体中文', () => {
    const h = renderInLab(<RunStatus />, 'zh');
    act(() => h.emit({ type: 'diverged', step: 3, divergence: { phase: { kind: 'backward', layer: 1 }, quantity: 'delta', layer: 1 }, learningRate: 5, checkpointStep: null, recovery: 'reinitialise', weightsOrdinary: true }));
    expect(screen.getByRole('alert').textContent).toContain('误差项 δ');
  });
});
