/** The fused elementwise passes against the activations' own loops and the separate checks, bit for bit. */
import { describe, expect, it } from 'vitest';
import { activation, ACTIVATIONS } from '../../../src/core/activations.ts';
import { activateChecked, actCode, timesDerivativeChecked } from '../../../src/core/fused.ts';
import { allFinite } from '../../../src/core/tensor.ts';
import { bits } from './helpers.ts';

const Z = [-3, -1e-300, -0, 0, 1e-300, 0.5, 2, 40, -40, 1e308];

describe('fused elementwise passes', () => {
  it.each(ACTIVATIONS)('%s: a = f(z) and δ ⊙ f′(z) as activations.ts gives them, with the finiteness verdicts', (name) => {
    const fn = activation(name);
    const z = Float64Array.from(Z);
    const a = new Float64Array(z.length);
    expect(activateChecked(actCode(name), z, a)).toBe(true);
    const aRef = new Float64Array(z.length);
    fn.apply(z, aRef);
    expect(bits(a)).toEqual(bits(aRef));

    const delta = Float64Array.from(Z, (v, s) => (s % 2 === 0 ? 0.25 - v : -0));
    const deltaRef = new Float64Array(delta);
    const fp = new Float64Array(z.length);
    fn.derivative(z, aRef, fp);
    for (let s = 0; s < fp.length; s++) deltaRef[s] *= fp[s]!;
    expect(timesDerivativeChecked(actCode(name), z, a, delta)).toBe(allFinite(deltaRef));
    expect(bits(delta)).toEqual(bits(deltaRef));

    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      const zBad = Float64Array.from([1, 2, bad]);
      expect(activateChecked(actCode(name), zBad, new Float64Array(3))).toBe(false);
      const dBad = Float64Array.of(bad, 1, 1);
      expect(timesDerivativeChecked(actCode(name), Float64Array.of(1, 1, 1), Float64Array.of(0.5, 0.5, 0.5), dBad)).toBe(false);
    }
  });
});
