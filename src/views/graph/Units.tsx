/**
 * One layer's units: circles coloured by the phase's quantity (neutral where the phase has not
 * computed it yet), each with its value written beside it when the units are far enough apart,
 * and the output units labelled with their classes when the loss is over classes.
 */
import type { Selection } from '../../store/ui.ts';
import { formatEngineering } from '../shared/diverging.ts';
import { MAX_VISIBLE_UNITS, MIN_SPACING_FOR_NUMBERS, type LayerLayout } from './layout.ts';
import type { useGraphMessages } from './messages.ts';

export interface UnitsProps {
  readonly lay: LayerLayout;
  readonly name: string;
  readonly values: Float64Array | null;
  readonly colour: (x: number) => string;
  readonly radius: number;
  readonly height: number;
  readonly active: boolean;
  readonly showNumbers: boolean;
  /** Class names of the output units, or null. */
  readonly classes: readonly string[] | null;
  readonly selection: Selection;
  readonly t: ReturnType<typeof useGraphMessages>;
  onHover(unit: number | null): void;
  onSelect(unit: number): void;
  onPage(delta: number): void;
}

export function Units({ lay, name, values, colour, radius, height, active, showNumbers, classes, selection, t, onHover, onSelect, onPage }: UnitsProps) {
  const l = lay.layer;
  const numbers = showNumbers && values !== null && lay.spacing >= MIN_SPACING_FOR_NUMBERS;
  return (
    <g className={active ? 'layer active' : 'layer'} data-layer={l}>
      <text x={lay.x} y={16} textAnchor="middle" className="layer-label">
        {name} ({lay.units})
      </text>
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
              onPointerLeave={() => onHover(null)}
              onClick={() => l > 0 && onSelect(unit)}
            />
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
      {lay.units > lay.visible && (
        <g className="pager">
          <text x={lay.x} y={height - 8} textAnchor="middle">
            {t('window', { from: lay.offset + 1, to: lay.offset + lay.visible, of: lay.units })}
          </text>
          <foreignObject x={lay.x - 40} y={height - 44} width={80} height={22}>
            <div className="pager-buttons">
              <button type="button" aria-label={t('pageUp', { l })} onClick={() => onPage(-MAX_VISIBLE_UNITS)} disabled={lay.offset === 0}>
                ▲
              </button>
              <button type="button" aria-label={t('pageDown', { l })} onClick={() => onPage(MAX_VISIBLE_UNITS)} disabled={lay.offset + lay.visible >= lay.units}>
                ▼
              </button>
            </div>
          </foreignObject>
        </g>
      )}
    </g>
  );
}
