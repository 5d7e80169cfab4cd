/**
 * Training curves: the loss of every step (per-bucket min–max envelope, bucket means, and an
 * exponential moving average of them), the test loss per evaluation, dashed markers where the
 * learning rate changed, and below, train and test accuracy per evaluation (or a note for
 * regression, which has none). A log-scale checkbox, and under it one SVG of the width and the
 * rest of the height: the view fills exactly width × height.
 *
 * React owns every element; d3 supplies scales, line and area shapes, and tick values (see
 * geometry.ts). The chart redraws at most once per animation frame (see use-frame-history.ts).
 */
import { memo, useState } from 'react';
import { predictsNumbers } from '../../presets/config.ts';
import type { Measurement } from '../../presets/experiment.ts';
import type { DecimatedSeries } from '../../store/series.ts';
import { LIVE_VIEW_INTERVAL_MS, useConfig, useRun } from '../lab-context.tsx';
import { formatValue } from '../shared/diverging.ts';
import './curves.css';
import {
  accuracyScale,
  accuracyTicks,
  evaluationLine,
  lastStep,
  layout,
  lossPaths,
  lossScale,
  MAX_DOTS,
  rateMarkers,
  showsAccuracy,
  smoothedMeans,
  smoothingSteps,
  stepScale,
} from './geometry.ts';
import { lossTicks, stepTicks, TICK_FONT_SIZE, valueAxisLeft, type Plot, type Tick } from '../shared/chart.ts';
import { useCurvesMessages, type CurvesMessages } from './messages.ts';
import { LegendRow, StepAxis, ValueAxis, type LegendItem } from '../shared/chart-parts.tsx';
import { RateMarkers } from './RateMarkers.tsx';
import { useFrameHistory, type HistoryFrame } from './use-frame-history.ts';
import { useSize } from '../shared/use-size.ts';

/** The checkbox row's bottom margin (curves.css). */
const TOOLBAR_MARGIN = 4;

export function Curves({ width, height }: { width: number; height: number }) {
  const t = useCurvesMessages();
  const running = useRun((s) => s.status === 'running');
  const frame = useFrameHistory(running ? LIVE_VIEW_INTERVAL_MS : 0);
  const regression = useConfig((s) => predictsNumbers(s.experiment.data));
  const [logScale, setLogScale] = useState(false);
  // The chart gets the height left under the checkbox row (its margin included).
  const [toolbarRef, toolbar] = useSize<HTMLDivElement>({ width: 0, height: 0 });
  const chartHeight = Math.max(120, height - (toolbar.height > 0 ? toolbar.height + TOOLBAR_MARGIN : 0));
  return (
    <section className="curves" aria-label={t('curves.title')}>
      <div className="curves-toolbar" ref={toolbarRef}>
        <label>
          <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} /> {t('curves.logScale')}
        </label>
      </div>
      <CurvesChart frame={frame} width={width} height={chartHeight} logScale={logScale} regression={regression} />
    </section>
  );
}

interface ChartProps {
  readonly frame: HistoryFrame;
  readonly width: number;
  readonly height: number;
  readonly logScale: boolean;
  readonly regression: boolean;
}

/** Memoised: renders only when the frame snapshot, the size, the scale or the language changes. */
const CurvesChart = memo(function CurvesChart({ frame, width, height, logScale, regression }: ChartProps) {
  const t = useCurvesMessages();
  const { loss, twinLoss, evaluations, rateChanges } = frame;
  const withAccuracy = showsAccuracy(evaluations, regression);
  // The loss ticks depend on the plot's height only; their labels decide its left edge.
  const unshifted = layout(width, height, withAccuracy);
  const y = lossScale(loss, evaluations, unshifted.loss, logScale);
  const yTicks = lossTicks(y, unshifted.loss, logScale);
  const box = layout(width, height, withAccuracy, valueAxisLeft(yTicks));
  const x = stepScale(loss, evaluations, box.loss);
  const smoothed = smoothedMeans(loss, smoothingSteps(loss.count));
  const paths = lossPaths(loss, smoothed, x, y);
  // With a bug switched on: the bug-free twin's smoothed loss, on the same scales.
  const twinPath = twinLoss.length > 0 ? lossPaths(twinLoss, smoothedMeans(twinLoss, smoothingSteps(twinLoss.count)), x, y).smoothed : null;
  const testLoss = evaluationLine(evaluations, (e) => e.testLoss, x, y);
  const markers = rateMarkers(rateChanges, x, box.loss);
  const xTicks = stepTicks(x, box.loss);
  const rate = (r: number) => t('curves.rate', { rate: formatValue(r) });

  const lossLegend: LegendItem[] = [
    { key: 'envelope', label: t('curves.envelope'), className: 'envelope', mark: 'area' },
    { key: 'raw', label: t('curves.raw'), className: 'raw', mark: 'line' },
    { key: 'smoothed', label: t('curves.smoothed'), className: 'smoothed', mark: 'line' },
  ];
  if (twinPath !== null) lossLegend.push({ key: 'twin', label: t('curves.twin'), className: 'twin', mark: 'line' });
  if (testLoss.points.length > 0) lossLegend.push({ key: 'test-loss', label: t('curves.testLoss'), className: 'test', mark: 'line' });

  return (
    <svg
      className="curves-chart"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={summary(t, loss, smoothed, evaluations)}
      fontSize={TICK_FONT_SIZE}
    >
      <g className="loss-chart">
        <ValueAxis plot={box.loss} ticks={yTicks} title={t('curves.loss')} name="loss" />
        <StepAxis plot={box.loss} ticks={xTicks} title={box.accuracy === null ? t('curves.step') : null} />
        {loss.length > 0 && <LegendRow plot={box.loss} items={lossLegend} />}
        <RateMarkers plot={box.loss} markers={markers} label={rate} />
        <path className="envelope" d={paths.envelope} />
        <path className="raw" d={paths.raw} fill="none" />
        <path className="smoothed" d={paths.smoothed} fill="none" />
        {twinPath !== null && <path className="twin" d={twinPath} fill="none" data-testid="twin-loss" />}
        {testLoss.points.length > 0 && <EvaluationMarks line={testLoss} className="test" />}
        {loss.length === 0 && (
          <text className="empty" x={(box.loss.left + box.loss.right) / 2} y={(box.loss.top + box.loss.bottom) / 2} textAnchor="middle">
            {t('curves.empty')}
          </text>
        )}
      </g>
      {box.accuracy !== null ? (
        <AccuracyChart plot={box.accuracy} x={x} xTicks={xTicks} evaluations={evaluations} t={t} />
      ) : (
        <text className="note" x={box.loss.left} y={box.noteY ?? height}>
          {t('curves.noAccuracy')}
        </text>
      )}
    </svg>
  );
});

interface AccuracyProps {
  readonly plot: Plot;
  /** The loss chart's step scale and ticks, so that the two charts line up. */
  readonly x: (v: number) => number;
  readonly xTicks: readonly Tick[];
  readonly evaluations: readonly Measurement[];
  readonly t: CurvesMessages;
}

function AccuracyChart({ plot, x, xTicks, evaluations, t }: AccuracyProps) {
  const y = accuracyScale(plot);
  const train = evaluationLine(evaluations, (e) => e.trainAccuracy, x, y);
  const test = evaluationLine(evaluations, (e) => e.testAccuracy, x, y);
  const none = train.points.length === 0 && test.points.length === 0;
  const legend: LegendItem[] = [];
  if (none || train.points.length > 0) legend.push({ key: 'train-accuracy', label: t('curves.trainAccuracy'), className: 'train-accuracy', mark: 'line' });
  if (none || test.points.length > 0) legend.push({ key: 'test-accuracy', label: t('curves.testAccuracy'), className: 'test', mark: 'line' });
  return (
    <g className="accuracy-chart">
      <ValueAxis plot={plot} ticks={accuracyTicks(y, plot)} title={t('curves.accuracy')} name="accuracy" />
      <StepAxis plot={plot} ticks={xTicks} title={t('curves.step')} />
      <LegendRow plot={plot} items={legend} />
      {train.points.length > 0 && <EvaluationMarks line={train} className="train-accuracy" />}
      {test.points.length > 0 && <EvaluationMarks line={test} className="test" />}
    </g>
  );
}

/** An evaluation series: its line, and a dot per evaluation while there are few. */
function EvaluationMarks({ line, className }: { line: ReturnType<typeof evaluationLine>; className: string }) {
  return (
    <g className={`evaluations ${className}`}>
      <path className={className} d={line.path} fill="none" />
      {line.points.length <= MAX_DOTS && line.points.map((p, i) => <circle key={i} className={`${className} dot`} cx={p.x} cy={p.y} r={2.5} />)}
    </g>
  );
}

/** The aria-label: the latest loss (raw and smoothed) with its step, and the latest evaluation. */
function summary(t: CurvesMessages, loss: DecimatedSeries, smoothed: Float64Array, evaluations: readonly Measurement[]): string {
  const parts: string[] = [];
  const b = loss.length - 1;
  if (b < 0) parts.push(t('curves.aria.empty'));
  else parts.push(t('curves.aria.loss', { loss: formatValue(loss.last[b]!), step: lastStep(loss), smoothed: formatValue(smoothed[b]!) }));
  const e = evaluations.at(-1);
  if (e !== undefined) {
    if (e.testLoss !== null) parts.push(t('curves.aria.testLoss', { value: formatValue(e.testLoss) }));
    if (e.trainAccuracy !== null) parts.push(t('curves.aria.trainAccuracy', { value: formatValue(e.trainAccuracy) }));
    if (e.testAccuracy !== null) parts.push(t('curves.aria.testAccuracy', { value: formatValue(e.testAccuracy) }));
  }
  return parts.join(t('curves.aria.separator'));
}
