/**
 * The SVG pieces the step charts (curves, gradient flow) share: axes (ticks computed by d3
 * scales, drawn as React elements) and a legend row.
 */
import { textWidth, type Plot, type Tick } from './chart.ts';

const FONT = 10;

/** Step axis under a plot: tick marks and compact labels, and the axis title when given. */
export function StepAxis({ plot, ticks, title }: { plot: Plot; ticks: readonly Tick[]; title: string | null }) {
  return (
    <g className="axis axis-step">
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
      {ticks.map((tick) => (
        <g key={tick.value} className="tick" transform={`translate(${tick.position},${plot.bottom})`}>
          <line y2={4} />
          <text y={14} textAnchor="middle">
            {tick.label}
          </text>
        </g>
      ))}
      {title !== null && (
        <text className="axis-title" x={plot.right} y={plot.bottom + 30} textAnchor="end">
          {title}
        </text>
      )}
    </g>
  );
}

/** Value axis left of a plot: labels, faint grid lines across the plot, and the title above. */
export function ValueAxis({ plot, ticks, title, name }: { plot: Plot; ticks: readonly Tick[]; title: string; name: string }) {
  return (
    <g className={`axis axis-${name}`}>
      <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} />
      {ticks.map((tick) => (
        <g key={tick.value} className="tick" transform={`translate(${plot.left},${tick.position})`}>
          <line className="grid" x2={plot.right - plot.left} />
          <line x2={-4} />
          <text x={-6} dy="0.32em" textAnchor="end">
            {tick.label}
          </text>
        </g>
      ))}
      <text className="axis-title" x={4} y={plot.top - 10}>
        {title}
      </text>
    </g>
  );
}

export interface LegendItem {
  readonly key: string;
  readonly label: string;
  /** CSS class of the mark, as used by the curve it stands for. */
  readonly className: string;
  readonly mark: 'area' | 'line';
}

/** A legend row right-aligned above a plot. */
export function LegendRow({ plot, items }: { plot: Plot; items: readonly LegendItem[] }) {
  const swatch = 14;
  let x = plot.right;
  const placed = [...items].reverse().map((item) => {
    const width = swatch + 4 + textWidth(item.label, FONT);
    x -= width;
    const at = x;
    x -= 12;
    return { item, at };
  });
  const y = plot.top - 10;
  return (
    <g className="legend">
      {placed.reverse().map(({ item, at }) => (
        <g key={item.key} data-legend={item.key} transform={`translate(${at},${y})`}>
          {item.mark === 'area' ? (
            <rect className={item.className} y={-5} width={swatch} height={8} />
          ) : (
            <line className={item.className} x2={swatch} y1={-1} y2={-1} fill="none" />
          )}
          <text x={swatch + 4} dy="0.32em" y={-1}>
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}
