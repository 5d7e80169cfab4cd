/**
 * Where each preset comes from, for the screen: a readable title, the source it reproduces
 * (book and chapter), the figure the source publishes, and what this lab changed and why, in
 * English and 简体中文. The machine-readable settings stay in catalog.ts; this is their story.
 */
import { PRESET_TITLES, type Words } from './titles.ts';

export type { Words };

export interface Provenance {
  readonly title: Words;
  /** Book (or site) and chapter. */
  readonly source: Words;
  /** The figure the source prints; absent when it prints none. */
  readonly figure?: Words;
  /** What the lab does differently from the source, and why. */
  readonly changes: Words;
}

const SAITO: Words = {
  en: 'Saito, “Deep Learning from Scratch” (O’Reilly Japan, 2016), ch. 5 (train_neuralnet.py)',
  zh: '斋藤康毅《深度学习入门：基于 Python 的理论与实现》（2016），第 5 章（train_neuralnet.py）',
};

/** Each preset's story; its title is in titles.ts, which the first screen loads alone. */
const STORIES: Readonly<Record<string, Omit<Provenance, 'title'>>> = {
  'mnist-two-layer-relu': {
    source: SAITO,
    figure: { en: 'train accuracy 0.9779, test 0.9690 after 10 000 iterations', zh: '10 000 次迭代后训练准确率 0.9779，测试准确率 0.9690' },
    changes: {
      en: 'Batches come from the lab’s seeded generator instead of np.random, so a run is repeatable but not the book’s run. The 1/m of SoftmaxWithLoss.backward sits in Affine.backward here (same gradients).',
      zh: '批次由实验室带种子的随机数生成器抽取，而不是 np.random，因此每次运行可复现，但与书中那一次不同。SoftmaxWithLoss.backward 中的 1/m 在这里放到了 Affine.backward 中（梯度相同）。',
    },
  },
  'mnist-two-layer-sigmoid': {
    source: {
      en: 'Saito, “Deep Learning from Scratch” (2016), ch. 4 (two_layer_net.py, train_neuralnet.py)',
      zh: '斋藤康毅《深度学习入门：基于 Python 的理论与实现》（2016），第 4 章（two_layer_net.py、train_neuralnet.py）',
    },
    figure: { en: 'train accuracy 0.9471, test 0.9465 after 10 000 iterations', zh: '10 000 次迭代后训练准确率 0.9471，测试准确率 0.9465' },
    changes: {
      en: 'The book’s chapter 4 trains with numerical gradients; here the same net trains with backpropagation, whose gradients agree with them (see the gradient check). Batches from the lab’s seeded generator.',
      zh: '书中第 4 章用数值梯度训练；这里同一个网络用反向传播训练，两者的梯度一致（见梯度检验）。批次由实验室带种子的生成器抽取。',
    },
  },
  'mnist-sigmoid-quadratic': {
    source: {
      en: 'Nielsen, “Neural Networks and Deep Learning” (2015), ch. 1 (network.py)',
      zh: 'Nielsen《神经网络与深度学习》（2015），第 1 章（network.py）',
    },
    figure: { en: 'test accuracy 95.42 % at the best of 30 epochs', zh: '30 个周期中最好的一次测试准确率 95.42%' },
    changes: {
      en: 'Nielsen’s update is (η/m)·Σ over the mini-batch: the same as the lab’s mean gradient. His first 50 000 images train (the rest validate), as here. The shuffle is the lab’s seeded one instead of random.shuffle.',
      zh: 'Nielsen 的更新是 (η/m)·Σ 对小批量求和，与实验室的平均梯度相同。和书中一样，用前 50 000 张图像训练（其余作验证）。打乱顺序用实验室带种子的方法，而不是 random.shuffle。',
    },
  },
  'mnist-l2-last-4000': {
    source: {
      en: 'The L2 exercise of the course material the lab was built beside: two-layer net, last 4 000 training images, λ = 0.1, batch 300, 2 000 iterations',
      zh: '本实验室所配套课程材料中的 L2 练习：两层网络，最后 4 000 张训练图像，λ = 0.1，批大小 300，2 000 次迭代',
    },
    changes: {
      en: 'λ = 0.1 in the source’s λ/(2n)·ΣW² with n = 4 000 is the lab’s ½·λ′·ΣW² with λ′ = λ/n = 2.5·10⁻⁵. The squared error is halved (the lab’s squared-error-half) instead of the source’s mean squared error. Xavier init and lr 0.1 are ours (0.5 oscillates). The preset “as written” takes both literally.',
      zh: '原文 λ/(2n)·ΣW² 中的 λ = 0.1（n = 4 000）相当于实验室 ½·λ′·ΣW² 中的 λ′ = λ/n = 2.5·10⁻⁵。损失用减半的平方误差，而不是原文的均方误差。Xavier 初始化和学习率 0.1 是我们选的（0.5 会振荡）。“按原文”预设把两者都按字面使用。',
    },
  },
  'mnist-l2-last-4000-as-written': {
    source: {
      en: 'The L2 exercise above, with its loss and λ taken exactly as written',
      zh: '上面的 L2 练习，损失函数和 λ 完全按原文',
    },
    changes: {
      en: 'Taken literally, ½·0.1·ΣW² starts about ten times the mean squared error (objective 10.7, data loss 0.9), and each step mostly shrinks the weights. Measured here (seed 0): test accuracy 0.54 after 100 iterations, then the weights shrink towards zero and it falls to chance, 0.11 by iteration 400 and at the end (with λ/n: 0.89).',
      zh: '按字面理解，½·0.1·ΣW² 起初约为均方误差的十倍（目标函数 10.7，数据损失 0.9），每一步主要是在缩小权重。本机实测（种子 0）：100 次迭代后测试准确率 0.54，随后权重趋向零，准确率在第 400 次迭代时降到随机水平 0.11，最终也是如此（用 λ/n 时为 0.89）。',
    },
  },
  'planar-2-4-1': {
    source: {
      en: 'deeplearning.ai, Neural Networks and Deep Learning (course 1), week 3: “Planar data classification with one hidden layer”',
      zh: 'deeplearning.ai《神经网络与深度学习》（第 1 门课）第 3 周：“用一个隐藏层对平面数据分类”',
    },
    figure: { en: 'training accuracy 90 %', zh: '训练准确率 90%' },
    changes: {
      en: 'The 400 flower points come from the lab’s own seeded generator: the same shape, not the same points. The course writes columns (z = W·a + b); its W is the lab’s Wᵀ.',
      zh: '400 个花朵点由实验室自己带种子的生成器产生：形状相同，点并不相同。课程用列向量（z = W·a + b），它的 W 是实验室的 Wᵀ。',
    },
  },
  'planar-2-4-1-random-labels': {
    source: { en: 'Ours, after the planar exercise', zh: '我们自己的实验，仿照平面数据练习' },
    figure: { en: 'none; test accuracy should stay at chance, about 0.5', zh: '无；测试准确率应停留在随机水平，约 0.5' },
    changes: { en: 'Standard-normal points with coin-flip labels, split 300/100.', zh: '标准正态分布的点，标签随机抛硬币决定，按 300/100 划分。' },
  },
  'deep-sigmoid-2-8-8-8-8-1': {
    source: {
      en: 'Ours, after the vanishing-gradient discussion of Nielsen, “Neural Networks and Deep Learning”, ch. 5',
      zh: '我们自己的实验，仿照 Nielsen《神经网络与深度学习》第 5 章对梯度消失的讨论',
    },
    changes: {
      en: 'No source to follow: four hidden layers of eight sigmoid units, Xavier init, SGD lr 0.5, batch 20. Each layer multiplies δ by σ′(z) ≤ ¼.',
      zh: '没有可对照的原文：四个隐藏层，每层八个 sigmoid 单元，Xavier 初始化，SGD 学习率 0.5，批大小 20。每经过一层，δ 都乘上 σ′(z) ≤ ¼。',
    },
  },
  'deep-relu-2-8-8-8-8-1': {
    source: { en: 'Ours, the ReLU twin of the deep sigmoid net', zh: '我们自己的实验，深层 sigmoid 网络的 ReLU 版本' },
    changes: { en: 'He init instead of Xavier; everything else as the sigmoid net.', zh: '用 He 初始化代替 Xavier；其余与 sigmoid 网络相同。' },
  },
  'sigmoid-2-3-3-1': {
    source: {
      en: 'Ours: the small sigmoid network of textbook derivations of backpropagation, for lessons 2 and 3',
      zh: '我们自己的实验：教科书推导反向传播时常用的小型 sigmoid 网络，用于第 2、3 课',
    },
    changes: {
      en: 'No source to follow: Xavier init, SGD lr 2, batches of 4, so that a gradient entry is a mean of four products one can compute by hand.',
      zh: '没有可对照的原文：Xavier 初始化，SGD 学习率 2，批大小 4，这样一个梯度元素是可以手算的四个乘积的平均。',
    },
  },
  'regression-relu': {
    source: { en: 'Ours: regression with one ReLU hidden layer', zh: '我们自己的实验：一个 ReLU 隐藏层做回归' },
    changes: { en: 'No source to follow: He init, SGD lr 0.05, batch 10.', zh: '没有可对照的原文：He 初始化，SGD 学习率 0.05，批大小 10。' },
  },
  'spiral-deep-tanh': {
    source: { en: 'TensorFlow Playground (playground.tensorflow.org), its largest network', zh: 'TensorFlow Playground（playground.tensorflow.org）中最大的网络' },
    changes: {
      en: 'The Playground’s output is tanh with squared error; here a sigmoid output with cross-entropy, Xavier init and 20 000 steps.',
      zh: 'Playground 的输出层是 tanh 加平方误差；这里用 sigmoid 输出加交叉熵、Xavier 初始化，训练 20 000 步。',
    },
  },
};

export const PROVENANCE: Readonly<Record<string, Provenance>> = Object.fromEntries(
  Object.entries(STORIES).map(([name, story]) => [name, { title: PRESET_TITLES[name]!, ...story }]),
);
