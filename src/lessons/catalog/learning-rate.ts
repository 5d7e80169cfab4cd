/**
 * Lesson 5, mini-batch SGD and the learning rate: the 784-30-10 quadratic-cost sigmoid network
 * on MNIST. η = 3 learns within an epoch; η = 100 saturates the sigmoids and never recovers
 * (its quadratic cost is bounded, so it stalls rather than blowing up); η = 0.05 crawls, and
 * raising it while training runs leaves a mark on the curve and speeds learning up.
 */
export const learningRate = {
  id: 'learning-rate',
  title: { en: 'Mini-batch SGD and the learning rate', zh: '小批量 SGD 与学习率' },
  steps: [
    {
      setup: { preset: 'mnist-sigmoid-quadratic', granularity: 'phase', tab: 'curves' },
      narration: {
        en: 'A 784-30-10 network of sigmoid units with the quadratic cost $C = \\frac{1}{2m}\\sum_i \\lVert a_i - t_i \\rVert^2$ over a mini-batch of m = 10 images. Stochastic gradient descent takes one batch at a time and moves every weight by $-\\eta\\,\\partial C/\\partial w$, here with η = 3. The training set has 50 000 images.',
        zh: '一个由 sigmoid 单元组成的 784-30-10 网络，使用二次代价 $C = \\frac{1}{2m}\\sum_i \\lVert a_i - t_i \\rVert^2$，在 m = 10 张图像的小批量上计算。随机梯度下降每次取一个批次，把每个权重移动 $-\\eta\\,\\partial C/\\partial w$，这里 η = 3。训练集有 50 000 张图像。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'How many updates make one epoch, one pass over the training set?', zh: '一个 epoch（遍历训练集一次）包含多少次更新？' },
        options: [
          { en: '5 000', zh: '5 000' },
          { en: '50 000', zh: '50 000' },
          { en: '10', zh: '10' },
        ],
        correct: 0,
        explanation: { en: '50 000 images ÷ 10 per batch = 5 000 updates. The test accuracy is measured after each epoch.', zh: '50 000 张图像 ÷ 每批 10 张 = 5 000 次更新。每个 epoch 之后测量一次测试准确率。' },
      },
    },
    {
      setup: { reach: { step: 0, phase: 'update' }, tab: 'heatmaps' },
      narration: {
        en: 'One step has run to its update. The gradient of one output weight was ∂C/∂W²[0][0] = {dW[2][0][0]}, and the learning rate is η = {lr}.',
        zh: '一步已运行到更新。一个输出权重的梯度为 ∂C/∂W²[0][0] = {dW[2][0][0]}，学习率 η = {lr}。',
      },
      question: {
        kind: 'number',
        prompt: { en: 'By how much did the update change W²[0][0]?', zh: '更新让 W²[0][0] 改变了多少？' },
        value: 'updateW[2][0][0]',
        tolerance: { rel: 0.02, abs: 0.000001 },
        explanation: { en: 'ΔW²[0][0] = −η·∂C/∂W²[0][0] = −{lr} × {dW[2][0][0]} = {updateW[2][0][0]}.', zh: 'ΔW²[0][0] = −η·∂C/∂W²[0][0] = −{lr} × {dW[2][0][0]} = {updateW[2][0][0]}。' },
      },
    },
    {
      setup: { granularity: 'batch', stepsPerSecond: null, tab: 'curves' },
      narration: {
        en: 'Now let it run at full speed with η = 3 and watch the test accuracy after the first epoch.',
        zh: '现在用 η = 3 全速运行，观察第一个 epoch 之后的测试准确率。',
      },
      callout: { target: 'transport', text: { en: 'Play is here.', zh: '“播放”在这里。' } },
      question: {
        kind: 'condition',
        prompt: { en: 'Train until the test accuracy is at least 0.8.', zh: '训练到测试准确率至少为 0.8。' },
        condition: { quantity: 'testAccuracy', op: '>=', value: 0.8 },
        explanation: { en: 'One epoch of 5 000 small steps already recognises more than 8 digits in 10.', zh: '一个 epoch 的 5 000 个小步就已经能认出十个数字中的八个以上。' },
      },
    },
    {
      setup: { preset: 'mnist-sigmoid-quadratic', learningRate: 100, granularity: 'batch', stepsPerSecond: null, tab: 'curves' },
      narration: {
        en: 'The same network from the same seed, with η = 100. Press Play and wait for the first evaluation.',
        zh: '同一个网络，同一个种子，η = 100。按“播放”，等待第一次评估。',
      },
      callout: { target: 'learning-rate', text: { en: 'η = 100 here.', zh: '这里 η = 100。' } },
      question: {
        kind: 'condition',
        prompt: { en: 'Train one epoch: the test accuracy stays at or below 0.2.', zh: '训练一个 epoch：测试准确率停在 0.2 或以下。' },
        condition: { quantity: 'testAccuracy', op: '<=', value: 0.2 },
        explanation: { en: 'About one digit in ten: no better than guessing.', zh: '约十个数字对一个：不比瞎猜好。' },
      },
    },
    {
      narration: {
        en: 'With η = 100 the first updates throw the weighted inputs z far from 0, where the sigmoid is flat: $\\sigma\'(z) = \\sigma(z)(1 - \\sigma(z)) \\approx 0$. Every δ carries that factor, so the gradients vanish and the network stays where it landed. The quadratic cost of sigmoid outputs cannot exceed 5 per image, so the loss does not blow up: it stalls.',
        zh: 'η = 100 时，最初几次更新就把加权输入 z 推到远离 0 的地方，那里 sigmoid 很平：$\\sigma\'(z) = \\sigma(z)(1 - \\sigma(z)) \\approx 0$。每个 δ 都带着这个因子，所以梯度消失，网络停在它落下的地方。sigmoid 输出的二次代价每张图像不超过 5，所以损失不会爆炸，而是停滞。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'Would lowering η now, while it runs, bring the network back?', zh: '现在（运行中）降低 η，能让网络恢复吗？' },
        options: [
          { en: 'Hardly: the units are saturated, so even a good rate receives almost no gradient; reset and start with a smaller η', zh: '几乎不能：单元已饱和，即使学习率合适也几乎得不到梯度；应重置并用更小的 η 重新开始' },
          { en: 'Yes, at once', zh: '能，立即恢复' },
        ],
        correct: 0,
        explanation: { en: 'Lowered to η = 3 after this epoch, the same run still scores about 0.10 an epoch later.', zh: '在这个 epoch 之后把 η 降到 3，同一次训练再过一个 epoch 仍只有约 0.10。' },
      },
    },
    {
      setup: { preset: 'mnist-sigmoid-quadratic', learningRate: 0.05, granularity: 'batch', stepsPerSecond: null, tab: 'curves' },
      narration: {
        en: 'Now too low: η = 0.05, sixty times smaller than 3. Press Play and wait for the first evaluation.',
        zh: '现在是太低：η = 0.05，比 3 小六十倍。按“播放”，等待第一次评估。',
      },
      question: {
        kind: 'condition',
        prompt: { en: 'Train one epoch: the test accuracy stays at or below 0.5.', zh: '训练一个 epoch：测试准确率停在 0.5 或以下。' },
        condition: { quantity: 'testAccuracy', op: '<=', value: 0.5 },
        explanation: { en: 'It learns, but each step is sixty times shorter: after an epoch it is still far below η = 3.', zh: '它在学习，但每一步短了六十倍：一个 epoch 后仍远不如 η = 3。' },
      },
    },
    {
      narration: {
        en: 'The rate is a live setting: change it while training runs and the curve marks the step where the new rate took effect. Raise η to 3 now, without resetting.',
        zh: '学习率是可以实时修改的设置：训练运行时修改它，曲线会在新学习率生效的那一步留下标记。现在不重置，把 η 提高到 3。',
      },
      callout: { target: 'learning-rate', text: { en: 'Type 3 here.', zh: '在这里输入 3。' } },
      question: {
        kind: 'condition',
        prompt: { en: 'With η raised, train until the test accuracy is at least 0.85.', zh: '提高 η 后，训练到测试准确率至少为 0.85。' },
        condition: { quantity: 'testAccuracy', op: '>=', value: 0.85 },
        explanation: {
          en: 'The slow start was not wasted: from the weights η = 0.05 reached, one epoch at η = 3 goes past 0.85. Too low costs time; too high can ruin the run.',
          zh: '缓慢的开始并没有白费：从 η = 0.05 得到的权重出发，以 η = 3 训练一个 epoch 就超过 0.85。太低浪费时间；太高可能毁掉整个训练。',
        },
      },
    },
  ],
} as const;
