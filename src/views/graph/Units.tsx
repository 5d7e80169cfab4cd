/**
 * One layer's units: circles coloured by the phase's quantity (neutral where the phase has not
 * computed it yet), each with its value written beside it when the units are far enough apart,
 * and the output units labelled with their classes when the loss is over classes. A layer too
 * wide for that shows a window of its units (LayerWindow).
 */
import type { Selection } from '../../store/ui.ts';
import { formatEngineering } from '../shared/diverging.ts';
import { LayerLabel } from './LayerLabel.tsx';
import { LayerWindow } from './LayerWindow.tsx';
import { MIN_SPACING_FOR_NUMBERS, type LayerLayout } from './layout.ts';
import type { useGraphMessages } from './messages.ts';

export interface UnitsProps {
  readonly lay: LayerLayout;
  readonly name: string;
  /** A shorter heading (the layer's number) when the columns are too close for the name, else null. */
  readonly short: string | null;
  readonly values: Float64Array | null;
  readonly colour: (x: number) => string;
  readonly radius: number;
  readonly height: number;
  readonly active: boolean;
  readonly showNumbers: boolean;
  /** Class names of the output units, or null. */
  readonly classes: readonly string[] | null;
  readonly selection: Selection;
  /** The unit the phase's sentence quotes, ringed; null for none in this layer. */
  readonly narrated: number | null;
  readonly t: ReturnType<typeof useGraphMessages>;
  onHover(unit: number | null): void;
  onSelect(unit: number): void;
  /** Show the layer's window from this unit on. */
  onScroll(offset: number): void;
}

export function Units({ lay, name, short, values, colour, radius, height, active, showNumbers, classes, selection, narrated, t, onHover, onSelect, onScroll }: UnitsProps) {
  const l = lay.layer;
  const numbers = showNumbers && values !== null && lay.spacing >= MIN_SPACING_FOR_NUMBERS;
  return (
    <g className={active ? 'layer active' : 'layer'} data-layer={l}>
      <LayerLabel x={lay.x} name={short ?? name} detail={`(${lay.units})`} title={short === null ? undefined : name} />
      {lay.ys.map((y, a) => {
        const unit = lay.offset + a;
        const v = values === null ? undefined : values[unit];
        const chosen = selection?.kind === 'unit' && selection.layer === l && selection.unit === unit;
        return (
          <g key={unit}>
            <circle
              cx={lay.x}
              cy={y}
              r={radius}
              fill={v === undefined ? 'var(--bg)' : colour(v)}
              className={chosen ? 'unit selected' : 'unit'}
              data-unit={`${l}:${unit}`}
              data-value={v}
              onPointerEnter={() => onHover(unit)}
              onPointerLeave={(e) => e.pointerType !== 'touch' && onHover(null)}
              onClick={() => l > 0 && onSelect(unit)}
            />
            {narrated === unit && <circle cx={lay.x} cy={y} r={radius + 3.5} className="narrated-ring" data-narrated={`${l}:${unit}`} />}
            {classes !== null && (
              <text x={lay.x} y={y} dy="0.35em" textAnchor="middle" className="class-label">
                {classes[unit]}
              </text>
            )}
            {numbers && v !== undefined && (
              <text x={lay.x + radius + 3} y={y} dy="0.35em" className="unit-value" data-unit-value={`${l}:${unit}`}>
                {formatEngineering(v)}
              </text>
            )}
          </g>
        );
      })}
      {lay.units > lay.visible && <LayerWindow lay={lay} radius={radius} values={values} colour={colour} height={height} t={t} onHover={onHover} onScroll={onScroll} />}
    </g>
  );
}
