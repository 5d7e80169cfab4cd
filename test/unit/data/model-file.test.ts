import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../../src/core/network.ts';
import { createRng } from '../../../src/core/rng.ts';
import { parseBatchFile } from '../../../src/data/batch-file.ts';
import { MODEL_FORMAT, modelToJson, parseModelFile } from '../../../src/data/model-file.ts';
import { fieldOf } from '../core/helpers.ts';

const spec = { layers: [{ units: 3 }, { units: 2, activation: 'relu' as const }, { units: 2, activation: 'identity' as const }], loss: 'softmax-cross-entropy' as const };

describe('model file', () => {
  const net = createNetwork(spec, { weights: { kind: 'he' }, biases: { kind: 'constant', value: 0.5 } }, createRng(1));
  const json = modelToJson(net, { kind: 'l2', lambda: 0.01 }) as Record<string, unknown>;

  it('round-trips a network exactly', () => {
    expect(json['format']).toBe(MODEL_FORMAT);
    const back = parseModelFile(JSON.stringify(json));
    expect(back.network.spec).toEqual(spec);
    expect(back.regularization).toEqual({ kind: 'l2', lambda: 0.01 });
    expect(Array.from(back.network.params[0]!.W.data)).toEqual(Array.from(net.params[0]!.W.data));
    expect(Array.from(back.network.params[1]!.b)).toEqual([0.5, 0.5]);
  });

  it('stores W with one row per unit below', () => {
    const params = json['params'] as { W: number[][] }[];
    expect(params[0]!.W).toHaveLength(3);
    expect(params[0]!.W[0]).toHaveLength(2);
  });

  it.each([
    ['not JSON', '{', 'model'],
    ['wrong format', JSON.stringify({ ...json, format: 'other@1' }), 'format'],
    ['unknown activation', JSON.stringify({ ...json, layers: [{ units: 3 }, { units: 2, activation: 'gelu' }, { units: 2, activation: 'identity' }] }), 'model.layers[1].activation'],
    ['unknown loss', JSON.stringify({ ...json, loss: 'hinge' }), 'model.loss'],
    ['missing params', JSON.stringify({ ...json, params: undefined }), 'params'],
    ['W with a row too few', JSON.stringify({ ...json, params: [{ W: [[1, 2], [3, 4]], b: [0, 0] }, (json['params'] as unknown[])[1]] }), 'params[0].W'],
    ['a string weight', JSON.stringify({ ...json, params: [{ W: [[1, 2], [3, 'x'], [5, 6]], b: [0, 0] }, (json['params'] as unknown[])[1]] }), 'params[0].W[1][1]'],
    ['b too long', JSON.stringify({ ...json, params: [{ W: [[1, 2], [3, 4], [5, 6]], b: [0, 0, 0] }, (json['params'] as unknown[])[1]] }), 'params[0].b'],
  ])('refuses %s, naming the field', (_, text, field) => {
    expect(fieldOf(() => parseModelFile(text))).toBe(field);
  });
});

describe('batch file', () => {
  it('reads rows of targets', () => {
    const b = parseBatchFile(JSON.stringify({ x: [[1, 2, 3]], t: [[0, 1]] }), 3, 2);
    expect(Array.from(b.t.data)).toEqual([0, 1]);
  });

  it('turns class indices into one-hot rows, or a 0/1 column for one output', () => {
    expect(Array.from(parseBatchFile(JSON.stringify({ x: [[1], [2]], t: [1, 0] }), 1, 3).t.data)).toEqual([0, 1, 0, 1, 0, 0]);
    expect(Array.from(parseBatchFile(JSON.stringify({ x: [[1], [2]], t: [1, 0] }), 1, 1).t.data)).toEqual([1, 0]);
  });

  it.each([
    ['x rows of the wrong width', { x: [[1, 2]], t: [[0, 1]] }, 'x[0]'],
    ['t of another length', { x: [[1, 2, 3]], t: [[0, 1], [1, 0]] }, 't'],
    ['a class index out of range', { x: [[1, 2, 3]], t: [2] }, 't[0]'],
    ['no x', { t: [1] }, 'x'],
    ['a NaN-like value', { x: [[1, null, 3]], t: [1] }, 'x[0][1]'],
  ])('refuses %s, naming the field', (_, json, field) => {
    expect(fieldOf(() => parseBatchFile(JSON.stringify(json), 3, 2))).toBe(field);
  });
});
