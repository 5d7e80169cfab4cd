/**
 * Where the network graph puts things: one column per layer, units spaced down it, and a last
 * column for the loss node, kept whether or not the loss has been computed so that nothing moves
 * between phases. A layer with more units than fit at MIN_SPACING_FOR_NUMBERS apart shows a
 * window of them (`offset`, `visible`), far enough apart for each to carry its number; the rest
 * are reached by paging or on the layer's overview strip. An input layer that forms an image
 * (data/image.ts: MNIST's 28 × 28) is drawn as the input image instead of units.
 */
import { imageShape, type ImageShape } from '../../data/image.ts';

/** At most this many units of a layer are drawn at once, however tall the graph. */
export const MAX_VISIBLE_UNITS = 32;

/** Spacing between units (px) that leaves each its own line for its number (11 px type). */
export const MIN_SPACING_FOR_NUMBERS = 14;

/**
 * Room (px) right of a unit's circle for its number: 3 px, then up to 8 glyphs of 11 px type
 * ("−0.00525" is 55 px, "−535e−15" 60 px in Chromium's DejaVu Sans), then a gap. At 56 px the
 * output's number ran into the target label after it ("−535e−6t=0").
 */
export const NUMBER_ROOM = 66;

/** Room (px) for a label "t=1 δ=−0.00284" on a line into the loss node. */
export const LOSS_LABEL_ROOM = 88;

/** Shortest visible stretch of a line into the loss node, and the loss node's radius. */
const LOSS_LINE_MIN = 22;
const LOSS_RADIUS = 16;

export interface LayerLayout {
  readonly layer: number;
  readonly units: number;
  readonly x: number;
  /** First unit shown, and how many. */
  readonly offset: number;
  readonly visible: number;
  /** y of each visible unit, in order. */
  readonly ys: readonly number[];
  /** The input image drawn in place of the units, or null. */
  readonly image: ImageShape | null;
  /** Distance between neighbouring units. */
  readonly spacing: number;
  /** Top and height of the column the units occupy (the overview strip of a windowed layer spans it). */
  readonly top: number;
  readonly span: number;
}

export interface GraphLayout {
  readonly layers: readonly LayerLayout[];
  readonly radius: number;
  /** Distance between neighbouring columns (Infinity for one column). */
  readonly columnGap: number;
  /** Whether the columns are far enough apart for every layer's numbers (else only the phase's layer shows them). */
  readonly numbersFit: boolean;
  /**
   * The loss node, after the output layer; its lines start at `lineX`, after the output units'
   * numbers and, when `labels`, after a column of labels (t and δᴸ) at `labelX`.
   */
  readonly loss: { readonly x: number; readonly y: number; readonly r: number; readonly labelX: number; readonly lineX: number; readonly labels: boolean; readonly right: number };
}

/** The image an input layer of this width forms, or null (hidden and output layers: null). */
export function layerImage(units: number, layer: number): ImageShape | null {
  return layer === 0 ? imageShape(units) : null;
}

/** How many units of an n-unit layer are drawn in a column of `span` px. */
export function unitsInView(n: number, span: number): number {
  return Math.min(n, MAX_VISIBLE_UNITS, Math.max(1, Math.floor(span / MIN_SPACING_FOR_NUMBERS)));
}

/**
 * Where a column's units sit: the first touching the top of the span, the last its bottom, the
 * rest evenly between (one unit: the middle). Centring each unit in its own share of the span
 * left half a share empty above the first unit (about 30 px under the headings on a phone).
 */
export function columnYs(visible: number, top: number, span: number, radius: number): { ys: number[]; gap: number } {
  if (visible <= 1) return { ys: visible === 1 ? [top + span / 2] : [], gap: span };
  const gap = (span - 2 * radius) / (visible - 1);
  return { ys: Array.from({ length: visible }, (_, k) => top + radius + gap * k), gap };
}

export function graphLayout(units: readonly number[], offsets: readonly number[], width: number, height: number, top = 40, bottom = 30): GraphLayout {
  const columns = units.length;
  // An input image needs room for itself and its label.
  const marginX = units.length > 0 && layerImage(units[0]!, 0) !== null ? 64 : 44;
  const lossX = width - 46;
  const span = height - top - bottom;
  const shown = units.map((n, l) => (layerImage(n, l) !== null ? 1 : unitsInView(n, span)));
  const radius = Math.max(3, Math.min(14, span / Math.max(...shown) / 2.6));
  // Right of the last layer: its numbers, the labels on the lines into the loss node if there
  // is room for them, and the lines themselves.
  // The columns come first: each gap wants room for a number between two circles; the labels
  // only get what is left after that.
  const gapForNumbers = 2 * radius + NUMBER_ROOM;
  const withLabels = radius + NUMBER_ROOM + LOSS_LABEL_ROOM + LOSS_LINE_MIN + LOSS_RADIUS;
  const withoutLabels = radius + NUMBER_ROOM + LOSS_LINE_MIN + LOSS_RADIUS;
  const left = lossX - marginX - Math.max(0, columns - 1) * gapForNumbers;
  const room = Math.min(withLabels, Math.max(120, width * 0.35), Math.max(withoutLabels, left));
  const lastX = Math.max(marginX, lossX - room);
  const labels = room >= withLabels && lastX > marginX;
  const labelX = lastX + radius + NUMBER_ROOM;
  const lineX = Math.min(labels ? labelX + LOSS_LABEL_ROOM : labelX, lossX - LOSS_RADIUS - LOSS_LINE_MIN);
  const layers = units.map((n, l): LayerLayout => {
    const x = columns === 1 ? marginX : marginX + ((lastX - marginX) * l) / (columns - 1);
    const image = layerImage(n, l);
    if (image !== null) return { layer: l, units: n, x, offset: 0, visible: 0, ys: [], image, spacing: span, top, span };
    const visible = shown[l]!;
    const offset = Math.max(0, Math.min(offsets[l] ?? 0, n - visible));
    const { ys, gap } = columnYs(visible, top, span, radius);
    return { layer: l, units: n, x, offset, visible, ys, image: null, spacing: gap, top, span };
  });
  const gap = columns > 1 ? (lastX - marginX) / (columns - 1) : Infinity;
  return { layers, radius, columnGap: gap, numbersFit: gap >= gapForNumbers - 0.5, loss: { x: lossX, y: top + span / 2, r: LOSS_RADIUS, labelX, lineX, labels, right: width } };
}
