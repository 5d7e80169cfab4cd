import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../../src/core/network.ts';
import { createRng } from '../../../src/core/rng.ts';
import { validateHyperparameters, validateInit, validateNetworkSpec } from '../../../src/core/spec.ts';
import { fromRows, zeros } from '../../../src/core/tensor.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { bits, fieldOf, fixture } from './helpers.ts';

const ok = { layers: [{ units: 2 }, { units: 3, activation: 'tanh' }, { units: 1, activation: 'identity' }], loss: 'sigmoid-binary-cross-entropy' };

describe('settings are refused with the field named', () => {
  it('accepts a valid spec', () => {
    expect(validateNetworkSpec(ok).layers).toHaveLength(3);
  });

  it.each([
    ['zero units', { ...ok, layers: [{ units: 2 }, { units: 0, activation: 'tanh' }, ok.layers[2]] }, 'network.layers[1].units'],
    ['fractional units', { ...ok, layers: [{ units: 2.5 }, ok.layers[1], ok.layers[2]] }, 'network.layers[0].units'],
    ['too wide a hidden layer', { ...ok, layers: [ok.layers[0], { units: 1025, activation: 'tanh' }, ok.layers[2]] }, 'network.layers[1].units'],
    ['unknown activation', { ...ok, layers: [ok.layers[0], { units: 3, activation: 'swish' }, ok.layers[2]] }, 'network.layers[1].activation'],
    ['an activation on the input', { ...ok, layers: [{ units: 2, activation: 'relu' }, ok.layers[1], ok.layers[2]] }, 'network.layers[0].activation'],
    ['unknown loss', { ...ok, loss: 'hinge' }, 'network.loss'],
    ['sigmoid before a loss that applies its own', { ...ok, layers: [ok.layers[0], ok.layers[1], { units: 1, activation: 'sigmoid' }] }, 'network.layers[2].activation'],
    ['softmax over one unit', { ...ok, loss: 'softmax-cross-entropy' }, 'network.layers[2].units'],
    ['only one layer', { ...ok, layers: [{ units: 2 }] }, 'network.layers'],
    ['nine hidden layers', { ...ok, layers: [ok.layers[0], ...Array(9).fill(ok.layers[1]), ok.layers[2]] }, 'network.layers'],
    ['layers not an array', { ...ok, layers: 3 }, 'network.layers'],
  ])('network: %s', (_, spec, field) => {
    expect(fieldOf(() => validateNetworkSpec(spec))).toBe(field);
  });

  it.each([
    ['NaN learning rate', { learningRate: NaN, optimizer: { kind: 'sgd' }, regularization: { kind: 'none' } }, 'hyper.learningRate'],
    ['negative learning rate', { learningRate: -1, optimizer: { kind: 'sgd' }, regularization: { kind: 'none' } }, 'hyper.learningRate'],
    ['unknown optimizer', { learningRate: 1, optimizer: { kind: 'rmsprop' }, regularization: { kind: 'none' } }, 'hyper.optimizer.kind'],
    ['momentum of 1', { learningRate: 1, optimizer: { kind: 'momentum', momentum: 1 }, regularization: { kind: 'none' } }, 'hyper.optimizer.momentum'],
    ['NaN beta2', { learningRate: 1, optimizer: { kind: 'adam', beta1: 0.9, beta2: NaN, epsilon: 1e-8 }, regularization: { kind: 'none' } }, 'hyper.optimizer.beta2'],
    ['negative lambda', { learningRate: 1, optimizer: { kind: 'sgd' }, regularization: { kind: 'l2', lambda: -0.1 } }, 'hyper.regularization.lambda'],
    ['unknown regularization', { learningRate: 1, optimizer: { kind: 'sgd' }, regularization: { kind: 'dropout', lambda: 0.5 } }, 'hyper.regularization.kind'],
  ])('hyperparameters: %s', (_, hyper, field) => {
    expect(fieldOf(() => validateHyperparameters(hyper))).toBe(field);
  });

  it('init: unknown kind and negative std', () => {
    expect(fieldOf(() => validateInit({ weights: { kind: 'orthogonal' }, biases: { kind: 'zero' } }))).toBe('init.weights.kind');
    expect(fieldOf(() => validateInit({ weights: { kind: 'gaussian', std: -1 }, biases: { kind: 'zero' } }))).toBe('init.weights.std');
    expect(fieldOf(() => createNetwork(ok as never, { weights: { kind: 'he' }, biases: { kind: 'constant' } } as never, createRng(0)))).toBe('init.biases.value');
  });

  it('a refused hyperparameter change leaves the trainer as it was', () => {
    const { net, batches } = fixture(1);
    const t = new Trainer(net);
    const before = t.hyper;
    expect(fieldOf(() => t.setHyperparameters({ ...before, learningRate: NaN }))).toBe('hyper.learningRate');
    expect(t.hyper).toBe(before);
    t.step(batches[0]!);
    expect(t.steps).toBe(1);
  });

  it('mismatched batch shapes and non-finite inputs are refused before any state changes', () => {
    const { net } = fixture(2);
    const t = new Trainer(net);
    const w = bits(t.params[0]!.W.data);
    expect(fieldOf(() => t.step({ x: zeros(2, 5), t: zeros(2, 3) }))).toBe('batch.x');
    expect(fieldOf(() => t.step({ x: zeros(2, 6), t: zeros(2, 4) }))).toBe('batch.t');
    expect(fieldOf(() => t.step({ x: zeros(2, 6), t: zeros(3, 3) }))).toBe('batch.t');
    expect(fieldOf(() => t.step({ x: zeros(0, 6), t: zeros(0, 3) }))).toBe('batch.x');
    const bad = zeros(1, 6);
    bad.data[3] = NaN;
    expect(fieldOf(() => t.step({ x: bad, t: zeros(1, 3) }))).toBe('batch.x');
    expect(bits(t.params[0]!.W.data)).toEqual(w);
    expect(t.steps).toBe(0);
  });

  it('parameters of the wrong shape or with NaN are refused', () => {
    const { net } = fixture(3);
    const t = new Trainer(net);
    expect(fieldOf(() => t.setParams([net.params[0]!]))).toBe('params');
    expect(fieldOf(() => t.setParams([{ W: fromRows([[1]]), b: Float64Array.of(0) }, net.params[1]!, net.params[2]!]))).toBe('params[0].W');
    const nan = { W: { ...net.params[1]!.W, data: net.params[1]!.W.data.map(() => NaN) }, b: net.params[1]!.b };
    expect(fieldOf(() => t.setParams([net.params[0]!, nan, net.params[2]!]))).toBe('params[1].W');
  });
});
