/**
 * The window onto a layer with more units than fit with a number each: a thin strip beside the
 * column with every unit's colour (so the whole layer is still seen at a glance), the window
 * shown marked on it, hover on the strip reading out any unit, a click moving the window there,
 * and a row "▲ 13–25 of 50 ▼" under the column for paging (units numbered from 0, as in the
 * sentence's subscripts and the hover readout).
 */
import type { LayerLayout } from './layout.ts';
import type { useGraphMessages } from './messages.ts';

export interface LayerWindowProps {
  readonly lay: LayerLayout;
  readonly radius: number;
  readonly values: Float64Array | null;
  readonly colour: (x: number) => string;
  readonly height: number;
  readonly t: ReturnType<typeof useGraphMessages>;
  onHover(unit: number | null): void;
  /** Show the window starting at this unit (clamped by the layout). */
  onScroll(offset: number): void;
}

/** Width of the overview strip and its gap to the units' circles (px). */
const STRIP = 6;
const GAP = 5;

export function LayerWindow({ lay, radius, values, colour, height, t, onHover, onScroll }: LayerWindowProps) {
  const l = lay.layer;
  const n = lay.units;
  const cell = lay.span / n;
  const x = lay.x - radius - GAP - STRIP;
  const unitAt = (clientY: number, target: SVGRectElement) => {
    const box = target.getBoundingClientRect();
    const y = box.height > 0 ? ((clientY - box.top) / box.height) * lay.span : 0;
    return Math.max(0, Math.min(n - 1, Math.floor(y / cell)));
  };
  const last = lay.offset + lay.visible;
  return (
    <g className="layer-window" data-window={`${l}:${lay.offset}:${lay.visible}`}>
      {Array.from({ length: n }, (_, j) => {
        const v = values?.[j];
        return <rect key={j} x={x} y={lay.top + j * cell} width={STRIP} height={cell + 0.5} fill={v === undefined ? 'var(--bg)' : colour(v)} data-strip-unit={`${l}:${j}`} />;
      })}
      <rect x={x - 1} y={lay.top + lay.offset * cell} width={STRIP + 2} height={lay.visible * cell} className="window-mark" />
      <rect
        x={x - 3}
        y={lay.top}
        width={STRIP + 6}
        height={lay.span}
        className="strip-target"
        aria-label={t('strip', { l, of: n })}
        onPointerMove={(e) => onHover(unitAt(e.clientY, e.currentTarget))}
        onPointerLeave={() => onHover(null)}
        onClick={(e) => onScroll(unitAt(e.clientY, e.currentTarget) - Math.floor(lay.visible / 2))}
      />
      <foreignObject x={lay.x - 75} y={height - 24} width={150} height={22}>
        <div className="pager">
          <button type="button" aria-label={t('pageUp', { l })} onClick={() => onScroll(lay.offset - lay.visible)} disabled={lay.offset === 0}>
            ▲
          </button>
          <span>{t('window', { from: lay.offset, to: last - 1, of: n })}</span>
          <button type="button" aria-label={t('pageDown', { l })} onClick={() => onScroll(lay.offset + lay.visible)} disabled={last >= n}>
            ▼
          </button>
        </div>
      </foreignObject>
    </g>
  );
}
