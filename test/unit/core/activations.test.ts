import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, activation, LEAKY_RELU_SLOPE, sigmoid } from '../../../src/core/activations.ts';

const zs = Float64Array.of(-3, -0.5, -1e-9, 0, 1e-9, 0.7, 4);

describe('activations', () => {
  it('computes the textbook values', () => {
    const a = new Float64Array(zs.length);
    activation('relu').apply(zs, a);
    expect(Array.from(a)).toEqual([0, 0, 0, 0, 1e-9, 0.7, 4]);
    activation('leaky-relu').apply(zs, a);
    expect(a[0]).toBeCloseTo(-0.03, 15);
    activation('sigmoid').apply(zs, a);
    expect(a[3]).toBe(0.5);
    expect(a[6]).toBeCloseTo(1 / (1 + Math.exp(-4)), 15);
    activation('tanh').apply(zs, a);
    expect(a[5]).toBeCloseTo(Math.tanh(0.7), 15);
    activation('identity').apply(zs, a);
    expect(Array.from(a)).toEqual(Array.from(zs));
  });

  it('sigmoid neither overflows nor loses its tails', () => {
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(-40)).toBeGreaterThan(0);
  });

  it('ReLU has derivative 0 at z ≤ 0 and leaky ReLU slope 0.01 there', () => {
    const a = new Float64Array(zs.length);
    const d = new Float64Array(zs.length);
    activation('relu').apply(zs, a);
    activation('relu').derivative(zs, a, d);
    expect(Array.from(d)).toEqual([0, 0, 0, 0, 1, 1, 1]);
    activation('leaky-relu').apply(zs, a);
    activation('leaky-relu').derivative(zs, a, d);
    expect(Array.from(d)).toEqual([0.01, 0.01, 0.01, 0.01, 1, 1, 1]);
    expect(LEAKY_RELU_SLOPE).toBe(0.01);
  });

  it.each(ACTIVATIONS)('%s: derivative matches a central difference away from kinks', (name) => {
    const f = activation(name);
    const z = Float64Array.of(-2.3, -0.4, 0.3, 1.9);
    const a = new Float64Array(4);
    const d = new Float64Array(4);
    f.apply(z, a);
    f.derivative(z, a, d);
    const h = 1e-6;
    const plus = new Float64Array(4);
    const minus = new Float64Array(4);
    f.apply(z.map((v) => v + h), plus);
    f.apply(z.map((v) => v - h), minus);
    for (let t = 0; t < 4; t++) expect(d[t]).toBeCloseTo((plus[t]! - minus[t]!) / (2 * h), 8);
  });
});
