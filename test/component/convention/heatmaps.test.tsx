/**
 * The convention switch in the layer heatmaps: in columns every map is the transpose of the
 * rows map of the same trace, pixel for pixel, with its axes, shape labels, readout and
 * selection following.
 */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LayerHeatmaps } from '../../../src/views/heatmaps/LayerHeatmaps.tsx';
import { renderInLab } from '../lab-harness.tsx';
import { knownTrace, layOut, recordingContext, snapshot } from '../heatmaps/fixture.ts';

const MAPS = ['z', 'a', 'delta', 'dW', 'updateW', 'W'] as const;
type Put = { data: Uint8ClampedArray; width: number; height: number };
const painted = new WeakMap<HTMLCanvasElement, Put[]>();

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    const { ctx, puts } = recordingContext();
    painted.set(this, puts);
    return ctx;
  } as unknown as HTMLCanvasElement['getContext']);
});
afterEach(() => (cleanup(), vi.restoreAllMocks()));

function setUp() {
  const h = renderInLab(<LayerHeatmaps />);
  act(h.ready);
  act(() => h.emit(snapshot(knownTrace('step'))));
  const map = (key: (typeof MAPS)[number]) => h.container.querySelector<HTMLElement>(`[data-map="${key}"]`)!;
  const canvas = (key: (typeof MAPS)[number]) => map(key).querySelector('canvas')!;
  const image = (key: (typeof MAPS)[number]) => painted.get(canvas(key))!.at(-1)!;
  const caption = (key: (typeof MAPS)[number]) => map(key).querySelector('.heatmap-size')!.textContent;
  const columns = () => act(() => h.lab.ui.getState().setConvention('columns'));
  return { ...h, map, canvas, image, caption, columns };
}

/** The RGBA of pixel (x, y). */
const pixel = (p: Put, x: number, y: number) => Array.from(p.data.slice((y * p.width + x) * 4, (y * p.width + x) * 4 + 4));

describe('the layer heatmaps in either convention', () => {
  it('draws each map transposed: pixel (x, y) in columns is pixel (y, x) in rows', () => {
    const h = setUp();
    const rows = Object.fromEntries(MAPS.map((key) => [key, h.image(key)]));
    h.columns();
    for (const key of MAPS) {
      const before = rows[key]!;
      const after = h.image(key);
      expect([after.width, after.height], key).toEqual([before.height, before.width]);
      for (let y = 0; y < after.height; y++) for (let x = 0; x < after.width; x++) expect(pixel(after, x, y), `${key} ${x},${y}`).toEqual(pixel(before, y, x));
    }
  });

  it('labels the shapes: batch × units and n_in × n_out in rows, units × batch and n_out × n_in in columns', () => {
    const h = setUp();
    expect([h.caption('delta'), h.caption('W')]).toEqual(['3 × 4 (m × units)', '2 × 4 (n_in × n_out)']);
    expect(screen.getByText(/^Rows: z = a·W \+ b/)).toBeDefined();
    h.columns();
    expect([h.caption('delta'), h.caption('W')]).toEqual(['4 × 3 (units × m)', '4 × 2 (n_out × n_in)']);
    expect(screen.getByText(/^Columns: z = W·a \+ b/)).toBeDefined();
  });

  it('reads out and selects the same entry under its transposed indices', () => {
    const h = setUp();
    h.columns();
    const delta = h.canvas('delta'); // 4 units × 3 samples: δ¹[3][2] is sample 2, unit 3
    layOut(delta, 0, 0, 72, 96);
    fireEvent.pointerMove(delta, { clientX: 2 * 24 + 1, clientY: 3 * 24 + 1 });
    expect(within(h.map('delta')).getByRole('status').textContent).toBe('δ[3][2] = −0.0123 unit 3, sample 2');
    fireEvent.click(delta, { clientX: 2 * 24 + 1, clientY: 3 * 24 + 1 });
    expect(h.lab.ui.getState().selection).toEqual({ kind: 'unit', layer: 1, unit: 3 });
    const W = h.canvas('W'); // 4 × 2: the core's W¹[1][2] = 0.35 is row 2, column 1
    layOut(W, 0, 0, 48, 96);
    fireEvent.pointerMove(W, { clientX: 24 + 5, clientY: 2 * 24 + 5 });
    expect(within(h.map('W')).getByRole('status').textContent).toBe('W[2][1] = 0.35 to unit 2, from unit 1');
    fireEvent.click(W, { clientX: 24 + 5, clientY: 2 * 24 + 5 });
    expect(h.lab.ui.getState().selection).toEqual({ kind: 'weight', layer: 1, i: 1, j: 2 });
  });
});
