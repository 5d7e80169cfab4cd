/**
 * Where the network graph puts things: one column per layer, units spaced down it, and a last
 * column for the loss node, kept whether or not the loss has been computed so that nothing moves
 * between phases. A layer wider than `maxVisible` units shows a window of them (`offset`), the
 * rest reachable by paging; a 784-unit input layer is drawn as the 28×28 input image instead.
 */
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
  readonly asImage: boolean;
  /** Distance between neighbouring units. */
  readonly spacing: number;
}

export interface GraphLayout {
  readonly layers: readonly LayerLayout[];
  readonly radius: number;
  /** The loss node, after the output layer. */
  readonly loss: { readonly x: number; readonly y: number; readonly r: number };
}

export function isImageLayer(units: number, layer: number): boolean {
  return layer === 0 && units === 784;
}

export function graphLayout(units: readonly number[], offsets: readonly number[], width: number, height: number, top = 40, bottom = 30): GraphLayout {
  const columns = units.length;
  const marginX = 44;
  // Room on the right for the last layer's numbers and the loss node with its value.
  const lossX = width - 46;
  const lastX = Math.max(marginX, lossX - Math.min(150, width / 5));
  const span = height - top - bottom;
  const maxShown = Math.max(...units.map((n, l) => (isImageLayer(n, l) ? 1 : Math.min(n, MAX_VISIBLE_UNITS))));
  const radius = Math.max(3, Math.min(14, span / maxShown / 2.6));
  const layers = units.map((n, l): LayerLayout => {
    const x = columns === 1 ? marginX : marginX + ((lastX - marginX) * l) / (columns - 1);
    if (isImageLayer(n, l)) return { layer: l, units: n, x, offset: 0, visible: 0, ys: [], asImage: true, spacing: span };
    const visible = Math.min(n, MAX_VISIBLE_UNITS);
    const offset = Math.max(0, Math.min(offsets[l] ?? 0, n - visible));
    const gap = span / visible;
    const ys = Array.from({ length: visible }, (_, k) => top + gap * (k + 0.5));
    return { layer: l, units: n, x, offset, visible, ys, asImage: false, spacing: gap };
  });
  return { layers, radius, loss: { x: lossX, y: top + span / 2, r: 16 } };
}
