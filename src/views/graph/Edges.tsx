/** One weight layer's lines, coloured and sized by the phase's quantity on its scale (muted where not computed yet). */
import { Fragment } from 'react';
import type { Matrix } from '../../core/tensor.ts';
import type { Selection } from '../../store/ui.ts';
import type { LayerLayout } from './layout.ts';

export interface EdgesProps {
  readonly from: LayerLayout;
  readonly to: LayerLayout;
  readonly values: Matrix | null;
  readonly colour: (x: number) => string;
  /** The range of this layer's scale, for the line widths. */
  readonly range: number;
  readonly active: boolean;
  readonly selection: Selection;
  /** The weight the phase's sentence quotes, drawn over a halo; null for none in this layer. */
  readonly narrated: { readonly i: number; readonly j: number } | null;
  onHover(i: number, j: number, on: boolean): void;
  onSelect(i: number, j: number): void;
}

export function Edges({ from, to, values, colour, range, active, selection, narrated, onHover, onSelect }: EdgesProps) {
  const l = to.layer;
  return (
    <g className={active ? 'edges active' : 'edges'}>
      {from.ys.map((y1, a) =>
        to.ys.map((y2, b) => {
          const i = from.offset + a;
          const j = to.offset + b;
          const v = values === null ? undefined : values.data[i * values.cols + j];
          const chosen = selection?.kind === 'weight' && selection.layer === l && selection.i === i && selection.j === j;
          const width = v === undefined ? 0.4 : 0.4 + (range > 0 ? (2.6 * Math.min(1, Math.abs(v) / range)) : 0);
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
  );
}
