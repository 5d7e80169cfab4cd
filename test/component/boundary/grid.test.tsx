/** The boundary's pure functions against hand-built networks whose outputs are known in closed form. */
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../../src/core/activations.ts';
import type { NetworkSpec } from '../../../src/core/spec.ts';
import { fromRows, zeros } from '../../../src/core/tensor.ts';
import { affordableResolution, boundaryGrid, decisionRule, GRID_BUDGET, gridRange, hiddenActivations, paramsFit, unitColumn } from '../../../src/views/boundary/decision.ts';
import { cellCentre, gridInputs, planeExtent } from '../../../src/views/boundary/plane.ts';
import { classColour, classPixels, signedPixels } from '../../../src/views/shared/pixels.ts';

/** 2-1 network with output p = σ(x₁): W = [1, 0]ᵀ, b = 0. */
const sigmoidNet: NetworkSpec = { layers: [{ units: 2 }, { units: 1, activation: 'identity' }], loss: 'sigmoid-binary-cross-entropy' };
const sigmoidParams = [{ W: fromRows([[1], [0]]), b: Float64Array.of(0) }];
const square = { x1: [-2, 2], x2: [-2, 2] } as const;

describe('planeExtent and the grid', () => {
  it('is a square around the points with a margin, and [−1, 1]² without points', () => {
    const e = planeExtent(fromRows([[0, 0], [4, 2]]), 0.1);
    [...e.x1, ...e.x2].forEach((v, k) => expect(v).toBeCloseTo([-0.4, 4.4, -1.4, 3.4][k]!, 12));
    expect(planeExtent(zeros(0, 2))).toEqual({ x1: [-1, 1], x2: [-1, 1] });
    const one = planeExtent(fromRows([[3, 5]]), 0);
    expect(one).toEqual({ x1: [2, 4], x2: [4, 6] });
  });

  it('puts row 0 at the top (largest x₂) and column 0 at the left (smallest x₁)', () => {
    expect(cellCentre(square, 4, 0, 0)).toEqual([-1.5, 1.5]);
    expect(cellCentre(square, 4, 3, 2)).toEqual([0.5, -1.5]);
    const x = gridInputs(square, 4);
    expect(x.rows).toBe(16);
    expect(Array.from(x.data.subarray(2 * (3 * 4 + 2), 2 * (3 * 4 + 2) + 2))).toEqual([0.5, -1.5]);
  });
});

describe('boundaryGrid', () => {
  it('is σ(x₁) − 0.5 at every cell of a 2-1 sigmoid network', () => {
    const res = 8;
    const values = boundaryGrid(sigmoidNet, sigmoidParams, square, res);
    expect(values.length).toBe(res * res);
    for (let r = 0; r < res; r++) {
      for (let c = 0; c < res; c++) {
        const [x1] = cellCentre(square, res, r, c);
        expect(values[r * res + c]).toBeCloseTo(sigmoid(x1) - 0.5, 14);
      }
    }
    expect(values[0]).toBeCloseTo(sigmoid(-1.75) - 0.5, 14); // top-left cell centre x₁ = −1.75
    expect(values[res - 1]).toBeCloseTo(sigmoid(1.75) - 0.5, 14);
  });

  it('is p(class 1) − p(class 0) = tanh(z/2) for a 2-output softmax with z = (0, x₁ + x₂)', () => {
    const spec: NetworkSpec = { layers: [{ units: 2 }, { units: 2, activation: 'identity' }], loss: 'softmax-cross-entropy' };
    const params = [{ W: fromRows([[0, 1], [0, 1]]), b: new Float64Array(2) }];
    const rule = decisionRule(spec);
    expect(rule).toEqual({ kind: 'difference', range: 1, probability: true });
    const values = boundaryGrid(spec, params, square, 4, rule);
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 4; c++) {
        const [x1, x2] = cellCentre(square, 4, r, c);
        expect(values[r * 4 + c]).toBeCloseTo(Math.tanh((x1 + x2) / 2), 14);
      }
    }
  });

  it('is the argmax class for three outputs z = (x₁, x₂, 0)', () => {
    const spec: NetworkSpec = { layers: [{ units: 2 }, { units: 3, activation: 'identity' }], loss: 'softmax-cross-entropy' };
    const params = [{ W: fromRows([[1, 0, 0], [0, 1, 0]]), b: new Float64Array(3) }];
    const rule = decisionRule(spec);
    const values = boundaryGrid(spec, params, square, 4, rule);
    expect(values[4 * 3 + 3]).toBe(0); // (1.5, −1.5): x₁ largest
    expect(values[0]).toBe(1); // (−1.5, 1.5): x₂ largest
    expect(values[4 * 3 + 0]).toBe(2); // (−1.5, −1.5): 0 largest
    expect(gridRange(values, rule)).toBe(2);
  });

  it('centres one squared-error output at 0.5 for classes and at 0 for regression', () => {
    const spec: NetworkSpec = { layers: [{ units: 2 }, { units: 1, activation: 'identity' }], loss: 'squared-error-half' };
    expect(decisionRule(spec, 'classification')).toMatchObject({ kind: 'threshold', threshold: 0.5, range: null });
    expect(decisionRule(spec, 'regression')).toMatchObject({ kind: 'threshold', threshold: 0 });
    const values = boundaryGrid(spec, sigmoidParams, square, 4, decisionRule(spec, 'regression'));
    expect(values[3]).toBeCloseTo(1.5, 14); // y = x₁ itself
    expect(gridRange(values, decisionRule(spec, 'regression'))).toBeCloseTo(1.5, 14);
  });

  it('checks that parameters fit the network', () => {
    expect(paramsFit(sigmoidNet, sigmoidParams)).toBe(true);
    expect(paramsFit(sigmoidNet, [])).toBe(false);
    expect(paramsFit(sigmoidNet, undefined)).toBe(false);
    expect(paramsFit(sigmoidNet, [{ W: fromRows([[1, 0], [0, 1]]), b: new Float64Array(2) }])).toBe(false);
  });
});

describe('affordableResolution', () => {
  const net = (...hidden: number[]): NetworkSpec => ({
    layers: [{ units: 2 }, ...hidden.map((units) => ({ units, activation: 'tanh' as const })), { units: 1, activation: 'identity' }],
    loss: 'sigmoid-binary-cross-entropy',
  });

  it('keeps the wanted grid for small nets and coarsens wide ones to the budget, never below 8', () => {
    expect(affordableResolution(net(4), 64)).toBe(64);
    expect(affordableResolution(net(16, 16), 64)).toBe(64); // 304 per cell · 4096 cells = 1.2 M
    const wide = affordableResolution(net(64, 64), 64); // 4288 per cell
    expect(wide).toBe(18);
    expect(wide * wide * 4288).toBeLessThanOrEqual(GRID_BUDGET);
    expect((wide + 1) * (wide + 1) * 4288).toBeGreaterThan(GRID_BUDGET);
    expect(affordableResolution(net(1024, 1024), 64)).toBe(8);
  });
});

describe('hiddenActivations', () => {
  it('gives tanh(x₁) and tanh(2·x₂ + 0.5) for a 2-2-1 tanh net', () => {
    const spec: NetworkSpec = {
      layers: [{ units: 2 }, { units: 2, activation: 'tanh' }, { units: 1, activation: 'identity' }],
      loss: 'sigmoid-binary-cross-entropy',
    };
    const params = [
      { W: fromRows([[1, 0], [0, 2]]), b: Float64Array.of(0, 0.5) },
      { W: fromRows([[1], [1]]), b: Float64Array.of(0) },
    ];
    const [a1, ...rest] = hiddenActivations(spec, params, square, 6);
    expect(rest).toEqual([]);
    expect([a1!.rows, a1!.cols]).toEqual([36, 2]);
    const u0 = unitColumn(a1!, 0);
    const u1 = unitColumn(a1!, 1);
    for (let r = 0; r < 6; r++) {
      for (let c = 0; c < 6; c++) {
        const [x1, x2] = cellCentre(square, 6, r, c);
        expect(u0[r * 6 + c]).toBeCloseTo(Math.tanh(x1), 14);
        expect(u1[r * 6 + c]).toBeCloseTo(Math.tanh(2 * x2 + 0.5), 14);
      }
    }
  });

  it('gives one matrix per hidden layer and none without hidden layers', () => {
    const spec: NetworkSpec = {
      layers: [{ units: 2 }, { units: 3, activation: 'relu' }, { units: 2, activation: 'sigmoid' }, { units: 1, activation: 'identity' }],
      loss: 'sigmoid-binary-cross-entropy',
    };
    const params = [
      { W: zeros(2, 3), b: Float64Array.of(1, -1, 2) },
      { W: zeros(3, 2), b: Float64Array.of(0, 0) },
      { W: zeros(2, 1), b: Float64Array.of(0) },
    ];
    const maps = hiddenActivations(spec, params, square, 3);
    expect(maps.map((a) => [a.rows, a.cols])).toEqual([[9, 3], [9, 2]]);
    expect(Array.from(maps[0]!.data.subarray(0, 3))).toEqual([1, 0, 2]); // relu(b)
    expect(maps[1]!.data[0]).toBe(0.5); // σ(0)
    expect(hiddenActivations(sigmoidNet, sigmoidParams, square, 3)).toEqual([]);
  });
});

describe('pixels', () => {
  it('paints negative blue, zero near white and positive red, opaque', () => {
    const rgba = signedPixels([-1, 0, 1], 1);
    const [nr, , nb, na] = rgba.subarray(0, 4);
    const [zr, zg, zb] = rgba.subarray(4, 8);
    const [pr, , pb] = rgba.subarray(8, 12);
    expect(nb).toBeGreaterThan(nr! + 60);
    expect(pr).toBeGreaterThan(pb! + 60);
    expect(Math.min(zr!, zg!, zb!)).toBeGreaterThan(230);
    expect(na).toBe(255);
  });

  it('gives two classes the diverging ends and more classes a palette', () => {
    expect(classColour(0, 2)).not.toBe(classColour(1, 2));
    const blue = classPixels([0], 2, 0);
    expect(blue[2]).toBeGreaterThan(blue[0]!);
    expect(new Set([0, 1, 2, 3].map((k) => classColour(k, 4))).size).toBe(4);
  });
});
