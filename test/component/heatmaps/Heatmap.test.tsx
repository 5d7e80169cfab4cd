import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Heatmap } from '../../../src/views/heatmaps/Heatmap.tsx';
import { paintCells } from '../../../src/views/shared/paint.ts';
import { renderInLab } from '../lab-harness.tsx';
import { layOut, matrix, recordingContext } from './fixture.ts';

// jsdom has no 2-D canvas: getContext answers null, as the component expects there.
beforeEach(() => vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => null));
afterEach(() => (cleanup(), vi.restoreAllMocks()));

/** δ (3 × 4) with δ[2][3] = −0.0123 and δ[i][j] = 0.01·(j − i) elsewhere (max|δ| = 0.03). */
const delta = matrix(3, 4, (i, j) => (i === 2 && j === 3 ? -0.0123 : 0.01 * (j - i)));

function renderDelta(onSelect?: (row: number, col: number) => void, max?: number) {
  const h = renderInLab(
    <Heatmap matrix={delta} title="δ error terms" symbol="δ" rowName="sample" colName="unit" cellWidth={10} cellHeight={5} {...(onSelect ? { onSelect } : {})} {...(max !== undefined ? { max } : {})} />,
  );
  const canvas = screen.getByRole('img', { name: /^δ error terms: 3 × 4 cells/ }) as HTMLCanvasElement;
  layOut(canvas, 100, 50, 40, 15); // 10 × 5 CSS pixels per cell
  const readout = h.container.querySelector('output')!;
  return { ...h, canvas, readout };
}

describe('Heatmap', () => {
  it('draws one canvas pixel per cell, scaled up by CSS without smoothing', () => {
    const { canvas, container } = renderDelta();
    expect(container.querySelector('figure')!.dataset).toMatchObject({ rows: '3', cols: '4' });
    expect([canvas.width, canvas.height]).toEqual([4, 3]);
    expect([canvas.style.width, canvas.style.height]).toEqual(['40px', '15px']);
    expect(canvas.style.imageRendering).toBe('pixelated');
    expect(screen.getByText('δ error terms')).toBeDefined();
  });

  it('puts exactly the painted cells into the canvas when it has a 2-D context', () => {
    const { ctx, puts } = recordingContext();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ctx);
    renderDelta();
    expect(puts).toHaveLength(1);
    expect([puts[0]!.width, puts[0]!.height]).toEqual([4, 3]);
    expect(puts[0]!.data).toEqual(paintCells(delta, 0.03));
  });

  it('shows its range in the legend: ±max|δ|, or a fixed max', () => {
    renderDelta();
    expect(screen.getByRole('img', { name: 'δ: −0.03 to +0.03' })).toBeDefined();
    cleanup();
    renderDelta(undefined, 0.5);
    expect(screen.getByRole('img', { name: 'δ: −0.5 to +0.5' })).toBeDefined();
  });

  it('reads out the value and indices under the pointer', () => {
    const { canvas, readout } = renderDelta();
    expect(readout.textContent).toBe('Point at a cell or use the arrow keys.');
    fireEvent.pointerMove(canvas, { clientX: 100 + 3 * 10 + 4, clientY: 50 + 2 * 5 + 1 });
    expect(readout.textContent).toBe('δ[2][3] = −0.0123 sample 2, unit 3');
    fireEvent.pointerMove(canvas, { clientX: 100 + 1 * 10 + 9, clientY: 50 + 0 * 5 });
    expect(readout.textContent).toBe('δ[0][1] = 0.01 sample 0, unit 1');
    fireEvent.pointerLeave(canvas);
    expect(readout.textContent).toMatch(/^Point at a cell/);
  });

  it('moves a cursor cell with the arrow keys, clamped at the edges, and selects with Enter', () => {
    const onSelect = vi.fn();
    const { canvas, readout } = renderDelta(onSelect);
    act(() => canvas.focus());
    expect(readout.textContent).toBe('δ[0][0] = 0 sample 0, unit 0');
    fireEvent.keyDown(canvas, { key: 'ArrowRight' });
    fireEvent.keyDown(canvas, { key: 'ArrowDown' });
    fireEvent.keyDown(canvas, { key: 'ArrowDown' });
    expect(readout.textContent).toBe('δ[2][1] = −0.01 sample 2, unit 1');
    fireEvent.keyDown(canvas, { key: 'ArrowDown' }); // already on the last row
    fireEvent.keyDown(canvas, { key: 'ArrowRight', shiftKey: true }); // ten right, clamped to the last column
    expect(readout.textContent).toBe('δ[2][3] = −0.0123 sample 2, unit 3');
    expect(onSelect).not.toHaveBeenCalled();
    fireEvent.keyDown(canvas, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith(2, 3);
    // the cursor is drawn over its cell
    const box = canvas.parentElement!.querySelector<HTMLElement>('.heatmap-cursor')!;
    expect([box.style.left, box.style.top, box.style.width, box.style.height]).toEqual(['30px', '10px', '10px', '5px']);
  });

  it('calls onSelect with the clicked cell, and not for a click outside the cells', () => {
    const onSelect = vi.fn();
    const { canvas } = renderDelta(onSelect);
    fireEvent.click(canvas, { clientX: 100 + 2 * 10 + 5, clientY: 50 + 1 * 5 + 2 });
    fireEvent.click(canvas, { clientX: 100 + 45, clientY: 52 });
    expect(onSelect.mock.calls).toEqual([[1, 2]]);
  });
});
