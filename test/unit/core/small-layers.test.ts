/** The direct loops of small layers against the sparse loops they stand in for, bit for bit. */
import { describe, expect, it } from 'vitest';
import { activation, ACTIVATIONS } from '../../../src/core/activations.ts';
import { actCode } from '../../../src/core/fused.ts';
import { errorTermDirect, forwardDirect, gradientsDirect } from '../../../src/core/small-layers.ts';
import { affineInto, createSparseLists, rowListsInto, transposedProductInto } from '../../../src/core/sparse.ts';
import { columnSumsInto, maxAbs, transposeInto, zeros } from '../../../src/core/tensor.ts';
import { bits } from './helpers.ts';
import { randomSparse } from './sparse-helpers.ts';

describe('direct loops of small layers', () => {
  // 1..17 outputs cover the eight-wide groups and the rest; the input has zeros and a −0 bias.
  it.each(ACTIVATIONS.flatMap((name) => [1, 7, 8, 9, 17].map((n) => [name, n] as const)))('%s, %i units: z, a, δ, ∂L/∂W and ∂L/∂b as the sparse loops give them', (name, n) => {
    const m = 6;
    const nIn = 5;
    const nAbove = 11;
    const input = randomSparse(m, nIn, 0.6, n);
    input.data[0] = -0;
    const W = randomSparse(nIn, n, 1, n + 1);
    const b = randomSparse(1, n, 1, n + 2).data;
    b[0] = -0;
    const f = activation(name);

    const z = zeros(m, n);
    const a = zeros(m, n);
    expect(forwardDirect(input, W, b, actCode(name), z, a)).toBe(true);
    const zRef = zeros(m, n);
    const aRef = zeros(m, n);
    affineInto(input, W, b, createSparseLists(m, 0), zRef);
    f.apply(zRef.data, aRef.data);
    expect(bits(z.data)).toEqual(bits(zRef.data));
    expect(bits(a.data)).toEqual(bits(aRef.data));

    const deltaAbove = randomSparse(m, nAbove, 0.7, n + 3);
    const Wabove = randomSparse(n, nAbove, 1, n + 4);
    const delta = zeros(m, n);
    expect(errorTermDirect(deltaAbove, Wabove, actCode(name), z, a, delta)).toBe(true);
    const WT = zeros(nAbove, n);
    transposeInto(Wabove, WT);
    const deltaRef = zeros(m, n);
    affineInto(deltaAbove, WT, null, createSparseLists(m, 0), deltaRef);
    const fp = new Float64Array(m * n);
    f.derivative(zRef.data, aRef.data, fp);
    for (let s = 0; s < fp.length; s++) deltaRef.data[s] *= fp[s]!;
    expect(bits(delta.data)).toEqual(bits(deltaRef.data));

    const dW = zeros(nIn, n);
    const db = new Float64Array(n);
    const max = { measured: false, W: -1, b: -1 };
    gradientsDirect(input, delta, 1 / m, dW, db, max);
    expect([max.W, max.b]).toEqual([maxAbs(dW.data), maxAbs(db)]); // the maxima, measured as stored
    const rows = createSparseLists(m, 0);
    rowListsInto(input, rows);
    const dWRef = zeros(nIn, n);
    transposedProductInto(rows, deltaRef, 1 / m, createSparseLists(nIn, 0), dWRef);
    const dbRef = new Float64Array(n);
    columnSumsInto(deltaRef, 1 / m, dbRef);
    expect(bits(dW.data)).toEqual(bits(dWRef.data));
    expect(bits(db)).toEqual(bits(dbRef));
  });

  it('tell when z or δ is not finite', () => {
    const input = randomSparse(3, 4, 1, 1);
    const W = randomSparse(4, 9, 1, 2);
    const b = new Float64Array(9);
    const z = zeros(3, 9);
    const a = zeros(3, 9);
    expect(forwardDirect(input, W, b, actCode('relu'), z, a)).toBe(true);
    b[8] = Infinity; // in the odd last column
    expect(forwardDirect(input, W, b, actCode('relu'), z, a)).toBe(false);
    b[8] = 0;
    b[2] = Number.NaN; // in the eight-wide group
    expect(forwardDirect(input, W, b, actCode('relu'), z, a)).toBe(false);
    const deltaAbove = randomSparse(3, 2, 1, 3);
    const Wabove = randomSparse(9, 2, 1, 4);
    const delta = zeros(3, 9);
    b[2] = 0;
    forwardDirect(input, W, b, actCode('tanh'), z, a);
    expect(errorTermDirect(deltaAbove, Wabove, actCode('tanh'), z, a, delta)).toBe(true);
    Wabove.data[17] = 1e308;
    deltaAbove.data[1] = 1e10;
    expect(errorTermDirect(deltaAbove, Wabove, actCode('identity'), z, a, delta)).toBe(false);
  });

  it('measure max |∂L/∂W| and max |∂L/∂b| as maxAbs gives them: NaN once an entry is not finite', () => {
    const input = randomSparse(3, 4, 1, 5);
    const dW = zeros(4, 9);
    const db = new Float64Array(9);
    const max = { measured: false, W: 0, b: 0 };
    for (const [at, value] of [[-1, 0], [2, Infinity], [8, Number.NaN], [17, -Infinity], [4, 1e308]] as const) {
      const delta = randomSparse(3, 9, 1, 6);
      if (at >= 0) delta.data[at] = value; // in the eight-wide group (2, 4, 17) or the odd last column (8)
      gradientsDirect(input, delta, value === 1e308 ? 10 : 1 / 3, dW, db, max);
      expect([max.W, max.b]).toEqual([maxAbs(dW.data), maxAbs(db)]);
      expect(Number.isNaN(max.W)).toBe(at >= 0);
    }
  });
});
