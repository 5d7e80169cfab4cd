/**
 * Each preset's readable title, in English and 简体中文, shown beside the preset picker. The rest
 * of where a preset comes from (provenance.ts) loads when it is first shown.
 */
export interface Words {
  readonly en: string;
  readonly zh: string;
}

export const PRESET_TITLES: Readonly<Record<string, Words>> = {
  'mnist-two-layer-relu': { en: 'MNIST, 784-50-10 with ReLU and softmax, mini-batch SGD', zh: 'MNIST 手写数字，784-50-10，ReLU + softmax，小批量 SGD' },
  'mnist-two-layer-sigmoid': { en: 'MNIST, 784-50-10 with sigmoid and softmax, mini-batch SGD', zh: 'MNIST 手写数字，784-50-10，sigmoid + softmax，小批量 SGD' },
  'mnist-sigmoid-quadratic': { en: 'MNIST, 784-30-10 sigmoid with the quadratic cost, SGD η = 3.0', zh: 'MNIST 手写数字，784-30-10 sigmoid，二次代价，SGD η = 3.0' },
  'mnist-l2-last-4000': { en: 'MNIST, 784-100-10 on the last 4 000 images with L2 regularization', zh: 'MNIST 手写数字，784-100-10，最后 4 000 张图像，L2 正则化' },
  'mnist-l2-last-4000-as-written': { en: 'The same L2 experiment as written: mean squared error, λ = 0.1 literally', zh: '同一个 L2 实验按原文：均方误差，λ 按字面取 0.1' },
  'planar-2-4-1': { en: 'Planar “flower” data, 2-4-1 tanh with a sigmoid output, gradient descent', zh: '平面“花朵”数据，2-4-1 tanh + sigmoid 输出，梯度下降' },
  'planar-2-4-1-random-labels': { en: 'The same 2-4-1 net on random labels: it cannot learn noise', zh: '同一个 2-4-1 网络用随机标签：噪声学不会' },
  'deep-sigmoid-2-8-8-8-8-1': { en: 'Deep sigmoid net 2-8-8-8-8-1 on a circle: δ vanishes towards the input', zh: '深层 sigmoid 网络 2-8-8-8-8-1，圆环数据：误差项 δ 向输入层逐层消失' },
  'deep-relu-2-8-8-8-8-1': { en: 'The same deep net with ReLU: δ keeps its size', zh: '同一个深层网络改用 ReLU：误差项 δ 保持大小' },
  'sigmoid-2-3-3-1': { en: 'XOR, 2-3-3-1 all-sigmoid net, quadratic cost', zh: 'XOR 数据，2-3-3-1 全 sigmoid 网络，二次代价' },
  'regression-relu': { en: 'Noisy sine, 1-32-1 ReLU, squared error', zh: '带噪声的正弦曲线，1-32-1 ReLU，平方误差' },
  'spiral-deep-tanh': { en: 'Spiral, six hidden layers of eight tanh units', zh: '螺旋数据，六个隐藏层，每层八个 tanh 单元' },
};
