/**
 * Property: on random small networks covering every activation × loss × regularization, the
 * backpropagated gradient equals a numerical one to a max relative error ≤ 1e-7.
 *
 * A central difference is meaningless where the perturbation straddles a kink (ReLU and leaky
 * ReLU at z = 0, L1 at w = 0), so cases with a pre-activation or weight within a margin of a
 * kink are discarded with fc.pre (fast-check draws a replacement).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../../src/core/activations.ts';
import { DEFAULT_GRADCHECK_H, gradientCheck } from '../../../src/core/gradcheck.ts';
import { createWorkspace, lossOnly } from '../../../src/core/passes.ts';
import { createRng } from '../../../src/core/rng.ts';
import { LOSSES, REGULARIZATIONS } from '../../../src/core/spec.ts';
import { buildNetwork, randomBatch } from './helpers.ts';

const RUNS_PER_COMBINATION = 4; // 5 activations × 4 losses × 3 regularizations × 4 = 240 networks
const KINK_MARGIN_Z = 0.02;
const KINK_MARGIN_W = 4 * DEFAULT_GRADCHECK_H;

const shapeArb = fc.record({
  inputs: fc.integer({ min: 1, max: 4 }),
  hidden: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
  outputs: fc.integer({ min: 1, max: 4 }),
  outputActivation: fc.constantFrom(...ACTIVATIONS),
  m: fc.integer({ min: 1, max: 4 }),
  lambda: fc.double({ min: 0.01, max: 1, noNaN: true }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

describe('gradient check property', () => {
  const combos = ACTIVATIONS.flatMap((act) => LOSSES.flatMap((loss) => REGULARIZATIONS.map((reg) => [act, loss, reg] as const)));
  let checked = 0;

  it.each(combos)('%s hidden, %s, %s regularization', (act, lossName, regKind) => {
    fc.assert(
      fc.property(shapeArb, (s) => {
        const outputs = lossName === 'softmax-cross-entropy' ? Math.max(2, s.outputs) : s.outputs;
        const rng = createRng(s.seed);
        const net = buildNetwork(
          { inputs: s.inputs, hidden: s.hidden, outputs, hiddenActivation: act, outputActivation: s.outputActivation, loss: lossName },
          rng,
        );
        const batch = randomBatch(s.inputs, outputs, lossName, s.m, rng);
        const reg = { kind: regKind, lambda: regKind === 'none' ? 0 : s.lambda };

        if (regKind === 'l1') fc.pre(net.params.every((p) => p.W.data.every((w) => Math.abs(w) > KINK_MARGIN_W)));
        const ws = createWorkspace(net.spec, s.m);
        lossOnly(net.spec, net.params, reg, ws, batch);
        ws.layers.forEach((buf, i) => {
          const f = net.spec.layers[i + 1]!.activation!;
          if (f === 'relu' || f === 'leaky-relu') fc.pre(buf.z.data.every((z) => Math.abs(z) > KINK_MARGIN_Z));
        });

        const report = gradientCheck(net.spec, net.params, reg, batch);
        checked++;
        expect(report.tensors).toHaveLength(2 * (s.hidden.length + 1));
        expect(report.maxRelError).toBeLessThanOrEqual(1e-7);
      }),
      { numRuns: RUNS_PER_COMBINATION, seed: 20261124 },
    );
  });

  it('checked at least 200 networks', () => {
    expect(checked).toBeGreaterThanOrEqual(200);
  });
});
