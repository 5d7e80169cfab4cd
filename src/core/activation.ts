/**
 * What an activation declares about itself. Everything that depends on the activation reads
 * it from here: the passes (f, f'), the gradient check (kinks), the formulas the screen shows
 * (TeX and text) and the NumPy code. A new activation is its own file in core/activations/
 * plus one entry in the list in core/activations.ts.
 */
export interface Activation {
  readonly name: string;
  /** a[t] = f(z[t]) for every t. */
  apply(z: Float64Array, a: Float64Array): void;
  /** out[t] = f'(z[t]), with a[t] = f(z[t]) available. */
  derivative(z: Float64Array, a: Float64Array, out: Float64Array): void;
  /**
   * The z where f' jumps and the derivative does not exist (ReLU: [0]), ascending; empty when f
   * is smooth. The gradient check flags a perturbation that moves a z across one.
   */
  readonly kinks: readonly number[];
  readonly formula: {
    /** f(z) and f'(z) (right-hand sides only) in TeX, and as plain text (labels, tooltips). */
    readonly tex: { readonly f: string; readonly df: string };
    readonly text: { readonly f: string; readonly df: string };
    /**
     * f'(z) as a rule in a = f(z), for the inspector's worked line: the rule, and the rule with
     * the numbers put in, where {a} stands for a and {(a)} for a in brackets when negative.
     * Absent when f' is not worth working out (a constant, or piecewise: shown by the kink).
     */
    readonly worked?: {
      readonly tex: { readonly rule: string; readonly numbers: string };
      readonly text: { readonly rule: string; readonly numbers: string };
    };
  };
  /** The NumPy code: functions of z for the loop style, a layer class for the layers style. */
  readonly numpy: {
    /** Python expressions naming f and f' (tanh's f is np.tanh itself). */
    readonly f: string;
    readonly prime: string;
    /** The definitions of f and f' that the loop style prints. */
    readonly functions: string;
    /**
     * The layer class the layers style prints: its name, the variable name of an instance, and
     * the lines of forward(z) and backward(dout). `state` names what forward keeps for backward;
     * the code generator writes those names as the instance's attributes.
     */
    readonly layer: {
      readonly cls: string;
      readonly name: string;
      readonly doc?: string;
      readonly state: readonly string[];
      readonly forward: readonly string[];
      readonly backward: readonly string[];
    };
    /** The shared helper `sigmoid(z)` is needed by this activation's code. */
    readonly usesSigmoid?: boolean;
  };
}
