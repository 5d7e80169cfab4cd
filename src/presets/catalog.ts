/**
 * The classic textbook experiments as one-click presets. Each names its source; settings the
 * source does not give are marked "ours". Published figures are quoted as the sources print them.
 */
import type { ExperimentConfig } from './config.ts';

const TWO_LAYER_SOURCE =
  'The two-layer net of Saito, "Deep Learning from Scratch" (2016), ch. 4–5: TwoLayerNet(784, 50, 10), ' +
  'weight_init_std 0.01, SGD lr 0.1, batch 100 drawn with replacement, 10 000 iterations, ' +
  'train and test accuracy every 600 iterations (one epoch).';

const mnistTwoLayer = (hidden: 'relu' | 'sigmoid', train: number, test: number): ExperimentConfig => ({
  name: `mnist-two-layer-${hidden}`,
  title: `MNIST 784-50-10, ${hidden === 'relu' ? 'ReLU' : 'sigmoid'} + softmax, mini-batch SGD`,
  source: TWO_LAYER_SOURCE,
  network: {
    layers: [{ units: 784 }, { units: 50, activation: hidden }, { units: 10, activation: 'identity' }],
    loss: 'softmax-cross-entropy',
  },
  init: { weights: { kind: 'gaussian', std: 0.01 }, biases: { kind: 'zero' } },
  hyper: { learningRate: 0.1, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } },
  data: { kind: 'mnist', train: { part: 'train', take: 'all' }, test: { part: 't10k', take: 'all' } },
  schedule: { sampling: 'with-replacement', batchSize: 100, iterations: 10_000, evaluateEvery: 600, evaluateTrain: true },
  seed: 0,
  published: { source: 'as quoted in issue #3 for this setup', trainAccuracy: train, testAccuracy: test, measure: 'final' },
});

/**
 * The same deep, narrow net with sigmoid or ReLU hidden units, on the same circle data: with
 * sigmoid each layer multiplies δ by σ'(z) ≤ ¼, so on the graph's shared δ scale the error
 * terms fade layer by layer towards the input (the vanishing gradient); with ReLU they do not.
 */
const deepNet = (hidden: 'sigmoid' | 'relu'): ExperimentConfig => ({
  name: `deep-${hidden}-2-8-8-8-8-1`,
  title: `Deep ${hidden === 'sigmoid' ? 'sigmoid' : 'ReLU'} 2-8-8-8-8-1 on a circle: ${hidden === 'sigmoid' ? 'δ vanishes towards the input' : 'δ keeps its size'}`,
  source:
    'Ours: four hidden layers of eight units, sigmoid output with cross-entropy, on 400 circle points (a quarter ' +
    'held out). Sigmoid with Xavier init, ReLU with He init; SGD, learning rate 0.5, batch 20. Step by phase ' +
    'and watch δ on the graph\'s shared scale, then load the other one.',
  network: {
    layers: [
      { units: 2 },
      ...Array.from({ length: 4 }, () => ({ units: 8, activation: hidden })),
      { units: 1, activation: 'identity' },
    ],
    loss: 'sigmoid-binary-cross-entropy',
  },
  init: { weights: { kind: hidden === 'sigmoid' ? 'xavier' : 'he' }, biases: { kind: 'zero' } },
  hyper: { learningRate: 0.5, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } },
  data: { kind: 'toy2d', name: 'circle', n: 400, noise: 0.1, testFraction: 0.25, seed: 1 },
  schedule: { sampling: 'epochs', batchSize: 20, iterations: 6_000, evaluateEvery: 300, evaluateTrain: true },
  seed: 0,
});

export const PRESETS: readonly ExperimentConfig[] = [
  mnistTwoLayer('relu', 0.9779, 0.969),
  mnistTwoLayer('sigmoid', 0.9471, 0.9465),
  {
    name: 'mnist-sigmoid-quadratic',
    title: 'MNIST 784-30-10, sigmoid, quadratic cost, SGD η = 3.0',
    source:
      'Nielsen, "Neural Networks and Deep Learning", ch. 1 (network.py): sizes [784, 30, 10], weights and ' +
      'biases N(0, 1), 30 epochs of mini-batch 10 over the first 50 000 training images, η = 3.0, test ' +
      'accuracy on the 10 000 test images after each epoch.',
    network: {
      layers: [{ units: 784 }, { units: 30, activation: 'sigmoid' }, { units: 10, activation: 'sigmoid' }],
      loss: 'squared-error-half',
    },
    init: { weights: { kind: 'standard-normal' }, biases: { kind: 'standard-normal' } },
    hyper: { learningRate: 3.0, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } },
    data: { kind: 'mnist', train: { part: 'train', take: 'first', n: 50_000 }, test: { part: 't10k', take: 'all' } },
    schedule: { sampling: 'epochs', batchSize: 10, iterations: 30 * 5_000, evaluateEvery: 5_000, evaluateTrain: false },
    seed: 0,
    published: { source: 'Nielsen, ch. 1: best epoch of a run', testAccuracy: 0.9542, measure: 'peak' },
  },
  {
    name: 'mnist-l2-last-4000',
    title: 'MNIST 784-100-10 on the last 4 000 images, L2 λ = 0.1',
    source:
      'A two-layer net (100 sigmoid hidden units, identity output, squared error) on the last 4 000 training ' +
      'images with L2 λ = 0.1, batch 300, 2 000 iterations. λ = 0.1 is in the textbook form λ/(2n)·ΣW² with ' +
      'n = 4 000 training images, which is the core\'s ½·λ′·ΣW² with λ′ = λ/n = 2.5·10⁻⁵ (taken literally, ' +
      'λ′ = 0.1 swamps the data loss: test accuracy 0.23). Ours: Xavier init, SGD lr 0.1 (0.5 oscillates), ' +
      'batches drawn with replacement, evaluation on the 10 000 test images every 100 iterations.',
    network: {
      layers: [{ units: 784 }, { units: 100, activation: 'sigmoid' }, { units: 10, activation: 'identity' }],
      loss: 'squared-error-half',
    },
    init: { weights: { kind: 'xavier' }, biases: { kind: 'zero' } },
    hyper: { learningRate: 0.1, optimizer: { kind: 'sgd' }, regularization: { kind: 'l2', lambda: 0.1 / 4_000 } },
    data: { kind: 'mnist', train: { part: 'train', take: 'last', n: 4_000 }, test: { part: 't10k', take: 'all' } },
    schedule: { sampling: 'with-replacement', batchSize: 300, iterations: 2_000, evaluateEvery: 100, evaluateTrain: true },
    seed: 0,
  },
  {
    name: 'mnist-l2-last-4000-as-written',
    title: 'The L2 experiment as its source writes it: mean squared error, λ = 0.1 literally',
    source:
      'The mnist-l2-last-4000 experiment with the source\'s own loss and λ taken as written: the plain mean ' +
      'squared error over every output, and ½·λ·ΣW² with λ = 0.1 (not λ/n). The penalty is then thousands of ' +
      'times the data loss, so the weights are driven towards zero instead of towards the data.',
    network: {
      layers: [{ units: 784 }, { units: 100, activation: 'sigmoid' }, { units: 10, activation: 'identity' }],
      loss: 'mean-squared-error',
    },
    init: { weights: { kind: 'xavier' }, biases: { kind: 'zero' } },
    hyper: { learningRate: 0.1, optimizer: { kind: 'sgd' }, regularization: { kind: 'l2', lambda: 0.1 } },
    data: { kind: 'mnist', train: { part: 'train', take: 'last', n: 4_000 }, test: { part: 't10k', take: 'all' } },
    schedule: { sampling: 'with-replacement', batchSize: 300, iterations: 2_000, evaluateEvery: 100, evaluateTrain: true },
    seed: 0,
  },
  {
    name: 'planar-2-4-1',
    title: 'Planar flower, 2-4-1 tanh + sigmoid, gradient descent',
    source:
      'Planar data classification with one hidden layer (deeplearning.ai course 1, week 3): 400 flower points, ' +
      '4 tanh hidden units, sigmoid output with cross-entropy, weights N(0, 1)·0.01, biases 0, full-batch ' +
      'gradient descent, learning rate 1.2, 10 000 iterations, accuracy on the training points.',
    network: {
      layers: [{ units: 2 }, { units: 4, activation: 'tanh' }, { units: 1, activation: 'identity' }],
      loss: 'sigmoid-binary-cross-entropy',
    },
    init: { weights: { kind: 'gaussian', std: 0.01 }, biases: { kind: 'zero' } },
    hyper: { learningRate: 1.2, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } },
    data: { kind: 'toy2d', name: 'flower', n: 400, noise: 0.2, testFraction: 0, seed: 1 },
    schedule: { sampling: 'full-batch', batchSize: 400, iterations: 10_000, evaluateEvery: 1_000, evaluateTrain: true },
    seed: 0,
    published: { source: 'deeplearning.ai course 1, week 3 notebook', trainAccuracy: 0.9, measure: 'final' },
  },
  {
    name: 'planar-2-4-1-random-labels',
    title: 'The same 2-4-1 net on random labels (it cannot learn noise)',
    source:
      'The planar 2-4-1 net on 400 standard-normal points whose labels are coin flips, split 300/100: ' +
      'training accuracy can rise by memorising, test accuracy stays at chance (about 0.5).',
    network: {
      layers: [{ units: 2 }, { units: 4, activation: 'tanh' }, { units: 1, activation: 'identity' }],
      loss: 'sigmoid-binary-cross-entropy',
    },
    init: { weights: { kind: 'gaussian', std: 0.01 }, biases: { kind: 'zero' } },
    hyper: { learningRate: 1.2, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } },
    data: { kind: 'toy2d', name: 'random-labels', n: 400, noise: 0, testFraction: 0.25, seed: 1 },
    schedule: { sampling: 'full-batch', batchSize: 300, iterations: 10_000, evaluateEvery: 1_000, evaluateTrain: true },
    seed: 0,
  },
  {
    name: 'regression-relu',
    title: 'Noisy sine, 1-32-1 ReLU, squared error',
    source: 'Ours: a one-hidden-layer ReLU net fitting y = sin(x) + noise, He init, SGD lr 0.05, batch 10.',
    network: {
      layers: [{ units: 1 }, { units: 32, activation: 'relu' }, { units: 1, activation: 'identity' }],
      loss: 'squared-error-half',
    },
    init: { weights: { kind: 'he' }, biases: { kind: 'zero' } },
    hyper: { learningRate: 0.05, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } },
    data: { kind: 'regression', name: 'noisy-sine', n: 200, noise: 0.1, testFraction: 0.25, seed: 1 },
    schedule: { sampling: 'epochs', batchSize: 10, iterations: 6_000, evaluateEvery: 600, evaluateTrain: true },
    seed: 0,
  },
  {
    name: 'spiral-deep-tanh',
    title: 'Spiral, 2-8-8-8-8-8-8-1 tanh',
    source:
      'The largest network of the TensorFlow Playground (six hidden layers of eight tanh units, learning ' +
      'rate 0.03, batch 10, 500 spiral points half held out). Ours: sigmoid output with cross-entropy, ' +
      'Xavier init, 20 000 steps.',
    network: {
      layers: [
        { units: 2 },
        ...Array.from({ length: 6 }, () => ({ units: 8, activation: 'tanh' as const })),
        { units: 1, activation: 'identity' },
      ],
      loss: 'sigmoid-binary-cross-entropy',
    },
    init: { weights: { kind: 'xavier' }, biases: { kind: 'zero' } },
    hyper: { learningRate: 0.03, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } },
    data: { kind: 'toy2d', name: 'spiral', n: 500, noise: 0, testFraction: 0.5, seed: 1 },
    schedule: { sampling: 'epochs', batchSize: 10, iterations: 20_000, evaluateEvery: 1_000, evaluateTrain: true },
    seed: 0,
  },
  {
    name: 'sigmoid-2-3-3-1',
    title: 'XOR, 2-3-3-1 sigmoid, quadratic cost, mini-batches of 4',
    source:
      'Ours: the small all-sigmoid network of the textbook derivations of backpropagation (two hidden layers, ' +
      'a sigmoid output, the quadratic cost ½(a − t)²), small enough to compute δ and ∂L/∂W by hand. Xavier ' +
      'init, SGD lr 2, batches of 4 so that a gradient entry is a mean of four products.',
    network: {
      layers: [{ units: 2 }, { units: 3, activation: 'sigmoid' }, { units: 3, activation: 'sigmoid' }, { units: 1, activation: 'sigmoid' }],
      loss: 'squared-error-half',
    },
    init: { weights: { kind: 'xavier' }, biases: { kind: 'zero' } },
    hyper: { learningRate: 2, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } },
    data: { kind: 'toy2d', name: 'xor', n: 200, noise: 0.1, testFraction: 0.25, seed: 1 },
    schedule: { sampling: 'epochs', batchSize: 4, iterations: 20_000, evaluateEvery: 500, evaluateTrain: true },
    seed: 0,
  },
  deepNet('sigmoid'),
  deepNet('relu'),
];

export function presetNames(): string[] {
  return PRESETS.map((p) => p.name);
}

export function findPreset(name: string): ExperimentConfig | undefined {
  return PRESETS.find((p) => p.name === name);
}
