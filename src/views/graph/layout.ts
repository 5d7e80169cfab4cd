/**
 * Where the network graph puts things: one column per layer, units spaced down it, and a last
 * column for the loss node, kept whether or not the loss has been computed so that nothing moves
 * between phases. A layer wider than `maxVisible` units shows a window of them (`offset`), the
 * rest reachable by paging; an input layer that forms an image (data/image.ts: MNIST's 28 × 28)
 * is drawn as the input image instead of units.
 */
import { imageShape, type ImageShape } from '../../data/image.ts';

export const MAX_VISIBLE_UNITS = 32;

/** Below this spacing between units (px), their numbers are left to the hover readout. */
export const MIN_SPACING_FOR_NUMBERS = 12;

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
}

export interface GraphLayout {
  readonly layers: readonly LayerLayout[];
  readonly radius: number;
  /** The loss node, after the output layer. */
  readonly loss: { readonly x: number; readonly y: number; readonly r: number };
}

/** The image an input layer of this width forms, or null (hidden and output layers: null). */
export function layerImage(units: number, layer: number): ImageShape | null {
  return layer === 0 ? imageShape(units) : null;
}

export function graphLayout(units: readonly number[], offsets: readonly number[], width: number, height: number, top = 40, bottom = 30): GraphLayout {
  const columns = units.length;
  // An input image needs room for itself and its label.
  const marginX = units.length > 0 && layerImage(units[0]!, 0) !== null ? 64 : 44;
  // Room on the right for the last layer's numbers and the loss node with its value.
  const lossX = width - 46;
  const lastX = Math.max(marginX, lossX - Math.min(170, Math.max(120, width / 4)));
  const span = height - top - bottom;
  const maxShown = Math.max(...units.map((n, l) => (layerImage(n, l) !== null ? 1 : Math.min(n, MAX_VISIBLE_UNITS))));
  const radius = Math.max(3, Math.min(14, span / maxShown / 2.6));
  const layers = units.map((n, l): LayerLayout => {
    const x = columns === 1 ? marginX : marginX + ((lastX - marginX) * l) / (columns - 1);
    const image = layerImage(n, l);
    if (image !== null) return { layer: l, units: n, x, offset: 0, visible: 0, ys: [], image, spacing: span };
    const visible = Math.min(n, MAX_VISIBLE_UNITS);
    const offset = Math.max(0, Math.min(offsets[l] ?? 0, n - visible));
    const gap = span / visible;
    const ys = Array.from({ length: visible }, (_, k) => top + gap * (k + 0.5));
    return { layer: l, units: n, x, offset, visible, ys, image: null, spacing: gap };
  });
  return { layers, radius, loss: { x: lossX, y: top + span / 2, r: 16 } };
}
