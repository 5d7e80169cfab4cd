import { describe, expect, it } from 'vitest';
import { countCorrect, evaluate, predict } from '../../../src/core/metrics.ts';
import { createWorkspace, lossOnly } from '../../../src/core/passes.ts';
import { createRng } from '../../../src/core/rng.ts';
import { fromRows } from '../../../src/core/tensor.ts';
import { buildNetwork, randomBatch } from './helpers.ts';

describe('metrics', () => {
  it('counts argmax matches for several outputs and the 0.5 threshold for one', () => {
    expect(countCorrect(fromRows([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7]]), fromRows([[0, 1], [0, 1], [0, 1]]))).toBe(2);
    expect(countCorrect(fromRows([[0.6], [0.4], [0.5]]), fromRows([[1], [1], [1]]))).toBe(2);
  });

  it('evaluates in chunks exactly as one big batch would', () => {
    const rng = createRng(4);
    const net = buildNetwork({ inputs: 5, hidden: [7], outputs: 3, hiddenActivation: 'relu', outputActivation: 'identity', loss: 'softmax-cross-entropy' }, rng);
    const { x, t } = randomBatch(5, 3, 'softmax-cross-entropy', 23, rng);
    const ws = createWorkspace(net.spec, 23);
    const whole = lossOnly(net.spec, net.params, { kind: 'none', lambda: 0 }, ws, { x, t });
    const chunked = evaluate(net.spec, net.params, x, t, 5);
    expect(chunked.loss).toBeCloseTo(whole.data, 12);
    expect(chunked.count).toBe(23);
    expect(chunked.correct).toBe(countCorrect(ws.y, t));
    expect(chunked.accuracy).toBe(chunked.correct / 23);
    expect(Array.from(predict(net.spec, net.params, x, 4).data)).toEqual(Array.from(ws.y.data));
  });
});
