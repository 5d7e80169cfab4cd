import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Matrix } from '../../../src/core/tensor.ts';
import { registered } from '../../../src/i18n/i18n.ts';
import { Inspector } from '../../../src/views/inspector/Inspector.tsx';
import { fmt, txt } from '../../../src/views/inspector/tex.tsx';
import { BATCH, cellValues, setup } from './build.tsx';
import { wholeText } from '../shown-text.ts';

afterEach(cleanup);

const at = (m: Matrix, r: number, c: number) => m.data[r * m.cols + c]!;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const picker = () => screen.getByLabelText('Sample') as HTMLSelectElement;

describe('Inspector', () => {
  it('says what to do when nothing is selected, before any trace, and for an input unit', () => {
    const { h, select, phases } = setup(<Inspector />);
    expect(screen.getByText('Select a weight or a unit in the graph or a heatmap')).toBeDefined();
    select({ kind: 'weight', layer: 1, i: 0, j: 0 });
    expect(screen.getByText(/^No traced step yet/)).toBeDefined();
    phases(1);
    select({ kind: 'unit', layer: 0, unit: 1 });
    expect(screen.getByText(/^Input units have no bias/)).toBeDefined();
    select({ kind: 'weight', layer: 3, i: 0, j: 0 });
    expect(screen.getByText('The selection is not part of this network.')).toBeDefined();
    expect(h.container.querySelector('.katex')).toBeNull();
  });

  it('numbers the step as the status line does: the first step is step 1, through its update', () => {
    const { select, phases } = setup(<Inspector />);
    select({ kind: 'weight', layer: 1, i: 0, j: 0 });
    phases(1);
    expect(screen.getByText(/^step 1, 3 samples in the batch/)).toBeDefined();
    phases();
    expect(screen.getByText(/^step 1, 3 samples in the batch/)).toBeDefined();
  });

  it('says which phase computes what is not there yet', () => {
    const { select, phases } = setup(<Inspector />);
    phases(0); // a trace of the step before any phase ran
    select({ kind: 'weight', layer: 2, i: 1, j: 0 });
    expect(screen.getByText('Not computed yet: a¹[0][1] comes from phase forward 1.')).toBeDefined();
    expect(screen.getByText('Not computed yet: a¹[1] comes from phase forward 1.')).toBeDefined();
    phases(1); // forward 1
    expect(screen.getByRole('math', { name: /^a¹\[0\]\[1\] = / })).toBeDefined();
    select({ kind: 'weight', layer: 1, i: 1, j: 2 });
    expect(screen.getByText('Not computed yet: δ¹ comes from phase backward 1.')).toBeDefined();
    // The fraction is set whole (a span that does not wrap); the paragraph reads the same.
    const wait = screen.getByText(wholeText('Not computed yet: ∂L/∂W¹[1][2] comes from phase backward 1.'));
    expect(wait.querySelector('.unbroken')?.textContent).toBe('∂L/∂W¹[1][2]');
    expect(screen.getByText('Not applied yet: the update is the last phase of the step.')).toBeDefined();
    phases(3); // forward 2, loss, backward 2
    expect(screen.getByText('Not computed yet: δ¹ comes from phase backward 1.')).toBeDefined();
    phases(1); // backward 1
    expect(screen.queryByText(/^Not computed yet/)).toBeNull();
    expect(screen.getByText('Not applied yet: the update is the last phase of the step.')).toBeDefined();
  });

  it('a hidden weight: the listed shares plus λ·w give ∂L/∂W, the terms give δ, and the update matches the trace', () => {
    const { h, select, phases } = setup(<Inspector />);
    const trace = phases();
    const [l, i, j] = [1, 1, 2];
    select({ kind: 'weight', layer: l, i, j });
    const layer = trace.layers[l - 1]!;
    const w = at(layer.W, i, j);
    const shares = cellValues(h.container, 'contribution');
    expect(shares).toHaveLength(3);
    shares.forEach((c, s) => expect(c).toBeCloseTo((at(BATCH.x, s, i) * at(layer.delta!, s, j)) / 3, 15));
    const [penalty] = cellValues(h.container, 'penalty');
    expect(penalty).toBe(0.01 * w);
    expect(Math.abs(sum(shares) + penalty! - at(layer.dW!, i, j))).toBeLessThan(1e-12);
    expect(cellValues(h.container, 'gradient')).toEqual([at(layer.dW!, i, j)]);
    // δ¹[0][2] = (Σₖ W²[2][k]·δ²[0][k])·f'(z¹[0][2]), each term listed.
    const terms = cellValues(h.container, 'term');
    expect(terms).toHaveLength(2);
    terms.forEach((t, k) => expect(t).toBe(at(trace.layers[1]!.W, j, k) * at(trace.layers[1]!.delta!, 0, k)));
    const [fPrime] = cellValues(h.container, 'fprime');
    expect(fPrime).toBe(1 - at(layer.a!, 0, j) ** 2);
    expect(Math.abs(sum(terms) * fPrime! - at(layer.delta!, 0, j))).toBeLessThan(1e-12);
    expect(cellValues(h.container, 'delta')).toEqual([at(layer.delta!, 0, j)]);
    // Old and new weight.
    expect(cellValues(h.container, 'old')).toEqual([w]);
    expect(cellValues(h.container, 'update')).toEqual([at(layer.updateW!, i, j)]);
    expect(cellValues(h.container, 'new')).toEqual([w + at(layer.updateW!, i, j)]);
    expect(screen.getByText('Gradient descent: w ← w − η·g.')).toBeDefined();
    expect(screen.getByText('L2 regularization (½·λ·ΣW²) adds λ·w.', { exact: false })).toBeDefined();
  });

  it('an output weight: δ = y − t with the numbers substituted', () => {
    const { h, select, phases } = setup(<Inspector />);
    const trace = phases();
    select({ kind: 'weight', layer: 2, i: 0, j: 1 });
    const y = at(trace.y!, 0, 1);
    const t = at(trace.t, 0, 1);
    const delta = at(trace.layers[1]!.delta!, 0, 1);
    expect(y - t).toBe(delta);
    const label = `δ²[0][1] = y[0][1] − t[0][1] = ${fmt(y)} − ${fmt(t)} = ${fmt(delta)}`;
    const math = screen.getByRole('math', { name: label });
    expect(math.querySelector('.katex')).not.toBeNull();
    expect(screen.getByText('Output layer: δ comes from the loss (softmax-cross-entropy).')).toBeDefined();
    expect(cellValues(h.container, 'term')).toEqual([]);
  });

  it('a unit: ∂L/∂b is the mean of δ, unregularized', () => {
    const { h, select, phases } = setup(<Inspector />);
    const trace = phases();
    select({ kind: 'unit', layer: 1, unit: 0 });
    const layer = trace.layers[0]!;
    expect(screen.getByText('Bias b¹[0] of unit 0 in layer 1')).toBeDefined();
    expect(cellValues(h.container, 'gradient')).toEqual([layer.db![0]]);
    const shares = cellValues(h.container, 'contribution');
    shares.forEach((c, s) => expect(c).toBe(at(layer.delta!, s, 0) / 3));
    expect(Math.abs(sum(shares) - layer.db![0]!)).toBeLessThan(1e-12);
    expect(screen.getByText('Biases are not regularized.')).toBeDefined();
    expect(cellValues(h.container, 'penalty')).toEqual([]);
    expect(cellValues(h.container, 'new')).toEqual([layer.b[0]! + layer.updateB![0]!]);
  });

  it('the sample picker focuses one sample (ui.sample) or shows all', () => {
    const { h, select, phases } = setup(<Inspector />);
    const trace = phases();
    select({ kind: 'weight', layer: 1, i: 0, j: 1 });
    const block = () => h.container.querySelector('.inspector-sample')!;
    expect(block().getAttribute('data-sample')).toBe('0');
    fireEvent.change(picker(), { target: { value: '2' } });
    expect(h.lab.ui.getState().sample).toBe(2);
    expect(block().getAttribute('data-sample')).toBe('2');
    expect(within(block() as HTMLElement).getByRole('math', { name: `x[2][0] = ${fmt(at(BATCH.x, 2, 0))}` })).toBeDefined();
    const delta = at(trace.layers[0]!.delta!, 2, 1);
    expect(cellValues(block(), 'delta')).toEqual([delta]);
    expect(h.container.querySelector('tr.focus')?.firstElementChild?.textContent).toBe('2');
    act(() => h.lab.ui.getState().setSample(1)); // another view focuses sample 1
    expect(picker().value).toBe('1');
    expect(block().getAttribute('data-sample')).toBe('1');
    fireEvent.change(picker(), { target: { value: 'all' } });
    expect(Array.from(h.container.querySelectorAll('.inspector-sample')).map((e) => e.getAttribute('data-sample'))).toEqual(['0', '1', '2']);
    expect(h.container.querySelector('tr.focus')).toBeNull();
  });

  it('typesets with KaTeX, with the plain formula and its numbers as the accessible name', () => {
    const { h, select, phases } = setup(<Inspector />);
    const trace = phases();
    select({ kind: 'weight', layer: 1, i: 1, j: 2 });
    expect(h.container.querySelectorAll('[role="math"] .katex').length).toBeGreaterThan(4);
    const dW = at(trace.layers[0]!.dW!, 1, 2);
    const gradient = screen.getByRole('math', { name: /^∂L\/∂W¹\[1\]\[2\] = \(1\/m\)·Σₛ x\[s\]\[1\]·δ¹\[s\]\[2\] \+ λ·W¹\[1\]\[2\] = / });
    expect(gradient.getAttribute('aria-label')!.endsWith(`= ${fmt(dW)}`)).toBe(true);
    expect(gradient.getAttribute('aria-label')).toContain(`0.01·${txt(at(trace.layers[0]!.W, 1, 2), true)}`);
    expect(gradient.querySelector('.katex .mfrac')).not.toBeNull();
  });

  it('shows the applied Δw of momentum', () => {
    const hyper = { learningRate: 0.1, optimizer: { kind: 'momentum' as const, momentum: 0.9 }, regularization: { kind: 'none' as const, lambda: 0 } };
    const { h, select, phases } = setup(<Inspector />, { hyper });
    act(() => h.lab.config.getState().setHyper(hyper));
    const trace = phases();
    select({ kind: 'weight', layer: 2, i: 2, j: 0 });
    const layer = trace.layers[1]!;
    expect(screen.getByText('Momentum: the applied Δw is the velocity v ← μ·v − η·g.')).toBeDefined();
    expect(screen.getByText('No regularization: the gradient is the data term alone.')).toBeDefined();
    expect(cellValues(h.container, 'new')).toEqual([at(layer.W, 2, 0) + at(layer.updateW!, 2, 0)]);
    expect(Math.abs(sum(cellValues(h.container, 'contribution')) - at(layer.dW!, 2, 0))).toBeLessThan(1e-12);
  });

  it('speaks 简体中文', () => {
    const { select, phases } = setup(<Inspector />, { language: 'zh' });
    expect(screen.getByText('请在结构图或热力图中选择一个权重或一个单元')).toBeDefined();
    phases();
    select({ kind: 'weight', layer: 1, i: 0, j: 2 });
    expect(screen.getByText('权重 W¹[0][2]：从第 0 层的单元 0 到第 1 层的单元 2')).toBeDefined();
    expect(screen.getByText('梯度下降：w ← w − η·g。')).toBeDefined();
    expect(screen.getByLabelText('样本')).toBeDefined();
  });

  it('its catalog is complete in both languages', () => {
    const catalog = registered.find((c) => c.en['empty.selection'] === 'Select a weight or a unit in the graph or a heatmap')!;
    expect(Object.keys(catalog.zh).sort()).toEqual(Object.keys(catalog.en).sort());
    for (const key of Object.keys(catalog.en)) {
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(holes(catalog.zh[key]!)).toEqual(holes(catalog.en[key]!));
    }
  });
});
