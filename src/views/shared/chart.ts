/**
 * What the step charts (curves, gradient flow) share: the plot area, its margins, the step and
 * value ticks, and a label's rough width. Plain numbers, no React.
 */
import { format, type ScaleContinuousNumeric, type ScaleLinear } from 'd3';

const stepFormat = format('~s');
const lossFormat = format('~g');

/** A plot area in pixels, inside the SVG. */
export interface Plot {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Room around each plot: legend and title above, tick labels below, the x title under the lowest. */
export const MARGIN = { left: 48, right: 14, top: 24, bottom: 20, axisTitle: 14 } as const;

/** The step axis before any step: 0..100. */
export const EMPTY_STEPS = 100;

export type YScale = ScaleContinuousNumeric<number, number>;
export interface Tick {
  readonly value: number;
  readonly position: number;
  readonly label: string;
}

/** Whole steps only, compact (1.2k, 10k, 1M). */
export function stepTicks(x: ScaleLinear<number, number>, plot: Plot): Tick[] {
  const count = Math.max(2, Math.floor((plot.right - plot.left) / 80));
  return x.ticks(count).filter(Number.isInteger).map((v) => ({ value: v, position: x(v), label: stepFormat(v) }));
}

/** Leading digit of a positive number (3 for 0.03). */
function mantissa(v: number): number {
  return Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9));
}

/** Linear: d3's nice ticks. Log: powers of ten, or 1-2-5 when the range is under two decades, or all of d3's within one. */
export function lossTicks(y: YScale, plot: Plot, log: boolean): Tick[] {
  const count = Math.max(2, Math.floor((plot.bottom - plot.top) / 32));
  let values = y.ticks(count);
  if (log) {
    const powers = values.filter((v) => mantissa(v) === 1);
    const oneTwoFive = values.filter((v) => [1, 2, 5].includes(mantissa(v)));
    values = powers.length > 2 ? powers : oneTwoFive.length >= 2 ? oneTwoFive : values;
    if (values.length > count) {
      const every = Math.ceil(values.length / count);
      values = values.filter((_, i) => i % every === 0);
    }
  }
  return values.map((v) => ({ value: v, position: y(v), label: lossFormat(v) }));
}

/** Tick labels' font size in the charts' SVG (user units: CSS px before the shell's zoom). */
export const TICK_FONT_SIZE = 10;

/**
 * The plot's left edge that leaves room for these value ticks' labels (each ends 6 px left of
 * the axis): MARGIN.left, or more for long ones such as 2.5e+242 from a diverging loss.
 */
export function valueAxisLeft(ticks: readonly Tick[]): number {
  const widest = Math.max(0, ...ticks.map((tick) => textWidth(tick.label, TICK_FONT_SIZE)));
  return Math.max(MARGIN.left, Math.ceil(widest + 6 + 4));
}

/** Rough width of a label in px (no layout in SVG text): CJK characters are 1 em, others ~0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return em * fontSize;
}
