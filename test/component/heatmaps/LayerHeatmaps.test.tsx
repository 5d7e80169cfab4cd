import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LayerHeatmaps } from '../../../src/views/heatmaps/LayerHeatmaps.tsx';
import { renderInLab } from '../lab-harness.tsx';
import { knownTrace, layOut, snapshot } from './fixture.ts';
import { wholeText } from '../shown-text.ts';

beforeEach(() => vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => null));
afterEach(() => (cleanup(), vi.restoreAllMocks()));

const MAPS = ['z', 'a', 'delta', 'dW', 'updateW', 'W'] as const;

function setUp(trace = knownTrace('step'), language: 'en' | 'zh' = 'en') {
  const h = renderInLab(<LayerHeatmaps />, language);
  act(h.ready); // the planar 2-4-1 network
  act(() => h.emit(snapshot(trace)));
  const map = (key: (typeof MAPS)[number]) => h.container.querySelector<HTMLElement>(`[data-map="${key}"]`)!;
  const dims = () => MAPS.map((key) => {
    const figure = map(key).querySelector<HTMLElement>('figure[data-rows]');
    return figure === null ? null : `${figure.dataset['rows']}×${figure.dataset['cols']}`;
  });
  const canvas = (key: (typeof MAPS)[number]) => map(key).querySelector('canvas')!;
  return { ...h, map, dims, canvas };
}

describe('LayerHeatmaps', () => {
  it('shows z, a, δ (batch × units), ∂L/∂W, ΔW and W (fan-in × fan-out) of the chosen layer', () => {
    const h = setUp();
    expect(h.dims()).toEqual(['3×4', '3×4', '3×4', '2×4', '2×4', '2×4']);
    for (const title of ['z (weighted input)', 'a = f(z) (activation)', 'δ = ∂Lᵢ/∂zᵢ per sample (error term); ∂L/∂W carries the 1/m', '∂L/∂W (gradient)', 'ΔW (update applied)', 'W (current weights)']) {
      expect(screen.getByRole('img', { name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}: `) })).toBeDefined();
    }
    const picker = screen.getByLabelText('Weight layer') as HTMLSelectElement;
    expect(Array.from(picker.options, (o) => o.textContent)).toEqual(['1: 2 → 4 units', '2: 4 → 1 units']);
    fireEvent.change(picker, { target: { value: '2' } });
    expect(h.lab.ui.getState().layer).toBe(2);
    expect(h.dims()).toEqual(['3×1', '3×1', '3×1', '4×1', '4×1', '4×1']);
  });

  it('reads out the exact value and indices of the cell under the pointer', () => {
    const h = setUp();
    const delta = h.canvas('delta');
    layOut(delta, 0, 0, 96, 72); // 4 × 3 cells of 24 px
    fireEvent.pointerMove(delta, { clientX: 3 * 24 + 1, clientY: 2 * 24 + 23 });
    expect(within(h.map('delta')).getByRole('status').textContent).toBe('δ[2][3] = −0.0123 sample 2, unit 3');
    const W = h.canvas('W'); // the snapshot's W, not the trace's: W¹[1][2] = 0.35
    layOut(W, 0, 0, 96, 48);
    fireEvent.pointerMove(W, { clientX: 2 * 24 + 5, clientY: 24 + 5 });
    expect(within(h.map('W')).getByRole('status').textContent).toBe('W[1][2] = 0.35 from unit 1, to unit 2');
  });

  it('selects the weight W[i][j] from a weight map and unit j from a batch map', () => {
    const h = setUp();
    for (const key of ['W', 'dW', 'updateW'] as const) {
      layOut(h.canvas(key), 0, 0, 96, 48);
      h.lab.ui.getState().select(null);
      fireEvent.click(h.canvas(key), { clientX: 2 * 24 + 5, clientY: 24 + 5 });
      expect(h.lab.ui.getState().selection).toEqual({ kind: 'weight', layer: 1, i: 1, j: 2 });
    }
    for (const key of ['z', 'a', 'delta'] as const) {
      layOut(h.canvas(key), 0, 0, 96, 72);
      h.lab.ui.getState().select(null);
      fireEvent.click(h.canvas(key), { clientX: 3 * 24 + 5, clientY: 5 });
      expect(h.lab.ui.getState().selection).toEqual({ kind: 'unit', layer: 1, unit: 3 });
    }
    // by keyboard on layer 2: cursor to W²[2][0], Enter
    fireEvent.change(screen.getByLabelText('Weight layer'), { target: { value: '2' } });
    const W2 = h.canvas('W');
    act(() => W2.focus());
    fireEvent.keyDown(W2, { key: 'ArrowDown' });
    fireEvent.keyDown(W2, { key: 'ArrowDown' });
    fireEvent.keyDown(W2, { key: 'Enter' });
    expect(h.lab.ui.getState().selection).toEqual({ kind: 'weight', layer: 2, i: 2, j: 0 });
  });

  it('follows the ui store: selecting something in layer 2 elsewhere shows layer 2', () => {
    const h = setUp();
    act(() => h.lab.ui.getState().select({ kind: 'unit', layer: 2, unit: 0 }));
    expect((screen.getByLabelText('Weight layer') as HTMLSelectElement).value).toBe('2');
    expect(h.dims()[0]).toBe('3×1');
  });

  it('shows what phase a missing quantity waits for instead of a blank canvas', () => {
    const h = setUp(knownTrace('forward 1'));
    expect(h.dims()).toEqual(['3×4', '3×4', null, null, null, '2×4']);
    expect(h.map('delta').textContent).toContain('Appears after backward 1.');
    expect(h.map('dW').textContent).toContain('Appears after backward 1.');
    expect(h.map('updateW').textContent).toContain('Appears after the update.');
    expect(h.map('delta').querySelector('canvas')).toBeNull();
    fireEvent.change(screen.getByLabelText('Weight layer'), { target: { value: '2' } });
    expect(h.dims()).toEqual([null, null, null, null, null, '4×1']);
    expect(h.map('z').textContent).toContain('Appears after forward 2.');
  });

  it('before any snapshot says so, and before the network exists too', () => {
    const h = renderInLab(<LayerHeatmaps />);
    expect(h.container.textContent).toBe('No network yet.');
    act(h.ready);
    expect(h.container.querySelectorAll('canvas')).toHaveLength(0);
    expect(h.container.querySelector('[data-map="W"]')!.textContent).toContain('No weights yet.');
    expect(h.container.querySelector('[data-map="z"]')!.textContent).toContain('Appears after forward 1.');
  });

  it('speaks 简体中文', () => {
    const h = setUp(knownTrace('forward 1'), 'zh');
    expect(screen.getByLabelText('权重层')).toBeDefined();
    expect(screen.getByText(wholeText('δ = ∂Lᵢ/∂zᵢ，逐样本（误差项）；1/m 在 ∂L/∂W 中'))).toBeDefined();
    expect(screen.getByRole('img', { name: /^W（当前权重）：2 × 4 个格子/ })).toBeDefined();
    expect(h.map('updateW').textContent).toContain('参数更新之后出现。');
    layOut(h.canvas('z'), 0, 0, 96, 72);
    fireEvent.pointerMove(h.canvas('z'), { clientX: 5, clientY: 5 });
    expect(within(h.map('z')).getByRole('status').textContent).toBe('z[0][0] = 1 样本 0，单元 0');
  });
});
