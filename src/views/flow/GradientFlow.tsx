/**
 * Gradient flow: how much gradient reaches each weight layer, ‖∂L/∂Wˡ‖, and how big the
 * applied update is next to the weights, ‖ΔWˡ‖/‖Wˡ‖, over the steps, one line per layer on a
 * log scale. Vanishing or exploding gradients show as lines drifting apart by decades; a
 * ratio far from the dashed 10⁻³ guide hints that the learning rate is too small or too large.
 *
 * React owns every element; d3 supplies scales and line shapes (geometry.ts). Lines go
 * through the history's bucket means, so a frame costs the same after a million steps; while
 * training runs free the chart redraws at most LIVE_VIEW_INTERVAL_MS apart (useLiveHistory).
 */
import { memo, type ReactNode } from 'react';
import type { DecimatedSeries } from '../../store/series.ts';
import { lossTicks, MARGIN, stepTicks, textWidth, type Plot, type Tick } from '../shared/chart.ts';
import { LegendRow, StepAxis, ValueAxis, type LegendItem } from '../shared/chart-parts.tsx';
import { useLiveHistory } from '../lab-context.tsx';
import { formatValue } from '../shared/diverging.ts';
import '../curves/curves.css';
import './flow.css';
import {
  decadeLabel,
  flowLayout,
  flowStepScale,
  flowValueScale,
  layerClass,
  LEGEND_ROW,
  legendRowWidth,
  meanPath,
  UPDATE_RATIO_GUIDE,
  wrapLegend,
} from './geometry.ts';
import { useFlowMessages, type FlowMessages } from './messages.ts';

interface FlowFrame {
  readonly version: number;
  readonly gradNorm: readonly DecimatedSeries[];
  readonly updateRatio: readonly DecimatedSeries[];
}

const selectFlow = (s: FlowFrame): FlowFrame => ({ version: s.version, gradNorm: s.gradNorm, updateRatio: s.updateRatio });

export function GradientFlow({ width, height }: { width: number; height: number }) {
  const t = useFlowMessages();
  const frame = useLiveHistory(selectFlow);
  return (
    <section className="flow curves" aria-label={t('flow.title')}>
      <FlowChart frame={frame} width={width} height={height} />
    </section>
  );
}

/** Memoised: draws only when the paced frame, the size or the language changes. */
const FlowChart = memo(function FlowChart({ frame, width, height }: { frame: FlowFrame; width: number; height: number }) {
  const t = useFlowMessages();
  const { gradNorm, updateRatio } = frame;
  const gradTitle = t('flow.gradNorm');
  const labels = Array.from({ length: Math.max(gradNorm.length, updateRatio.length) }, (_, i) => t('flow.layer', { l: i + 1 }));
  const right = Math.max(MARGIN.left + 10, width - MARGIN.right);
  // One row right of the first title when there is room (title at x = 4, bold 11 px), else rows of their own on top.
  const wrapped = legendRowWidth(labels) <= right - 20 - textWidth(gradTitle, 12) ? null : wrapLegend(labels, right);
  const box = flowLayout(width, height, wrapped?.rows ?? 0);
  const x = flowStepScale([...gradNorm, ...updateRatio], box.gradNorm);
  const xTicks = stepTicks(x, box.gradNorm);
  const empty = gradNorm.every((s) => s.length === 0) && updateRatio.every((s) => s.length === 0);
  const items = labels.map((label, i): LegendItem => ({ key: `layer-${i + 1}`, label, className: `layer ${layerClass(i + 1)}`, mark: 'line' }));
  return (
    <svg className="curves-chart flow-chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary(t, gradNorm, updateRatio)} fontSize={10}>
      {wrapped !== null && (
        <g className="legend">
          {wrapped.placed.map(({ index, x: at, row }) => (
            <g key={index} data-legend={items[index]!.key} transform={`translate(${at},${10 + row * LEGEND_ROW})`}>
              <line className={items[index]!.className} x2={14} y1={-1} y2={-1} fill="none" />
              <text x={18} dy="0.32em" y={-1}>
                {items[index]!.label}
              </text>
            </g>
          ))}
        </g>
      )}
      <FlowPlot name="grad-norm" plot={box.gradNorm} series={gradNorm} x={x} xTicks={xTicks} title={gradTitle} stepTitle={null}>
        {wrapped === null && items.length > 0 && <LegendRow plot={box.gradNorm} items={items} />}
        {empty && <EmptyNote plot={box.gradNorm} t={t} />}
      </FlowPlot>
      <FlowPlot name="update-ratio" plot={box.updateRatio} series={updateRatio} x={x} xTicks={xTicks} title={t('flow.updateRatio')} stepTitle={t('flow.step')} guide={UPDATE_RATIO_GUIDE} />
    </svg>
  );
});

/** "No gradient flow yet", and why, when the plot is wide enough to say it. */
function EmptyNote({ plot, t }: { plot: Plot; t: FlowMessages }) {
  const cx = (plot.left + plot.right) / 2;
  const cy = (plot.top + plot.bottom) / 2;
  const why = t('flow.emptyWhy');
  return (
    <text className="empty" textAnchor="middle">
      <tspan x={cx} y={cy - 2}>
        {t('flow.empty')}
      </tspan>
      {textWidth(why, 11) <= plot.right - plot.left - 8 && (
        <tspan className="why" x={cx} y={cy + 14}>
          {why}
        </tspan>
      )}
    </text>
  );
}

interface PlotProps {
  readonly name: string;
  readonly plot: Plot;
  readonly series: readonly DecimatedSeries[];
  readonly x: (v: number) => number;
  readonly xTicks: readonly Tick[];
  readonly title: string;
  readonly stepTitle: string | null;
  /** A value marked by a dashed line across the plot, over the lines (and always inside the axis). */
  readonly guide?: number;
  readonly children?: ReactNode;
}

function FlowPlot({ name, plot, series, x, xTicks, title, stepTitle, guide, children }: PlotProps) {
  const t = useFlowMessages();
  const y = flowValueScale(series, plot, guide);
  const ticks = lossTicks(y, plot, true).map((tick) => ({ ...tick, label: decadeLabel(tick.value) }));
  return (
    <g className={`flow-plot ${name}`}>
      <ValueAxis plot={plot} ticks={ticks} title={title} name={name} />
      <StepAxis plot={plot} ticks={xTicks} title={stepTitle} />
      {series.map((s, i) => (
        <path key={i} className={`layer ${layerClass(i + 1)}`} data-layer={i + 1} data-points={s.length} d={meanPath(s, x, y)} fill="none" />
      ))}
      {guide !== undefined && (
        <g className="guide" data-value={guide}>
          <line x1={plot.left} x2={plot.right} y1={y(guide)} y2={y(guide)} />
          <text x={plot.right - 3} y={y(guide) - 4} textAnchor="end">
            {t('flow.guide')}
          </text>
        </g>
      )}
      {children}
    </g>
  );
}

/** The aria-label: the latest value of every layer in both plots. */
function summary(t: FlowMessages, gradNorm: readonly DecimatedSeries[], updateRatio: readonly DecimatedSeries[]): string {
  const latest = (series: readonly DecimatedSeries[]) =>
    series
      .map((s, i) => (s.length > 0 ? t('flow.aria.item', { l: i + 1, value: formatValue(s.last[s.length - 1]!) }) : null))
      .filter((v) => v !== null)
      .join(t('flow.aria.separator'));
  if (gradNorm.every((s) => s.length === 0)) return t('flow.aria.empty');
  return t('flow.aria', { gradNorms: latest(gradNorm), ratios: latest(updateRatio) });
}
