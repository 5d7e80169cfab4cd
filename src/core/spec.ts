/**
 * The settings a network is built and trained with, as plain serialisable objects, and their
 * validation. Every validator checks the whole object and throws a ConfigError naming the
 * offending field before anything is changed.
 */
import { ACTIVATIONS, type ActivationName } from './activations.ts';
import { ConfigError, requireFinite, requireInRange, requireInteger, requireOneOf } from './errors.ts';
import { LAMBDA, NETWORK_LIMITS } from './limits.ts';

export const LOSSES = [
  'softmax-cross-entropy',
  'sigmoid-binary-cross-entropy',
  'squared-error-half',
  'mean-squared-error',
] as const;
export type LossName = (typeof LOSSES)[number];

/** Layer 0 is the input and has no activation; layers 1..L each have one. */
export interface LayerSpec {
  readonly units: number;
  readonly activation?: ActivationName;
}

export interface NetworkSpec {
  readonly layers: readonly LayerSpec[];
  readonly loss: LossName;
}

export const REGULARIZATIONS = ['none', 'l2', 'l1'] as const;
export type RegularizationKind = (typeof REGULARIZATIONS)[number];
/** Applies to weights only, never to biases. L2: ½·λ·ΣW²; L1: λ·Σ|W|. */
export interface Regularization {
  readonly kind: RegularizationKind;
  readonly lambda: number;
}

export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerKind = (typeof OPTIMIZERS)[number];
export type OptimizerConfig =
  | { readonly kind: 'sgd' }
  | { readonly kind: 'momentum'; readonly momentum: number }
  | { readonly kind: 'adam'; readonly beta1: number; readonly beta2: number; readonly epsilon: number };

export interface Hyperparameters {
  readonly learningRate: number;
  readonly optimizer: OptimizerConfig;
  readonly regularization: Regularization;
}

export type WeightInit =
  | { readonly kind: 'gaussian'; readonly std: number }
  | { readonly kind: 'standard-normal' }
  | { readonly kind: 'xavier' }
  | { readonly kind: 'he' };
export type BiasInit =
  | { readonly kind: 'zero' }
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'standard-normal' };
export interface InitConfig {
  readonly weights: WeightInit;
  readonly biases: BiasInit;
}

/** The network's bounds (see limits.ts). */
export const LIMITS = NETWORK_LIMITS;

export const DEFAULT_HYPERPARAMETERS: Hyperparameters = {
  learningRate: 0.1,
  optimizer: { kind: 'sgd' },
  regularization: { kind: 'none', lambda: 0 },
};

function requireObject(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(field, `must be an object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
  }
  return value as Record<string, unknown>;
}

/** The number of weight layers L (layers minus the input layer). */
export function depth(spec: NetworkSpec): number {
  return spec.layers.length - 1;
}

export function validateNetworkSpec(value: unknown, field = 'network'): NetworkSpec {
  const o = requireObject(field, value);
  const layers = o['layers'];
  if (!Array.isArray(layers)) throw new ConfigError(`${field}.layers`, 'must be an array of layers');
  if (layers.length < 2) throw new ConfigError(`${field}.layers`, { code: 'input-and-output' });
  if (layers.length > LIMITS.maxHiddenLayers + 2) {
    throw new ConfigError(`${field}.layers`, { code: 'hidden-layers', max: LIMITS.maxHiddenLayers, got: layers.length - 2 });
  }
  const out: LayerSpec[] = [];
  layers.forEach((layer: unknown, l: number) => {
    const lf = `${field}.layers[${l}]`;
    const lo = requireObject(lf, layer);
    const isInput = l === 0;
    const isOutput = l === layers.length - 1;
    const max = isInput ? LIMITS.maxInputUnits : isOutput ? LIMITS.maxOutputUnits : LIMITS.maxHiddenUnits;
    const units = requireInteger(`${lf}.units`, lo['units'], 1, max);
    if (isInput) {
      if (lo['activation'] !== undefined) throw new ConfigError(`${lf}.activation`, { code: 'input-activation' });
      out.push({ units });
    } else {
      out.push({ units, activation: requireOneOf(`${lf}.activation`, lo['activation'], ACTIVATIONS) });
    }
  });
  const loss = requireOneOf(`${field}.loss`, o['loss'], LOSSES);
  const outputLayer = out[out.length - 1]!;
  if ((loss === 'softmax-cross-entropy' || loss === 'sigmoid-binary-cross-entropy') && outputLayer.activation !== 'identity') {
    throw new ConfigError(
      `${field}.layers[${out.length - 1}].activation`,
      `${loss} applies its own ${loss.startsWith('softmax') ? 'softmax' : 'sigmoid'} to the output, so the output layer's activation must be identity, got ${outputLayer.activation}`,
    );
  }
  if (loss === 'softmax-cross-entropy' && outputLayer.units < 2) {
    throw new ConfigError(`${field}.layers[${out.length - 1}].units`, { code: 'softmax-outputs' });
  }
  return { layers: out, loss };
}

export function validateRegularization(value: unknown, field = 'regularization'): Regularization {
  const o = requireObject(field, value);
  const kind = requireOneOf(`${field}.kind`, o['kind'], REGULARIZATIONS);
  const lambda = kind === 'none' && o['lambda'] === undefined ? 0 : requireInRange(`${field}.lambda`, o['lambda'], LAMBDA.min, LAMBDA.max);
  return { kind, lambda };
}

export function validateOptimizer(value: unknown, field = 'optimizer'): OptimizerConfig {
  const o = requireObject(field, value);
  const kind = requireOneOf(`${field}.kind`, o['kind'], OPTIMIZERS);
  switch (kind) {
    case 'sgd':
      return { kind };
    case 'momentum':
      return { kind, momentum: requireInRange(`${field}.momentum`, o['momentum'], 0, 0.999999) };
    case 'adam': {
      const beta1 = requireInRange(`${field}.beta1`, o['beta1'], 0, 0.999999);
      const beta2 = requireInRange(`${field}.beta2`, o['beta2'], 0, 0.999999999);
      const epsilon = requireInRange(`${field}.epsilon`, o['epsilon'], 1e-300, 1);
      return { kind, beta1, beta2, epsilon };
    }
  }
}

export function validateHyperparameters(value: unknown, field = 'hyper'): Hyperparameters {
  const o = requireObject(field, value);
  const learningRate = requireFinite(`${field}.learningRate`, o['learningRate']);
  if (learningRate <= 0) throw new ConfigError(`${field}.learningRate`, { code: 'positive', got: learningRate });
  return {
    learningRate,
    optimizer: validateOptimizer(o['optimizer'], `${field}.optimizer`),
    regularization: validateRegularization(o['regularization'], `${field}.regularization`),
  };
}

export function validateInit(value: unknown, field = 'init'): InitConfig {
  const o = requireObject(field, value);
  const w = requireObject(`${field}.weights`, o['weights']);
  const b = requireObject(`${field}.biases`, o['biases']);
  const wKind = requireOneOf(`${field}.weights.kind`, w['kind'], ['gaussian', 'standard-normal', 'xavier', 'he'] as const);
  const weights: WeightInit =
    wKind === 'gaussian' ? { kind: wKind, std: requireInRange(`${field}.weights.std`, w['std'], 0, 100) } : { kind: wKind };
  const bKind = requireOneOf(`${field}.biases.kind`, b['kind'], ['zero', 'constant', 'standard-normal'] as const);
  const biases: BiasInit =
    bKind === 'constant' ? { kind: bKind, value: requireInRange(`${field}.biases.value`, b['value'], -100, 100) } : { kind: bKind };
  return { weights, biases };
}
