/**
 * What a loss declares about itself, like an activation (activation.ts): the arithmetic (the
 * prediction y, the per-sample loss Lᵢ, the output error term δᴸ), what it makes of the output
 * layer and its targets, its formulas, and its NumPy. Everything that depends on the loss reads
 * it from here: the passes, the inspector's worked δᴸ, the narration, the settings form, the
 * decision boundary and the code generators. A new loss is its own file in core/losses/ plus
 * one entry in the list in core/losses.ts (and its name in i18n/terms.ts, which the compiler
 * asks for). The screen's worked δᴸ knows two forms, which every loss here has: y − t on an
 * output the loss owns (softmax, σ), and c·(y − t) ⊙ f′(z) on the output activation.
 */
import type { Activation } from './activation.ts';
import type { Matrix } from './tensor.ts';

/** The two conventions of the generated NumPy, as a loss's code needs them. */
export interface NumpyLayout {
  /** The axis of the units (1 in rows x·W, 0 in columns W·a). */
  readonly unitAxis: number;
  /** Python for the number of samples in the array named `v`. */
  samples(v: string): string;
}

export interface Loss {
  readonly name: string;
  /**
   * What the prediction y is: softmax or σ of the output layer's z, which the loss then owns
   * (the layer has no activation of its own), or the output activation a = f(z) itself.
   */
  readonly output: 'softmax' | 'sigmoid' | 'activation';
  /** The targets it expects: one class per sample (one-hot), 0/1 per output, or real numbers. */
  readonly targets: 'one-hot' | 'binary' | 'real';
  /**
   * For a loss on a = f(z): the constant c in δᴸ = c·(y − t) ⊙ f′(z) for k outputs (1 for ½·Σ,
   * 2/k for the mean), its value and how it is written (TeX and text, '' when it is 1). Absent
   * when δᴸ = y − t, the output's own σ or softmax folded in.
   */
  readonly deltaFactor?: {
    value(k: number): number;
    tex(k: number): string;
    text(k: number): string;
  };
  readonly formula: {
    /** Lᵢ and δᴸ as plain text (the phase lines, tooltips). */
    readonly loss: string;
    readonly delta: string;
    /** One line for a program's comments: the loss's name and Lᵢ. */
    readonly description: string;
  };
  /** y from the output layer's z and a. */
  predict(z: Matrix, a: Matrix, y: Matrix): void;
  /** out[i] = Lᵢ, given the prediction y and targets t. */
  perSample(z: Matrix, y: Matrix, t: Matrix, out: Float64Array): void;
  /** δᴸ = ∂Lᵢ/∂zᴸ for every sample; fPrime is scratch of δ's shape. */
  outputDelta(z: Matrix, a: Matrix, y: Matrix, t: Matrix, f: Activation, fPrime: Float64Array, delta: Matrix): void;
  readonly numpy: {
    /** Python: y from the output `out` (z when the loss owns the output, else a). */
    predict(out: string): string;
    /** Python: the batch mean of Lᵢ for the output `out` (as above) and targets `t`. */
    batchLoss(out: string, lay: NumpyLayout): string;
    /** Python: δᴸ from y, t and `fPrimeZ` (the Python of f′(zᴸ)); and its shape comment. */
    delta(lay: NumpyLayout, fPrimeZ: string): { readonly code: string; readonly note?: string };
    /** The last layer of the layers style: its class name and definition. */
    readonly layer: { readonly cls: string; code(lay: NumpyLayout): string };
  };
}
