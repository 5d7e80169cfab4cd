/**
 * Seeded regression problems. `noise` is the standard deviation of the Gaussian noise added to
 * each target.
 */
import { createRng, gaussian, uniform } from '../core/rng.ts';
import { zeros } from '../core/tensor.ts';
import { resolveGeneratorOptions } from './dataset.ts';
import type { GeneratorOptions, RegressionSet } from './dataset.ts';

/**
 * One period of a sine: x uniform in [-π, π), y = sin(x) + noise·N(0, 1); x and y are n × 1.
 * Defaults n = 200, noise = 0.1.
 */
export function noisySine(opts: GeneratorOptions): RegressionSet {
  const { n, noise, seed } = resolveGeneratorOptions(opts, { n: 200, noise: 0.1 });
  const rng = createRng(seed);
  const x = zeros(n, 1);
  const y = zeros(n, 1);
  for (let i = 0; i < n; i++) {
    const xi = Math.PI * (2 * uniform(rng) - 1);
    x.data[i] = xi;
    y.data[i] = Math.sin(xi) + noise * gaussian(rng);
  }
  return { kind: 'regression', name: 'noisy-sine', x, y };
}

/**
 * Friedman #1 (Friedman 1991): five features uniform in [0, 1) and
 * y = 10·sin(π·x1·x2) + 20·(x3 − 0.5)² + 10·x4 + 5·x5 + noise·N(0, 1); x is n × 5, y is n × 1.
 * Defaults n = 200, noise = 1 (the original benchmark's noise).
 */
export function friedman1(opts: GeneratorOptions): RegressionSet {
  const { n, noise, seed } = resolveGeneratorOptions(opts, { n: 200, noise: 1 });
  const rng = createRng(seed);
  const x = zeros(n, 5);
  const y = zeros(n, 1);
  for (let i = 0; i < n; i++) {
    const row = x.data.subarray(5 * i, 5 * i + 5);
    for (let j = 0; j < 5; j++) row[j] = uniform(rng);
    const f =
      10 * Math.sin(Math.PI * row[0]! * row[1]!) + 20 * (row[2]! - 0.5) ** 2 + 10 * row[3]! + 5 * row[4]!;
    y.data[i] = f + noise * gaussian(rng);
  }
  return { kind: 'regression', name: 'friedman1', x, y };
}
