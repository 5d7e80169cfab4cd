/**
 * One weight layer's lines, coloured and sized by the phase's quantity on its scale (muted where
 * not computed yet). Each line has a neutral edge of half a pixel each side (`edge`, drawn first,
 * under every line): zero is the background's colour, and without it a weight near zero vanished
 * on a projector, so the network's wiring was lost. The edge is not the value's colour; it only
 * says "a weight is here".
 */
import { Fragment } from 'react';
import type { Matrix } from '../../core/tensor.ts';
import type { Selection } from '../../store/ui.ts';
import type { LayerLayout } from './layout.ts';

/** How much wider a line's neutral edge is than the line: half a pixel each side. */
export const EDGE_PX = 1;

export interface EdgesProps {
  readonly from: LayerLayout;
  readonly to: LayerLayout;
  readonly values: Matrix | null;
  readonly colour: (x: number) => string;
  /** The range of this layer's scale, for the line widths. */
  readonly range: number;
  readonly active: boolean;
  /** The neutral edge's colour (the palette's `line`). */
  readonly edge: string;
  readonly selection: Selection;
  /** The weight the phase's sentence quotes, drawn over a halo; null for none in this layer. */
  readonly narrated: { readonly i: number; readonly j: number } | null;
  onHover(i: number, j: number, on: boolean): void;
  onSelect(i: number, j: number): void;
}

export function Edges({ from, to, values, colour, range, active, edge, selection, narrated, onHover, onSelect }: EdgesProps) {
  const l = to.layer;
  const valueAt = (a: number, b: number) => (values === null ? undefined : values.data[(from.offset + a) * values.cols + to.offset + b]);
  const widthOf = (v: number | undefined) => (v === undefined ? 0.4 : 0.4 + (range > 0 ? 2.6 * Math.min(1, Math.abs(v) / range) : 0));
  return (
    <g className={active ? 'edges active' : 'edges'}>
      <g className="edge-floor" stroke={edge}>
        {from.ys.map((y1, a) => to.ys.map((y2, b) => <line key={`${a}-${b}`} x1={from.x} y1={y1} x2={to.x} y2={y2} strokeWidth={widthOf(valueAt(a, b)) + EDGE_PX} />))}
      </g>
      <g className="edge-values">
        {from.ys.map((y1, a) =>
          to.ys.map((y2, b) => {
            const i = from.offset + a;
            const j = to.offset + b;
            const v = valueAt(a, b);
            const chosen = selection?.kind === 'weight' && selection.layer === l && selection.i === i && selection.j === j;
            const width = widthOf(v);
            const line = (
              <line
                key={`${i}-${j}`}
                x1={from.x}
                y1={y1}
                x2={to.x}
                y2={y2}
                stroke={chosen ? 'var(--accent)' : v === undefined ? 'var(--muted)' : colour(v)}
                strokeOpacity={v === undefined && !chosen ? 0.35 : undefined}
                strokeWidth={chosen ? 3 : width}
                data-weight={`${l}:${i}:${j}`}
                onPointerEnter={() => onHover(i, j, true)}
                onPointerLeave={(e) => e.pointerType !== 'touch' && onHover(i, j, false)}
                onClick={() => onSelect(i, j)}
              />
            );
            if (narrated?.i !== i || narrated.j !== j) return line;
            return (
              <Fragment key={`${i}-${j}`}>
                <line x1={from.x} y1={y1} x2={to.x} y2={y2} className="narrated-halo" data-narrated={`${l}:${i}:${j}`} />
                {line}
              </Fragment>
            );
          }),
        )}
      </g>
    </g>
  );
}
