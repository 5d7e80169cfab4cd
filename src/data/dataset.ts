/**
 * A data set is plain typed arrays: features one sample per row, and either class labels or
 * regression targets. Turning labels into the target matrix a loss wants (one column of 0/1
 * for a single sigmoid output, one-hot rows for several outputs) happens in `targetsFor`.
 */
import type { Matrix } from '../core/tensor.ts';

/**
 * n × d features kept as bytes, each read as byte / 255 (MNIST's pixels): an eighth of the
 * memory of doubles, 47 MB instead of 376 MB for the 60 000 training images. features.ts
 * turns rows of them into the doubles a network reads.
 */
export interface ByteFeatures {
  readonly rows: number;
  readonly cols: number;
  readonly bytes: Uint8Array;
}

/** Features as doubles, or as bytes. */
export type Features = Matrix | ByteFeatures;

/** X: how the features are stored; code that may meet MNIST takes ClassificationSet<Features>. */
export interface ClassificationSet<X extends Features = Matrix> {
  readonly kind: 'classification';
  readonly name: string;
  /** n × d features. */
  readonly x: X;
  /** n class indices in [0, numClasses). */
  readonly labels: Int32Array;
  readonly numClasses: number;
  /** Optional readable class names, index = class. */
  readonly classNames?: readonly string[];
}

export interface RegressionSet {
  readonly kind: 'regression';
  readonly name: string;
  /** n × d features. */
  readonly x: Matrix;
  /** n × k targets. */
  readonly y: Matrix;
}

export type Dataset<X extends Features = Matrix> = ClassificationSet<X> | RegressionSet;

export interface Split<X extends Features = Matrix> {
  readonly train: Dataset<X>;
  readonly test: Dataset<X>;
}

export function size(ds: Dataset<Features>): number {
  return ds.x.rows;
}

/** Options every seeded generator takes: sample count, noise level, seed. */
export interface GeneratorOptions {
  /** Number of samples, a whole number ≥ 1. */
  readonly n?: number;
  /** Noise level ≥ 0; its exact meaning is documented by each generator. */
  readonly noise?: number;
  /** Seed of the generator's own random stream. */
  readonly seed: number;
}

/**
 * Fills in a generator's defaults and checks the options: `n` must be a whole number ≥ 1 and
 * `noise` a finite number ≥ 0, otherwise a RangeError names the offending option.
 */
export function resolveGeneratorOptions(
  opts: GeneratorOptions,
  defaults: { readonly n: number; readonly noise: number },
): { n: number; noise: number; seed: number } {
  const n = opts.n ?? defaults.n;
  const noise = opts.noise ?? defaults.noise;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new RangeError(`n must be a whole number ≥ 1, got ${String(n)}`);
  }
  if (typeof noise !== 'number' || !Number.isFinite(noise) || noise < 0) {
    throw new RangeError(`noise must be a finite number ≥ 0, got ${String(noise)}`);
  }
  if (typeof opts.seed !== 'number' || !Number.isFinite(opts.seed)) {
    throw new RangeError(`seed must be a finite number, got ${String(opts.seed)}`);
  }
  return { n, noise, seed: opts.seed };
}
