/**
 * The elementwise kernels that run in a trainer's arena against their TypeScript twins, bit for
 * bit and verdict for verdict, on awkward values (±0, NaN, ±Infinity, tiny and huge numbers,
 * odd lengths): every activation (the sigmoid and tanh through the imported Math.exp and
 * Math.tanh) with the z check, f′⊙δ with the δ check,
 * softmax with cross-entropy, its δ with the check, and the column sums of ∂L/∂b.
 */
import { describe, expect, it } from 'vitest';
import { activateChecked, actCode, timesDerivativeChecked } from '../../../src/core/fused.ts';
import { loss } from '../../../src/core/losses.ts';
import { activation } from '../../../src/core/activations.ts';
import { allFinite, columnSumsInto, zeros, type Matrix } from '../../../src/core/tensor.ts';
import { Arena, arenaOf } from '../../../src/core/wasm/memory.ts';
import { bits } from './helpers.ts';
import { randomSparse } from './sparse-helpers.ts';

const AWKWARD = [-3, -1e-300, -0, 0, 1e-300, 0.5, 2, 40, -40, 1e308, -1e308, 5e-324];

function arena(): Arena {
  const a = Arena.create(1 << 16, 64);
  expect(a).not.toBeNull();
  return a!;
}

/** A copy of `values` living in the arena. */
function inArena(a: Arena, values: ArrayLike<number>): Float64Array {
  const out = a.f64(values.length);
  out.set(values);
  expect(arenaOf(out)).toBe(a);
  return out;
}

function matrixIn(a: Arena, m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: inArena(a, m.data) };
}

describe('elementwise kernels in an arena', () => {
  // Lengths even and odd, so that the f64x2 pairs and the last single entry both run.
  it.each([
    ['relu', 12],
    ['relu', 11],
    ['leaky-relu', 12],
    ['leaky-relu', 7],
    ['identity', 9],
    ['sigmoid', 12],
    ['sigmoid', 11],
    ['tanh', 12],
    ['tanh', 9],
  ] as const)('%s (%i entries): a = f(z) and δ·f′(z) as the TypeScript loops give them', (name, n) => {
    const act = actCode(name);
    const ar = arena();
    const zHeap = Float64Array.from(AWKWARD.slice(0, n));
    const aHeap = new Float64Array(n);
    const finiteHeap = activateChecked(act, zHeap, aHeap); // heap arrays: the TypeScript twin
    const z = inArena(ar, zHeap);
    const a = inArena(ar, new Float64Array(n).fill(7));
    expect(activateChecked(act, z, a)).toBe(finiteHeap);
    expect(bits(a)).toEqual(bits(aHeap));
    // and the activation's own loop agrees
    const aRef = new Float64Array(n);
    activation(name).apply(zHeap, aRef);
    expect(bits(aHeap)).toEqual(bits(aRef));

    const dHeap = Float64Array.from(AWKWARD.slice(0, n), (v, s) => (s % 3 === 0 ? -0 : 0.25 - v));
    const d = inArena(ar, dHeap);
    const finiteD = timesDerivativeChecked(act, zHeap, aHeap, dHeap);
    expect(timesDerivativeChecked(act, z, a, d)).toBe(finiteD);
    expect(bits(d)).toEqual(bits(dHeap));
  });

  it.each(['relu', 'leaky-relu', 'identity', 'sigmoid', 'tanh'] as const)('%s: a non-finite z or δ anywhere is reported', (name) => {
    const act = actCode(name);
    const ar = arena();
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      for (const at of [0, 3, 4]) {
        const z = inArena(ar, [1, -2, 3, 0.5, -1].map((v, s) => (s === at ? bad : v)));
        const a = ar.f64(5);
        expect(activateChecked(act, z, a)).toBe(false);
        const zHeap = Float64Array.from(z);
        const aHeap = new Float64Array(5);
        activateChecked(act, zHeap, aHeap);
        expect(bits(a)).toEqual(bits(aHeap));
        const d = inArena(ar, [0.5, 0.5, 0.5, 0.5, 0.5].map((v, s) => (s === at ? bad : v)));
        expect(timesDerivativeChecked(act, inArena(ar, [1, 1, 1, 1, 1]), a, d)).toBe(false);
      }
    }
  });

  it.each([
    ['one-hot', 7, 10],
    ['soft targets, odd width', 5, 3],
  ])('softmax, cross-entropy and δ (%s) as losses.ts gives them', (_name, m, k) => {
    const ar = arena();
    const ce = loss('softmax-cross-entropy');
    const z = randomSparse(m, k, 0.8, m * k);
    z.data[0] = 700; // e^700 would overflow without the max subtracted
    z.data[1] = -0;
    z.data[k + 1] = -745; // e^(z − max) underflows to 0
    const t = zeros(m, k);
    for (let i = 0; i < m; i++) {
      if (_name === 'one-hot') t.data[i * k + ((i * 3) % k)] = 1;
      else for (let j = 0; j < k; j++) t.data[i * k + j] = (j + 1) / ((k * (k + 1)) / 2);
    }
    const yHeap = zeros(m, k);
    const perSampleHeap = new Float64Array(m);
    ce.predict(z, z, yHeap);
    ce.perSample(z, yHeap, t, perSampleHeap);
    const deltaHeap = zeros(m, k);
    ce.outputDelta(z, z, yHeap, t, activation('identity'), new Float64Array(m * k), deltaHeap);

    const y = matrixIn(ar, zeros(m, k));
    const perSample = ar.f64(m);
    const tIn = matrixIn(ar, t);
    expect(ar.softmaxCrossEntropy(matrixIn(ar, z), tIn, y, perSample)).toBe(true);
    expect(bits(y.data)).toEqual(bits(yHeap.data));
    expect(bits(perSample)).toEqual(bits(perSampleHeap));
    const delta = matrixIn(ar, zeros(m, k));
    expect(ar.softmaxDeltaChecked(y, tIn, delta)).toBe(allFinite(deltaHeap.data));
    expect(bits(delta.data)).toEqual(bits(deltaHeap.data));
  });

  it('softmax δ reports a non-finite prediction', () => {
    const ar = arena();
    const y = matrixIn(ar, { rows: 2, cols: 3, data: Float64Array.of(0.2, 0.3, 0.5, 0.1, Number.NaN, 0.9) });
    const t = matrixIn(ar, { rows: 2, cols: 3, data: Float64Array.of(0, 0, 1, 0, 1, 0) });
    expect(ar.softmaxDeltaChecked(y, t, matrixIn(ar, zeros(2, 3)))).toBe(false);
  });

  it.each([
    [1, 1, 1],
    [9, 10, 0.1],
    [4, 7, 1 / 3],
    [3, 5, 1],
  ])('column sums of a %i × %i matrix times %d, as columnSumsInto', (m, q, scale) => {
    const ar = arena();
    const d = randomSparse(m, q, 0.7, m + q);
    d.data[0] = -0;
    const outHeap = new Float64Array(q);
    columnSumsInto(d, scale, outHeap);
    const out = inArena(ar, new Float64Array(q).fill(3));
    columnSumsInto(matrixIn(ar, d), scale, out);
    expect(bits(out)).toEqual(bits(outHeap));
  });
});
