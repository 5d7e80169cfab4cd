import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Trace } from '../../../src/core/trace.ts';
import { columnImage } from '../../../src/views/heatmaps/tiles.ts';
import { paintCells } from '../../../src/views/shared/paint.ts';
import { DARK_SIGNED, LIGHT_SIGNED } from '../../../src/views/shared/signed-palette.ts';
import { WeightTiles } from '../../../src/views/heatmaps/WeightTiles.tsx';
import { renderInLab } from '../lab-harness.tsx';
import { knownParams, matrix, recordingContext, snapshot } from './fixture.ts';

beforeEach(() => vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => null));
afterEach(() => (cleanup(), vi.restoreAllMocks()));

const bytes = (hex: string) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));

/** A 784-120-10 network: W¹ (784 × 120) with max|W¹| over units 0..99 = 0.8 (at W[5][7]); unit 110 holds 9. */
const W1 = matrix(784, 120, (i, j) => (j === 110 && i === 0 ? 9 : i === 5 && j === 7 ? -0.8 : ((i % 28) - 14) * 0.01 * ((j % 3) - 1)));
const dW1 = matrix(784, 120, (i, j) => (i === 300 && j === 2 ? 0.004 : 1e-4 * ((i + j) % 5 - 2)));
const params = [{ W: W1, b: new Float64Array(120) }, { W: matrix(120, 10, () => 0), b: new Float64Array(10) }];
const traceWithGradient: Trace = {
  step: 0,
  x: matrix(1, 784, () => 0),
  t: matrix(1, 10, () => 0),
  layers: [{ W: W1, b: new Float64Array(120), dW: dW1 }, { W: params[1]!.W, b: new Float64Array(10) }],
  phases: [{ kind: 'backward', layer: 1 }],
};

function setUp(trace: Trace | null = null, language: 'en' | 'zh' = 'en') {
  const h = renderInLab(<WeightTiles />, language);
  act(() => h.emit(snapshot(trace, params)));
  const grid = () => h.container.querySelector<HTMLElement>('.tiles-grid');
  return { ...h, grid };
}

describe('WeightTiles', () => {
  it('shows the first 100 hidden units’ incoming weights as 28 × 28 tiles on one shared scale', () => {
    const h = setUp();
    const tiles = within(h.grid()!).getAllByRole('button');
    expect(tiles).toHaveLength(100);
    expect(tiles[0]!.getAttribute('aria-label')).toBe('Unit 0');
    expect(tiles[99]!.getAttribute('aria-label')).toBe('Unit 99');
    const canvases = h.grid()!.querySelectorAll('canvas');
    expect(canvases).toHaveLength(100);
    expect([...canvases].every((c) => c.width === 28 && c.height === 28)).toBe(true);
    expect(screen.getByText('Incoming weights of each hidden unit as a 28 × 28 image')).toBeDefined();
    expect(screen.getByText('First 100 of 120 units.')).toBeDefined();
    // the range is over the units shown (unit 110's 9 is not among them)
    expect(h.grid()!.dataset['max']).toBe('0.8');
    expect(screen.getByRole('img', { name: 'W: −0.8 to +0.8' })).toBeDefined();
  });

  it('paints tile j from column j of W¹ laid out as the image', () => {
    const { ctx, puts } = recordingContext();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ctx);
    setUp();
    expect(puts).toHaveLength(100);
    expect(puts[7]!.data).toEqual(paintCells(columnImage(W1, 7, 28), 0.8));
    // W[5][7] = −0.8 is pixel (0, 5) of tile 7: the blue end
    expect(Array.from(puts[7]!.data.subarray(4 * 5, 4 * 5 + 3))).toEqual(bytes(LIGHT_SIGNED.negative));
  });

  it('repaints every tile in the dark palette when the theme turns dark', async () => {
    const { ctx, puts } = recordingContext();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ctx);
    setUp();
    expect(puts).toHaveLength(100);
    await act(async () => document.documentElement.setAttribute('data-theme', 'dark')); // the observer reports in a microtask
    try {
      expect(puts).toHaveLength(200);
      expect(puts[107]!.data).toEqual(paintCells(columnImage(W1, 7, 28), 0.8, DARK_SIGNED));
      expect(Array.from(puts[107]!.data.subarray(4 * 5, 4 * 5 + 3))).toEqual(bytes(DARK_SIGNED.negative));
    } finally {
      document.documentElement.removeAttribute('data-theme');
    }
  });

  it('toggles to ∂L/∂W, which waits for backward 1', () => {
    const h = setUp();
    const gradient = screen.getByRole('button', { name: '∂L/∂W (gradient)' });
    fireEvent.click(gradient);
    expect(gradient.getAttribute('aria-pressed')).toBe('true');
    expect(h.grid()).toBeNull();
    expect(screen.getByText('The gradient appears after backward 1.')).toBeDefined();
    act(() => h.emit(snapshot(traceWithGradient, params)));
    expect(within(h.grid()!).getAllByRole('button')).toHaveLength(100);
    expect(h.grid()!.dataset['max']).toBe('0.004');
    expect(screen.getByRole('img', { name: '∂L/∂W: −0.004 to +0.004' })).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'W (weights)' }));
    expect(h.grid()!.dataset['max']).toBe('0.8');
  });

  it('selects the unit of a clicked tile and marks it', () => {
    const h = setUp();
    const tile = screen.getByRole('button', { name: 'Unit 7' });
    fireEvent.click(tile);
    expect(h.lab.ui.getState().selection).toEqual({ kind: 'unit', layer: 1, unit: 7 });
    expect(tile.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Unit 8' }).getAttribute('aria-pressed')).toBe('false');
    act(() => h.lab.ui.getState().select({ kind: 'weight', layer: 1, i: 300, j: 42 }));
    expect(screen.getByRole('button', { name: 'Unit 42' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('shows nothing when the input is not an image', () => {
    const h = renderInLab(<WeightTiles />);
    act(() => h.emit(snapshot(null, knownParams()))); // 2 inputs
    expect(h.container.innerHTML).toBe('');
  });

  it('speaks 简体中文', () => {
    setUp(null, 'zh');
    expect(screen.getByText('每个隐藏单元的输入权重，显示为 28 × 28 图像')).toBeDefined();
    expect(screen.getByText('前 100 个单元，共 120 个。')).toBeDefined();
    expect(screen.getByRole('button', { name: '单元 7' })).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: '∂L/∂W（梯度）' }));
    expect(screen.getByText('梯度在反向第 1 层之后出现。')).toBeDefined();
  });
});
