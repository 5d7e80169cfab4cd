import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../../src/core/network.ts';
import { createRng } from '../../../src/core/rng.ts';
import { fromRows } from '../../../src/core/tensor.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { traceToJson } from '../../../src/data/trace-file.ts';

describe('traceToJson (trace@1)', () => {
  const spec = { layers: [{ units: 2 }, { units: 3, activation: 'tanh' as const }, { units: 1, activation: 'identity' as const }], loss: 'squared-error-half' as const };
  const batch = { x: fromRows([[0.5, -1], [2, 0.25]]), t: fromRows([[1], [0]]) };

  function traced(apply: boolean) {
    const trainer = new Trainer(createNetwork(spec, { weights: { kind: 'gaussian', std: 0.5 }, biases: { kind: 'zero' } }, createRng(3)), { learningRate: 0.5, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } });
    const stepper = trainer.begin(batch, { trace: true });
    while (!stepper.done && (apply || stepper.upcoming?.kind !== 'update')) stepper.next();
    return { trace: stepper.trace(), trainer };
  }

  it('holds every layer’s z, a, δ, ∂L/∂W and ∂L/∂b as rows, without weights when not applied', () => {
    const { trace } = traced(false);
    const json = traceToJson(trace, { kind: 'none', lambda: 0 }, null) as { format: string; layers: Record<string, unknown>[] };
    expect(json.format).toBe('backprop-lab/trace@1');
    expect(json.layers.map((l) => l['layer'])).toEqual([1, 2]);
    expect(json.layers[0]!['z']).toEqual([Array.from(trace.layers[0]!.z!.data.slice(0, 3)), Array.from(trace.layers[0]!.z!.data.slice(3, 6))]);
    expect(json.layers[1]!['db']).toEqual(Array.from(trace.layers[1]!.db!));
    expect(json.layers[0]).not.toHaveProperty('W');
    expect(json).not.toHaveProperty('bugs');
    expect(traceToJson(trace, { kind: 'none', lambda: 0 }, null, ['no-transpose' as never])).toHaveProperty('bugs', ['no-transpose']);
  });

  it('adds the update and the weights after it when given them', () => {
    const { trace, trainer } = traced(true);
    const json = traceToJson(trace, { kind: 'none', lambda: 0 }, trainer.params) as { learningRate: number; layers: { W: number[][]; updateW: number[][]; dW: number[][] }[] };
    expect(json.learningRate).toBe(0.5);
    expect(json.layers[1]!.W).toEqual([[trainer.params[1]!.W.data[0]], [trainer.params[1]!.W.data[1]], [trainer.params[1]!.W.data[2]]]);
    expect(json.layers[1]!.updateW[0]![0]).toBeCloseTo(-0.5 * json.layers[1]!.dW[0]![0]!, 15);
  });
});
