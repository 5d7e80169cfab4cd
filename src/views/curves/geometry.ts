/**
 * The curves' geometry as plain numbers and path strings: layout, scales, the smoothed loss,
 * ticks and learning-rate markers. Everything is drawn from the history's buckets (at most
 * its capacity, 2048), never per step, so a frame costs the same after a million steps as
 * after a thousand. No React here.
 *
 * x is the step index of the metrics, which is also the number of updates applied when that
 * loss was measured; an evaluation's `iteration` (updates applied) sits on the same axis.
 */
import { area, format, line, scaleLinear, scaleLog, type ScaleLinear } from 'd3';
import type { Measurement } from '../../presets/experiment.ts';
import type { DecimatedSeries } from '../../store/series.ts';
import { EMPTY_STEPS, MARGIN, type Plot, type Tick, type YScale } from '../shared/chart.ts';

/** Share of the height the loss chart gets when the accuracy chart is drawn below it. */
export const LOSS_SHARE = 0.6;
/** Height of the note that replaces the accuracy chart for regression. */
export const NOTE_HEIGHT = 20;
/**
 * The smoothed loss is an exponential moving average whose time constant is this fraction of
 * the steps shown (all of them): long enough to average out batch noise, short enough to
 * follow the trend (a learning-rate change shows within ~2% of the axis).
 */
export const SMOOTHING_SPAN = 50;
/** Above this many evaluations, their lines are drawn without dots. */
export const MAX_DOTS = 120;

/** The loss and accuracy plots (one left edge, so their steps line up) and the regression note's baseline. */
export function layout(width: number, height: number, withAccuracy: boolean, left: number = MARGIN.left): { loss: Plot; accuracy: Plot | null; noteY: number | null } {
  const right = Math.max(left + 10, width - MARGIN.right);
  const lowest = MARGIN.bottom + MARGIN.axisTitle;
  if (!withAccuracy) {
    const loss = { left, right, top: MARGIN.top, bottom: Math.max(MARGIN.top + 10, height - NOTE_HEIGHT - lowest) };
    return { loss, accuracy: null, noteY: height - 6 };
  }
  const split = Math.round(height * LOSS_SHARE);
  const loss = { left, right, top: MARGIN.top, bottom: Math.max(MARGIN.top + 10, split - MARGIN.bottom) };
  const top = split + MARGIN.top;
  return { loss, accuracy: { left, right, top, bottom: Math.max(top + 10, height - lowest) }, noteY: null };
}

/** The step a bucket's points are drawn at: the middle of the steps it covers. */
export function bucketCenter(s: DecimatedSeries, b: number): number {
  return s.x[b]! + (s.n[b]! - 1) / 2;
}

/** The last step pushed (steps are consecutive, so a bucket covers x .. x + n − 1). */
export function lastStep(s: DecimatedSeries): number {
  const b = s.length - 1;
  return s.x[b]! + s.n[b]! - 1;
}

/** Whether to draw accuracies: the data says so once measured; before that, the config does. */
export function showsAccuracy(evaluations: readonly Measurement[], regression: boolean): boolean {
  if (evaluations.length === 0) return !regression;
  return evaluations.some((e) => e.trainAccuracy !== null || e.testAccuracy !== null);
}

export function stepScale(s: DecimatedSeries, evaluations: readonly Measurement[], plot: Plot): ScaleLinear<number, number> {
  let lo = Infinity;
  let hi = -Infinity;
  if (s.length > 0) {
    lo = s.x[0]!;
    hi = lastStep(s);
  }
  const first = evaluations[0];
  const last = evaluations.at(-1);
  if (first !== undefined && last !== undefined) {
    lo = Math.min(lo, first.iteration);
    hi = Math.max(hi, last.iteration);
  }
  if (!Number.isFinite(lo)) [lo, hi] = [0, EMPTY_STEPS];
  if (hi <= lo) hi = lo + 1;
  return scaleLinear().domain([lo, hi]).range([plot.left, plot.right]);
}

/** The loss axis over the envelope and the test losses: from 0 (linear, niced), or exactly over the positive values (log, clamped). */
export function lossScale(s: DecimatedSeries, evaluations: readonly Measurement[], plot: Plot, log: boolean): YScale {
  let lo = Infinity;
  let hi = -Infinity;
  let lowestPositive = Infinity;
  const see = (v: number) => {
    if (!Number.isFinite(v)) return;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (v > 0 && v < lowestPositive) lowestPositive = v;
  };
  for (let b = 0; b < s.length; b++) {
    see(s.min[b]!);
    see(s.max[b]!);
  }
  for (const e of evaluations) if (e.testLoss !== null) see(e.testLoss);
  if (log) {
    const bottom = Number.isFinite(lowestPositive) ? lowestPositive : 0.1;
    const top = hi > bottom ? hi : bottom * 10;
    // Not niced: rounding out to whole decades would waste up to half the height on empty decades.
    return scaleLog().domain([bottom, top]).range([plot.bottom, plot.top]).clamp(true);
  }
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  lo = Math.min(0, lo);
  if (hi <= lo) hi = lo + 1;
  return scaleLinear().domain([lo, hi]).range([plot.bottom, plot.top]).nice();
}

export function accuracyScale(plot: Plot): ScaleLinear<number, number> {
  return scaleLinear().domain([0, 1]).range([plot.bottom, plot.top]);
}

/**
 * The exponential moving average of the bucket means with a time constant of `tau` steps: a
 * bucket of n steps moves the average by 1 − e^(−n/τ) of the way to its mean, which is what
 * n per-step updates would do to a constant input, so merging buckets barely changes the curve.
 */
export function smoothedMeans(s: DecimatedSeries, tau: number): Float64Array {
  const out = new Float64Array(s.length);
  let average = 0;
  for (let b = 0; b < s.length; b++) {
    const m = s.mean(b);
    average = b === 0 ? m : average + (1 - Math.exp(-s.n[b]! / tau)) * (m - average);
    out[b] = average;
  }
  return out;
}

/** τ in steps: 1/SMOOTHING_SPAN of the steps shown, at least one. */
export function smoothingSteps(count: number): number {
  return Math.max(1, count / SMOOTHING_SPAN);
}

/** The envelope (area), the bucket means and the smoothed means, one point per bucket. */
export function lossPaths(s: DecimatedSeries, smoothed: Float64Array, x: (v: number) => number, y: YScale) {
  const buckets = Array.from({ length: s.length }, (_, b) => b);
  const cx = (b: number) => x(bucketCenter(s, b));
  return {
    envelope: area<number>().x(cx).y0((b) => y(s.min[b]!)).y1((b) => y(s.max[b]!)).digits(2)(buckets) ?? '',
    raw: line<number>().x(cx).y((b) => y(s.mean(b))).digits(2)(buckets) ?? '',
    smoothed: line<number>().x(cx).y((b) => y(smoothed[b]!)).digits(2)(buckets) ?? '',
  };
}

/** One measured quantity per evaluation as pixel points (unmeasured ones left out) and their line. */
export function evaluationLine(
  evaluations: readonly Measurement[],
  value: (e: Measurement) => number | null,
  x: (v: number) => number,
  y: (v: number) => number,
): { points: { x: number; y: number }[]; path: string } {
  const points: { x: number; y: number }[] = [];
  for (const e of evaluations) {
    const v = value(e);
    if (v !== null && Number.isFinite(v)) points.push({ x: x(e.iteration), y: y(v) });
  }
  const path = line<{ x: number; y: number }>().x((p) => p.x).y((p) => p.y).digits(2)(points) ?? '';
  return { points, path };
}

const percentFormat = format('.0%');

export function accuracyTicks(y: ScaleLinear<number, number>, plot: Plot): Tick[] {
  const count = Math.max(2, Math.floor((plot.bottom - plot.top) / 28));
  return y.ticks(count).map((v) => ({ value: v, position: y(v), label: percentFormat(v) }));
}

export interface Marker {
  readonly step: number;
  readonly position: number;
  readonly learningRate: number;
  /** Whether there is room for its label (markers closer than 48 px share the first one's). */
  readonly labelled: boolean;
}

/**
 * Where the learning rate changed, skipping the first entry (the initial rate). At most one
 * marker per 2 px, so their number is bounded by the width, not by the changes.
 */
export function rateMarkers(changes: readonly { step: number; learningRate: number }[], x: (v: number) => number, plot: Plot): Marker[] {
  const out: Marker[] = [];
  let lastPosition = -Infinity;
  let lastLabel = -Infinity;
  for (let i = 1; i < changes.length; i++) {
    const { step, learningRate } = changes[i]!;
    const position = x(step);
    if (position < plot.left || position > plot.right || position - lastPosition < 2) continue;
    const labelled = position - lastLabel >= 48;
    if (labelled) lastLabel = position;
    lastPosition = position;
    out.push({ step, position, learningRate, labelled });
  }
  return out;
}

