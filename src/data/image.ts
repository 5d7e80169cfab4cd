/**
 * Image geometry, derived from the data rather than written into views: MNIST's images are
 * 28 × 28, and any input of n ≥ 64 features that form a square (8 × 8 digits from a CSV, say)
 * is read as a side × side image, pixel k at row ⌊k / side⌋, column k mod side.
 */

export interface ImageShape {
  readonly rows: number;
  readonly cols: number;
}

/** MNIST's images (the IDX files say 28 × 28; mnist.ts reads whatever they say). */
export const MNIST_IMAGE: ImageShape = { rows: 28, cols: 28 };

/** Images in each MNIST file. */
export const MNIST_SIZES = { train: 60_000, t10k: 10_000 } as const;

/** Images smaller than this side are not drawn as images (2 or 4 features are points). */
const MIN_SIDE = 8;

/** The side of a square image of n pixels (n ≥ 64, e.g. 784 → 28), or null. */
export function imageSide(n: number): number | null {
  const side = Math.round(Math.sqrt(n));
  return side >= MIN_SIDE && side * side === n ? side : null;
}

/** The image n input features form, or null when they are not one. */
export function imageShape(n: number): ImageShape | null {
  const side = imageSide(n);
  return side === null ? null : { rows: side, cols: side };
}

/** Number of pixels of an image. */
export function pixels(image: ImageShape): number {
  return image.rows * image.cols;
}
