/**
 * Gradient-flow geometry as plain numbers and path strings: two plots stacked, a step axis
 * shared by both, a log value axis each, and one line per weight layer through the bucket
 * means of its DecimatedSeries (at most its capacity of points, never one per step).
 *
 * Flow is sampled on some steps only (the traced ones), so a bucket's first step is where
 * its mean is drawn. Non-positive means have no place on a log axis and leave a gap.
 */
import { line, scaleLinear, scaleLog, type ScaleLinear, type ScaleLogarithmic } from 'd3';
import type { DecimatedSeries } from '../../store/series.ts';
import { EMPTY_STEPS, MARGIN, textWidth, type Plot } from '../shared/chart.ts';
import { sup } from '../shared/notation.ts';

/** ‖ΔW‖/‖W‖ ≈ 1e-3 per step: the common rule of thumb for a healthy learning rate. */
export const UPDATE_RATIO_GUIDE = 1e-3;

/** Height of a legend row of its own, above the plots. */
export const LEGEND_ROW = 14;

/**
 * The ‖∂L/∂W‖ plot above, the ‖ΔW‖/‖W‖ plot below, each with room for its title and ticks,
 * below `legendRows` rows of legend (0 when the legend sits beside the first title).
 */
export function flowLayout(width: number, height: number, legendRows = 0): { gradNorm: Plot; updateRatio: Plot } {
  const left = MARGIN.left;
  const right = Math.max(left + 10, width - MARGIN.right);
  const top = MARGIN.top + legendRows * LEGEND_ROW;
  const split = Math.round((height + top - MARGIN.top) / 2);
  const top2 = split + MARGIN.top;
  return {
    gradNorm: { left, right, top, bottom: Math.max(top + 10, split - MARGIN.bottom) },
    updateRatio: { left, right, top: top2, bottom: Math.max(top2 + 10, height - MARGIN.bottom - MARGIN.axisTitle) },
  };
}

/** Steps from the first bucket to the last of any layer (0..100 before any). */
export function flowStepScale(series: readonly DecimatedSeries[], plot: Plot): ScaleLinear<number, number> {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    if (s.length === 0) continue;
    lo = Math.min(lo, s.x[0]!);
    hi = Math.max(hi, s.x[s.length - 1]!);
  }
  if (!Number.isFinite(lo)) [lo, hi] = [0, EMPTY_STEPS];
  if (hi <= lo) hi = lo + 1;
  return scaleLinear().domain([lo, hi]).range([plot.left, plot.right]);
}

/**
 * A log axis over the positive bucket means of every layer (and `include`, e.g. a guide),
 * rounded out to whole decades so that its ends are labelled powers of ten.
 */
export function flowValueScale(series: readonly DecimatedSeries[], plot: Plot, include?: number): ScaleLogarithmic<number, number> {
  let lo = include ?? Infinity;
  let hi = include ?? -Infinity;
  for (const s of series) {
    for (let b = 0; b < s.length; b++) {
      const v = s.mean(b);
      if (!(v > 0) || !Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!Number.isFinite(lo)) [lo, hi] = [1e-4, 1];
  if (hi <= lo) [lo, hi] = [lo / 10, hi * 10];
  return scaleLog().domain([lo, hi]).range([plot.bottom, plot.top]).nice().clamp(true);
}

/** The line through a layer's bucket means, one point per bucket (gaps where a mean is not positive). */
export function meanPath(s: DecimatedSeries, x: (v: number) => number, y: (v: number) => number): string {
  const buckets = Array.from({ length: s.length }, (_, b) => b);
  return (
    line<number>()
      .defined((b) => s.mean(b) > 0 && Number.isFinite(s.mean(b)))
      .x((b) => x(s.x[b]!))
      .y((b) => y(s.mean(b)))
      .digits(2)(buckets) ?? ''
  );
}

/** Layer l's colour class: layer-1 … layer-10, then round again. */
export function layerClass(l: number): string {
  return `layer-${((l - 1) % 10) + 1}`;
}

/** A log-axis label: plain between 0.01 and 100, else as a power of ten (10⁻⁴, 2·10⁻⁵). */
export function decadeLabel(v: number): string {
  if (!(v > 0)) return String(v);
  const e = Math.floor(Math.log10(v) + 1e-9);
  if (e >= -2 && e <= 2) return String(Number(v.toPrecision(3)));
  const mantissa = Math.round(v / 10 ** e);
  const power = `10${e < 0 ? '⁻' : ''}${sup(Math.abs(e))}`;
  return mantissa === 1 ? power : `${mantissa}·${power}`;
}

export interface PlacedLabel {
  readonly index: number;
  readonly x: number;
  readonly row: number;
}

/**
 * Where legend items go when they do not fit in one row beside the title: left to right from
 * x = 4, wrapping at `right`. An item is a 14 px swatch, 4 px, its label, then a 12 px gap.
 */
export function wrapLegend(labels: readonly string[], right: number, fontSize = 10): { placed: PlacedLabel[]; rows: number } {
  const placed: PlacedLabel[] = [];
  let x = 4;
  let row = 0;
  labels.forEach((label, index) => {
    const width = 18 + textWidth(label, fontSize);
    if (x > 4 && x + width > right) {
      row++;
      x = 4;
    }
    placed.push({ index, x, row });
    x += width + 12;
  });
  return { placed, rows: labels.length > 0 ? row + 1 : 0 };
}

/** Width of a right-aligned LegendRow (shared/chart-parts.tsx) of these labels. */
export function legendRowWidth(labels: readonly string[], fontSize = 10): number {
  return labels.reduce((w, label) => w + 30 + textWidth(label, fontSize), 0) - (labels.length > 0 ? 12 : 0);
}
