/**
 * The names of the mathematics' things on screen, in English and 简体中文: activations, losses,
 * data sets and the quantities a diverged run names. The identifiers (relu, squared-error-half,
 * flower…) stay what they are in the code and in links; these are what a reader sees. The
 * Chinese follows the standard terms of Chinese ML texts (激活函数, 交叉熵, 均方误差, 误差项…).
 */
import type { ActivationName } from '../core/activations.ts';
import type { Divergence } from '../core/phase-stepper.ts';
import type { LossName } from '../core/spec.ts';
import type { RegressionName } from '../presets/config.ts';
import type { Toy2dName } from '../data/toy2d.ts';
import { defineMessages } from './i18n.ts';

type DataName = Toy2dName | RegressionName | 'mnist';
type Term = `act.${ActivationName}` | `loss.${LossName}` | `data.${DataName}` | `q.${Divergence['quantity']}`;

export const useTermMessages = defineMessages<Term>({
  en: {
    'act.sigmoid': 'sigmoid',
    'act.tanh': 'tanh',
    'act.relu': 'ReLU',
    'act.leaky-relu': 'leaky ReLU',
    'act.identity': 'identity',
    'loss.softmax-cross-entropy': 'softmax cross-entropy',
    'loss.sigmoid-binary-cross-entropy': 'sigmoid binary cross-entropy',
    'loss.squared-error-half': 'squared error ½·Σ(y − t)²',
    'loss.mean-squared-error': 'mean squared error',
    'data.circle': 'circle',
    'data.xor': 'XOR',
    'data.gaussians': 'two Gaussians',
    'data.spiral': 'spiral',
    'data.moons': 'moons',
    'data.flower': 'flower',
    'data.random-labels': 'random labels',
    'data.noisy-sine': 'noisy sine',
    'data.friedman1': 'Friedman #1',
    'data.mnist': 'MNIST digits',
    'q.z': 'the weighted input z',
    'q.loss': 'the loss',
    'q.delta': 'the error term δ',
    'q.dW': 'the gradient ∂L/∂W',
    'q.db': 'the gradient ∂L/∂b',
    'q.W': 'the weights W',
    'q.b': 'the biases b',
  },
  zh: {
    'act.sigmoid': 'sigmoid（S 型函数）',
    'act.tanh': 'tanh（双曲正切）',
    'act.relu': 'ReLU（线性整流）',
    'act.leaky-relu': 'Leaky ReLU（带泄漏线性整流）',
    'act.identity': '恒等函数',
    'loss.softmax-cross-entropy': 'softmax 交叉熵',
    'loss.sigmoid-binary-cross-entropy': 'sigmoid 二元交叉熵',
    'loss.squared-error-half': '平方误差 ½·Σ(y − t)²',
    'loss.mean-squared-error': '均方误差',
    'data.circle': '圆环',
    'data.xor': '异或',
    'data.gaussians': '两个高斯簇',
    'data.spiral': '螺旋',
    'data.moons': '双月',
    'data.flower': '花朵',
    'data.random-labels': '随机标签',
    'data.noisy-sine': '带噪声的正弦',
    'data.friedman1': 'Friedman 1 号',
    'data.mnist': 'MNIST 手写数字',
    'q.z': '加权输入 z',
    'q.loss': '损失',
    'q.delta': '误差项 δ',
    'q.dW': '梯度 ∂L/∂W',
    'q.db': '梯度 ∂L/∂b',
    'q.W': '权重 W',
    'q.b': '偏置 b',
  },
});

/** Lookups of the terms in the current language. */
export function useTerms() {
  const t = useTermMessages();
  return {
    activation: (name: ActivationName) => t(`act.${name}`),
    loss: (name: LossName) => t(`loss.${name}`),
    dataset: (name: DataName) => t(`data.${name}`),
    quantity: (q: Divergence['quantity']) => t(`q.${q}`),
  };
}
