/**
 * Seeded two-dimensional, two-class toy problems: the pictures one draws decision boundaries on.
 *
 * Every generator takes `{ n?, noise?, seed }` and returns a ClassificationSet with x (n × 2),
 * labels 0/1 and numClasses 2. `noise` is the standard deviation of the Gaussian jitter added
 * to each coordinate of an otherwise noise-free point (except where a generator says otherwise).
 * Defaults are listed in TOY_2D_DEFAULTS. Unless stated otherwise sample i has label i mod 2, so
 * the classes are balanced and every prefix of the set is balanced too.
 */
import { createRng, gaussian, uniform, uniformInt } from '../core/rng.ts';
import type { Rng } from '../core/rng.ts';
import { zeros } from '../core/tensor.ts';
import { resolveGeneratorOptions } from './dataset.ts';
import type { ClassificationSet, GeneratorOptions } from './dataset.ts';

export type Toy2dName = 'circle' | 'xor' | 'gaussians' | 'spiral' | 'moons' | 'flower' | 'random-labels';

/** Default sample count and noise level of each toy problem. */
export const TOY_2D_DEFAULTS: Readonly<Record<Toy2dName, { readonly n: number; readonly noise: number }>> = {
  circle: { n: 200, noise: 0.05 },
  xor: { n: 200, noise: 0.05 },
  gaussians: { n: 200, noise: 0.5 },
  spiral: { n: 200, noise: 0.05 },
  moons: { n: 200, noise: 0.1 },
  flower: { n: 400, noise: 0.2 },
  'random-labels': { n: 400, noise: 0 },
};

/** Writes the noise-free point of class `label`, number `k` of `count`, into `p`. */
type DrawPoint = (rng: Rng, label: 0 | 1, k: number, count: number, p: [number, number]) => void;

/** Builds a set whose sample i has label i mod 2, its point drawn by `draw` plus Gaussian jitter. */
function interleaved(name: Toy2dName, opts: GeneratorOptions, draw: DrawPoint): ClassificationSet {
  const { n, noise, seed } = resolveGeneratorOptions(opts, TOY_2D_DEFAULTS[name]);
  const rng = createRng(seed);
  const x = zeros(n, 2);
  const labels = new Int32Array(n);
  const counts = [Math.ceil(n / 2), Math.floor(n / 2)] as const;
  const p: [number, number] = [0, 0];
  for (let i = 0; i < n; i++) {
    const label = (i % 2) as 0 | 1;
    draw(rng, label, Math.floor(i / 2), counts[label], p);
    x.data[2 * i] = p[0] + noise * gaussian(rng);
    x.data[2 * i + 1] = p[1] + noise * gaussian(rng);
    labels[i] = label;
  }
  return { kind: 'classification', name, x, labels, numClasses: 2 };
}

/**
 * A disk inside a ring. Label 1: uniform in the disk of radius 0.5; label 0: uniform in the
 * ring 0.7 ≤ r ≤ 1. Defaults n = 200, noise = 0.05.
 */
export function circle(opts: GeneratorOptions): ClassificationSet {
  return interleaved('circle', opts, (rng, label, _k, _count, p) => {
    const r = label === 1 ? 0.5 * Math.sqrt(uniform(rng)) : Math.sqrt(0.49 + 0.51 * uniform(rng));
    const angle = 2 * Math.PI * uniform(rng);
    p[0] = r * Math.cos(angle);
    p[1] = r * Math.sin(angle);
  });
}

/**
 * The XOR pattern: points in [-1, 1]², kept at least 0.1 away from the axes; label 1 when
 * x1·x2 > 0 (first and third quadrants), label 0 otherwise. Defaults n = 200, noise = 0.05.
 */
export function xor(opts: GeneratorOptions): ClassificationSet {
  return interleaved('xor', opts, (rng, label, _k, _count, p) => {
    const s1 = uniformInt(rng, 2) === 0 ? -1 : 1;
    const s2 = label === 1 ? s1 : -s1;
    p[0] = s1 * (0.1 + 0.9 * uniform(rng));
    p[1] = s2 * (0.1 + 0.9 * uniform(rng));
  });
}

/**
 * Two Gaussian blobs centred at (-1, -1) (label 0) and (1, 1) (label 1); `noise` is the
 * standard deviation of each blob. Defaults n = 200, noise = 0.5.
 */
export function gaussians(opts: GeneratorOptions): ClassificationSet {
  return interleaved('gaussians', opts, (_rng, label, _k, _count, p) => {
    const c = label === 1 ? 1 : -1;
    p[0] = c;
    p[1] = c;
  });
}

/**
 * Two interleaved spirals: point k of m in class j has s = k/m, radius s and angle
 * t = 3.5π·s + jπ (1.75 turns), at (s·sin t, s·cos t); class 1 is class 0 turned by half a
 * turn. Defaults n = 200, noise = 0.05.
 */
export function spiral(opts: GeneratorOptions): ClassificationSet {
  return interleaved('spiral', opts, (_rng, label, k, count, p) => {
    const s = k / count;
    const t = 3.5 * Math.PI * s + label * Math.PI;
    p[0] = s * Math.sin(t);
    p[1] = s * Math.cos(t);
  });
}

/**
 * Two interlocking half circles, angles θ evenly spaced in [0, π]: label 0 on the upper
 * half of the unit circle, (cos θ, sin θ); label 1 on the lower half of the unit circle
 * centred at (1, 0.5), (1 − cos θ, 0.5 − sin θ). Defaults n = 200, noise = 0.1.
 */
export function moons(opts: GeneratorOptions): ClassificationSet {
  return interleaved('moons', opts, (_rng, label, k, count, p) => {
    const theta = count > 1 ? (Math.PI * k) / (count - 1) : 0;
    if (label === 0) {
      p[0] = Math.cos(theta);
      p[1] = Math.sin(theta);
    } else {
      p[0] = 1 - Math.cos(theta);
      p[1] = 0.5 - Math.sin(theta);
    }
  });
}

/**
 * The planar "flower" of the classic deep-learning course: for class j ∈ {0, 1} with N points,
 * t = linspace(3.12·j, 3.12·(j+1), N) + noise·N(0,1), r = 4·sin(4t) + noise·N(0,1), and the
 * point is (r·sin t, r·cos t). Here `noise` is the jitter on t and on r (not on the
 * coordinates). Samples are grouped as in the original: class 0 first (⌈n/2⌉ points), then
 * class 1. Defaults n = 400, noise = 0.2 (the original).
 */
export function flower(opts: GeneratorOptions): ClassificationSet {
  const { n, noise, seed } = resolveGeneratorOptions(opts, TOY_2D_DEFAULTS.flower);
  const rng = createRng(seed);
  const a = 4;
  const x = zeros(n, 2);
  const labels = new Int32Array(n);
  let row = 0;
  for (let j = 0; j < 2; j++) {
    const count = j === 0 ? Math.ceil(n / 2) : Math.floor(n / 2);
    const t = new Float64Array(count);
    const start = 3.12 * j;
    const step = count > 1 ? 3.12 / (count - 1) : 0;
    for (let i = 0; i < count; i++) t[i] = start + step * i + noise * gaussian(rng);
    for (let i = 0; i < count; i++) {
      const ti = t[i]!;
      const r = a * Math.sin(4 * ti) + noise * gaussian(rng);
      x.data[2 * row] = r * Math.sin(ti);
      x.data[2 * row + 1] = r * Math.cos(ti);
      labels[row] = j;
      row++;
    }
  }
  return { kind: 'classification', name: 'flower', x, labels, numClasses: 2 };
}

/**
 * Pure noise: standard-normal points with labels drawn uniformly at random, independent of the
 * points; a network can only memorise them, never generalise. `noise` is accepted for a
 * uniform signature and has no effect. Defaults n = 400.
 */
export function randomLabels(opts: GeneratorOptions): ClassificationSet {
  const { n, seed } = resolveGeneratorOptions(opts, TOY_2D_DEFAULTS['random-labels']);
  const rng = createRng(seed);
  const x = zeros(n, 2);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    x.data[2 * i] = gaussian(rng);
    x.data[2 * i + 1] = gaussian(rng);
    labels[i] = uniformInt(rng, 2);
  }
  return { kind: 'classification', name: 'random-labels', x, labels, numClasses: 2 };
}

/** Every toy problem by name. */
export const TOY_2D: Readonly<Record<Toy2dName, (opts: GeneratorOptions) => ClassificationSet>> = {
  circle,
  xor,
  gaussians,
  spiral,
  moons,
  flower,
  'random-labels': randomLabels,
};
