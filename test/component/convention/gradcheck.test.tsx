/**
 * The convention switch in the gradient check's error map: a whole tensor is drawn transposed
 * in columns (W as n_out × n_in), and a selected cell names the same entry with its indices
 * in that order.
 */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gradientCheck } from '../../../src/core/gradcheck.ts';
import { createNetwork } from '../../../src/core/network.ts';
import { createRng } from '../../../src/core/rng.ts';
import { fromRows } from '../../../src/core/tensor.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { GradCheckPanel } from '../../../src/views/gradcheck/GradCheckPanel.tsx';
import { short } from '../../../src/views/gradcheck/checks.ts';
import { readValue } from '../../../src/views/shared/paint.ts';
import { renderInLab } from '../lab-harness.tsx';

beforeEach(() => vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => null));
afterEach(() => (cleanup(), vi.restoreAllMocks()));

const planar = findPreset('planar-2-4-1')!; // W¹ 2 × 4, W² 4 × 1

describe('the gradient check’s error map in either convention', () => {
  it('draws W¹ as 4 × 2 in columns and names the entry under the cursor as W¹[j][i]', () => {
    const h = renderInLab(<GradCheckPanel />);
    act(h.ready);
    const net = createNetwork(planar.network, { weights: { kind: 'xavier' }, biases: { kind: 'constant', value: 0.1 } }, createRng(1));
    const report = gradientCheck(net.spec, net.params, planar.hyper.regularization, { x: fromRows([[0.5, -1], [2, 0.25], [-1, 1]]), t: fromRows([[1], [0], [1]]) });
    act(() => h.emit({ type: 'gradcheck', report }));
    act(() => h.lab.ui.getState().setConvention('columns'));
    fireEvent.click(screen.getAllByRole('row')[1]!); // W¹
    const figure = h.container.querySelector('figure.heatmap') as HTMLElement;
    expect(figure.dataset).toMatchObject({ rows: '4', cols: '2' });
    const canvas = screen.getByRole('img', { name: /^Relative errors of W¹: 4 × 2 cells/ });
    act(() => canvas.focus());
    for (let k = 0; k < 3; k++) fireEvent.keyDown(canvas, { key: 'ArrowDown' });
    fireEvent.keyDown(canvas, { key: 'Enter' }); // row 3, column 0: the core's W¹[0][3], entry 3
    const w1 = report.tensors[0]!;
    expect(h.container.querySelector('.gradcheck-entry')!.textContent).toMatch(new RegExp(`^W¹\\[3\\]\\[0\\]: g = ${readValue(w1.analytic[3]!).replace(/[.+]/g, '\\$&')}, .*, ε = ${short(w1.relativeErrors[3]!).replace('.', '\\.')} `));
  });
});
