/**
 * One Matrix as a canvas heatmap: one pixel per cell in the diverging scale over ±max, scaled
 * up by CSS (image-rendering: pixelated) so 784 × 100 stays cheap; its legend; and a readout
 * of the cell under the pointer or under the keyboard cursor (arrow keys, Enter selects).
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Matrix } from '../../core/tensor.ts';
import { colorRange } from '../shared/diverging.ts';
import { Legend } from '../shared/Legend.tsx';
import { useHeatmapMessages } from './messages.ts';
import { paintCells, readValue } from '../shared/paint.ts';
import { useSignedPalette } from '../shared/use-signed-palette.ts';
import './heatmaps.css';
import { unbrokenFractions } from '../shared/indices.tsx';

export interface HeatmapProps {
  readonly matrix: Matrix;
  readonly title: string;
  /** The quantity's symbol in the readout and the legend: 'δ', 'W', '∂L/∂W'. */
  readonly symbol: string;
  /** The shape in symbols, e.g. 'n_in × n_out', shown after the size. */
  readonly shape?: string;
  /** What the row and the column index count, e.g. 'sample' and 'unit'. */
  readonly rowName: string;
  readonly colName: string;
  /** CSS pixels per cell, across and down. */
  readonly cellWidth?: number;
  readonly cellHeight?: number;
  /** A fixed range ±max; by default max|matrix|. */
  readonly max?: number;
  readonly onSelect?: (row: number, col: number) => void;
}

interface Cell {
  readonly row: number;
  readonly col: number;
}

/** Arrow keys move the cursor one cell (ten with Shift). */
const MOVES: Readonly<Record<string, readonly [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

const clamp = (x: number, hi: number) => Math.max(0, Math.min(hi, x));

/** The cell under a client point, from the canvas's laid-out box (whatever its CSS scale). */
function cellAt(canvas: HTMLCanvasElement, rows: number, cols: number, clientX: number, clientY: number): Cell | null {
  const box = canvas.getBoundingClientRect();
  if (box.width <= 0 || box.height <= 0) return null;
  const col = Math.floor(((clientX - box.left) / box.width) * cols);
  const row = Math.floor(((clientY - box.top) / box.height) * rows);
  return row >= 0 && row < rows && col >= 0 && col < cols ? { row, col } : null;
}

export function Heatmap({ matrix, title, symbol, shape, rowName, colName, cellWidth = 8, cellHeight = 8, max, onSelect }: HeatmapProps) {
  const m = useHeatmapMessages();
  const { rows, cols } = matrix;
  const range = useMemo(() => max ?? colorRange(matrix.data), [max, matrix]);
  const palette = useSignedPalette();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [cursor, setCursor] = useState<Cell | null>(null);
  const cell = cursor !== null && cursor.row < rows && cursor.col < cols ? cursor : null;

  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d') ?? null; // null where there is no 2-D canvas (jsdom)
    if (ctx === null || rows * cols === 0) return;
    const image = ctx.createImageData(cols, rows);
    image.data.set(paintCells(matrix, range, palette));
    ctx.putImageData(image, 0, 0);
  }, [matrix, range, rows, cols, palette]);

  const pointed = (e: MouseEvent<HTMLCanvasElement>) => cellAt(e.currentTarget, rows, cols, e.clientX, e.clientY);

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const move = MOVES[e.key];
    if (move !== undefined) {
      e.preventDefault();
      const from = cell ?? { row: 0, col: 0 };
      const n = e.shiftKey ? 10 : 1;
      setCursor({ row: clamp(from.row + move[0] * n, rows - 1), col: clamp(from.col + move[1] * n, cols - 1) });
    } else if ((e.key === 'Enter' || e.key === ' ') && cell !== null && onSelect) {
      e.preventDefault();
      onSelect(cell.row, cell.col);
    }
  };

  return (
    <figure className="heatmap" data-rows={rows} data-cols={cols}>
      <figcaption>
        {unbrokenFractions(title)} <span className="heatmap-size">{m('heatmap.size', { rows, cols })}{shape === undefined ? '' : ` (${shape})`}</span>
      </figcaption>
      <div className="heatmap-scroll">
        <div className="heatmap-plane" style={{ width: cols * cellWidth, height: rows * cellHeight }}>
          <canvas
            ref={canvasRef}
            width={cols}
            height={rows}
            role="img"
            tabIndex={0}
            aria-label={m('heatmap.label', { title, rows, cols })}
            className={onSelect ? 'selectable' : undefined}
            style={{ width: cols * cellWidth, height: rows * cellHeight, imageRendering: 'pixelated' }}
            onPointerMove={(e) => setCursor(pointed(e))}
            onPointerLeave={(e) => document.activeElement !== e.currentTarget && setCursor(null)}
            onClick={(e) => {
              const c = pointed(e);
              setCursor(c);
              if (c !== null && onSelect) onSelect(c.row, c.col);
            }}
            onFocus={() => cell === null && setCursor({ row: 0, col: 0 })}
            onBlur={() => setCursor(null)}
            onKeyDown={onKeyDown}
          />
          {cell !== null && (
            <div
              className="heatmap-cursor"
              style={{ left: cell.col * cellWidth, top: cell.row * cellHeight, width: cellWidth, height: cellHeight }}
            />
          )}
        </div>
      </div>
      <Legend max={range} label={symbol} />
      <output className="heatmap-readout" aria-live="polite">
        {cell === null ? (
          <span className="heatmap-hint">{m('heatmap.hint')}</span>
        ) : (
          <>
            <span className="heatmap-value">
              {symbol}[{cell.row}][{cell.col}] = {readValue(matrix.data[cell.row * cols + cell.col]!)}
            </span>{' '}
            <span className="heatmap-where">{m('heatmap.where', { rowName, row: cell.row, colName, col: cell.col })}</span>
          </>
        )}
      </output>
    </figure>
  );
}
