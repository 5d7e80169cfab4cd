/**
 * For an image input (784 = 28 × 28 for MNIST): each hidden unit's incoming weights, column j
 * of W¹, drawn as the image they weigh, so one sees which pixels push unit j up (red) or down
 * (blue). W or ∂L/∂W, one shared scale per grid. Clicking a tile selects that unit.
 */
import { memo, useEffect, useRef, useState } from 'react';
import type { Matrix } from '../../core/tensor.ts';
import { Legend } from '../shared/Legend.tsx';
import { useUi, useLiveRun } from '../lab-context.tsx';
import { useHeatmapMessages } from './messages.ts';
import { imageSide } from '../../data/image.ts';
import { paintCells } from '../shared/paint.ts';
import { useSignedPalette } from '../shared/use-signed-palette.ts';
import { columnImage, maxAbsColumns } from './tiles.ts';
import './heatmaps.css';

/** At most this many tiles (units 0..99). */
export const MAX_TILES = 100;
/** CSS pixels per image pixel. */
const TILE_SCALE = 2;

type Shown = 'W' | 'dW';

export function WeightTiles() {
  const m = useHeatmapMessages();
  const W = useLiveRun((s) => s.snapshot?.params[0]?.W ?? null);
  const dW = useLiveRun((s) => s.trace?.layers[0]?.dW ?? null);
  const selection = useUi((s) => s.selection);
  const select = useUi((s) => s.select);
  const [shown, setShown] = useState<Shown>('W');

  const side = W === null ? null : imageSide(W.rows);
  if (W === null || side === null) return null;
  const matrix = shown === 'W' ? W : dW;
  const symbol = shown === 'W' ? 'W' : '∂L/∂W';
  const count = Math.min(W.cols, MAX_TILES);
  const max = matrix === null ? 0 : maxAbsColumns(matrix, count);
  const selected = selection?.layer !== 1 ? null : selection.kind === 'unit' ? selection.unit : selection.j;

  return (
    <section className="weight-tiles" aria-label={m('tiles.title', { side })}>
      <h3>{m('tiles.title', { side })}</h3>
      <div className="tiles-toolbar">
        <div role="group" aria-label={m('tiles.show')}>
          {(['W', 'dW'] as const).map((key) => (
            <button key={key} type="button" aria-pressed={shown === key} onClick={() => setShown(key)}>
              {m(key === 'W' ? 'tiles.W' : 'tiles.dW')}
            </button>
          ))}
        </div>
        {matrix !== null && <Legend max={max} label={symbol} />}
        {W.cols > count && <span className="tiles-note">{m('tiles.first', { shown: count, total: W.cols })}</span>}
      </div>
      {matrix === null ? (
        <p className="heatmap-placeholder">{m('tiles.noGradient')}</p>
      ) : (
        <div className="tiles-grid" data-tiles={count} data-max={max}>
          {Array.from({ length: count }, (_, j) => (
            <Tile
              key={j}
              matrix={matrix}
              j={j}
              side={side}
              max={max}
              label={m('tiles.unit', { j })}
              selected={selected === j}
              onSelect={() => select({ kind: 'unit', layer: 1, unit: j })}
            />
          ))}
        </div>
      )}
    </section>
  );
}

interface TileProps {
  readonly matrix: Matrix;
  readonly j: number;
  readonly side: number;
  readonly max: number;
  readonly label: string;
  readonly selected: boolean;
  readonly onSelect: () => void;
}

/** Column j as a side × side image, repainted only when its matrix, range or theme changes. */
const Tile = memo(function Tile({ matrix, j, side, max, label, selected, onSelect }: TileProps) {
  const palette = useSignedPalette();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d') ?? null; // null in jsdom
    if (ctx === null) return;
    const image = ctx.createImageData(side, side);
    image.data.set(paintCells(columnImage(matrix, j, side), max, palette));
    ctx.putImageData(image, 0, 0);
  }, [matrix, j, side, max, palette]);
  return (
    <button type="button" className="tile" aria-label={label} title={label} aria-pressed={selected} onClick={onSelect}>
      <canvas ref={canvasRef} width={side} height={side} data-unit={j} style={{ width: side * TILE_SCALE, height: side * TILE_SCALE }} />
    </button>
  );
}, (a, b) => a.matrix === b.matrix && a.j === b.j && a.side === b.side && a.max === b.max && a.label === b.label && a.selected === b.selected);
