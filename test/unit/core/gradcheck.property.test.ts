/**
 * Property: on random small networks covering every activation × loss × regularization, the
 * backpropagated gradient equals a numerical one to a max relative error ≤ 1e-7.
 *
 * Nothing is discarded: where a perturbation straddles a kink (ReLU and leaky ReLU at z = 0,
 * L1 at w = 0) the check itself flags the entry and leaves it out of its figures, so this
 * property also tests that kink detection.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../../src/core/activations.ts';
import { gradientCheck } from '../../../src/core/gradcheck.ts';
import { createRng } from '../../../src/core/rng.ts';
import { LOSSES, REGULARIZATIONS } from '../../../src/core/spec.ts';
import { buildNetwork, randomBatch } from './helpers.ts';

const RUNS_PER_COMBINATION = 4; // 5 activations × 4 losses × 3 regularizations × 4 = 240 networks

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
