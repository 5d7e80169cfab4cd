/**
 * Lesson 3, the batch and 1/m: the 2-3-3-1 sigmoid network of lesson 2 with the bug lab's
 * "divided at every layer" mistake. The gradient check on a batch of 4 flags the hidden layers
 * (W² is m times too small, W¹ m² times); on a batch of one the same code passes.
 */
const BUG = ['delta-divided-every-layer'] as const;

export const batchAndM = {
  id: 'batch-and-m',
  title: { en: 'The batch and 1/m', zh: '批次与 1/m' },
  steps: [
    {
      setup: { preset: 'sigmoid-2-3-3-1', bugs: BUG, tab: 'check', gradientCheck: true },
      narration: {
        en: 'A student writes the error terms for the whole batch at once, with the 1/m of the mean loss inside: $\\delta^3 = (a^3 - t)\\odot\\sigma\'(z^3)/m$, then $\\partial L/\\partial W^l = a^{l-1\\,\\top}\\delta^l$ summed over the batch. So far this is right. But each hidden layer is written the same way, /m included: $\\delta^l = \\big((\\delta^{l+1} W^{l+1\\,\\top})\\odot\\sigma\'(z^l)\\big)/m$. The gradient check has compared these gradients with central differences of the loss on the first batch, m = 4 samples.',
        zh: '一位学生一次为整个批次写出误差项，平均损失的 1/m 包含在内：$\\delta^3 = (a^3 - t)\\odot\\sigma\'(z^3)/m$，然后 $\\partial L/\\partial W^l = a^{l-1\\,\\top}\\delta^l$ 对批次求和。到这里都是对的。但每个隐藏层也照样写，连 /m 一起：$\\delta^l = \\big((\\delta^{l+1} W^{l+1\\,\\top})\\odot\\sigma\'(z^l)\\big)/m$。梯度检验已在第一个批次（m = 4 个样本）上把这些梯度与损失的中心差分作了比较。',
      },
      callout: { target: 'panel', text: { en: 'One row per tensor: backpropagation against the numerical derivative.', zh: '每个张量一行：反向传播对比数值导数。' } },
    },
    {
      narration: {
        en: 'The largest relative error of each tensor: W¹ {relerr(W[1])}, b¹ {relerr(b[1])}, W² {relerr(W[2])}, b² {relerr(b[2])}, W³ {relerr(W[3])}, b³ {relerr(b[3])}. A correct gradient agrees to about 10⁻⁸ or better.',
        zh: '每个张量的最大相对误差：W¹ {relerr(W[1])}，b¹ {relerr(b[1])}，W² {relerr(W[2])}，b² {relerr(b[2])}，W³ {relerr(W[3])}，b³ {relerr(b[3])}。正确的梯度一致到约 10⁻⁸ 或更好。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'Which tensors does the gradient check flag?', zh: '梯度检验标出了哪些张量？' },
        options: [
          { en: 'W¹, b¹, W², b²: the hidden layers', zh: 'W¹、b¹、W²、b²：隐藏层' },
          { en: 'All six', zh: '全部六个' },
          { en: 'Only W³ and b³', zh: '只有 W³ 和 b³' },
          { en: 'None', zh: '没有' },
        ],
        correct: 0,
        explanation: {
          en: 'The output layer passes ({relerr(W[3])}); both hidden layers fail with relative errors near 1.',
          zh: '输出层通过（{relerr(W[3])}）；两个隐藏层都失败，相对误差接近 1。',
        },
      },
    },
    {
      narration: {
        en: 'The check also compares the sizes: summed over the checked entries, |numerical| ÷ |backpropagation| is {gcratio(W[2])} for W² and {gcratio(W[3])} for W³.',
        zh: '检验也比较了大小：对被检验的元素求和，W² 的 |数值梯度| ÷ |反向传播梯度| 为 {gcratio(W[2])}，W³ 为 {gcratio(W[3])}。',
      },
      question: {
        kind: 'number',
        prompt: { en: 'How many times too small is backpropagation\'s ∂L/∂W¹?', zh: '反向传播得到的 ∂L/∂W¹ 小了多少倍？' },
        value: 'gcratio(W[1])',
        tolerance: { rel: 0.02 },
        explanation: {
          en: 'δ² carries one extra 1/m and δ¹ two, since δ¹ is computed from δ². With m = 4: W² is 4 times too small and W¹ m² = 16 times ({gcratio(W[1])}).',
          zh: 'δ² 多了一个 1/m，δ¹ 多了两个，因为 δ¹ 由 δ² 算出。m = 4 时：W² 小了 4 倍，W¹ 小了 m² = 16 倍（{gcratio(W[1])}）。',
        },
      },
    },
    {
      narration: {
        en: 'In general layer l of L comes out $m^{L-l}$ times too small: the error compounds on the way down, as δ does.',
        zh: '一般地，L 层网络的第 l 层会小 $m^{L-l}$ 倍：误差在向下传递时累积，正如 δ 本身。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'Why is the output layer\'s gradient right?', zh: '为什么输出层的梯度是对的？' },
        options: [
          { en: 'δ³ is divided by m once: exactly the 1/m the mean over the batch needs', zh: 'δ³ 只除以 m 一次：恰好是批次平均所需的 1/m' },
          { en: 'The output layer has only one unit', zh: '输出层只有一个单元' },
          { en: 'The sigmoid derivative cancels the 1/m', zh: 'sigmoid 的导数抵消了 1/m' },
        ],
        correct: 0,
        explanation: {
          en: 'The loss is a mean, so 1/m belongs in the gradient once. The hidden layers divide again.',
          zh: '损失是平均值，所以梯度里应当恰好有一个 1/m。隐藏层又除了一次。',
        },
      },
    },
    {
      setup: { batchSize: 1, gradientCheck: true },
      narration: {
        en: 'The same code, checked on a batch of one sample: W¹ {relerr(W[1])}, b¹ {relerr(b[1])}, W² {relerr(W[2])}, b² {relerr(b[2])}, W³ {relerr(W[3])}, b³ {relerr(b[3])}.',
        zh: '同样的代码，在只有一个样本的批次上检验：W¹ {relerr(W[1])}，b¹ {relerr(b[1])}，W² {relerr(W[2])}，b² {relerr(b[2])}，W³ {relerr(W[3])}，b³ {relerr(b[3])}。',
      },
      callout: { target: 'panel', text: { en: 'Every row passes now.', zh: '现在每一行都通过。' } },
      question: {
        kind: 'choice',
        prompt: { en: 'Why does the check pass with m = 1?', zh: '为什么 m = 1 时检验能通过？' },
        options: [
          { en: 'Dividing by m = 1 changes nothing, so the wrong code computes the right numbers', zh: '除以 m = 1 不改变任何值，所以错误的代码算出了正确的数' },
          { en: 'The bug was fixed', zh: '这个错误已被修复' },
          { en: 'One sample is too few to compute a numerical gradient', zh: '一个样本太少，无法计算数值梯度' },
        ],
        correct: 0,
        explanation: {
          en: 'A gradient check on a single example cannot see a misplaced 1/m. Check with a batch of several samples.',
          zh: '只用一个样本的梯度检验看不出放错位置的 1/m。检验时要用含多个样本的批次。',
        },
      },
    },
    {
      narration: {
        en: 'In training, with batches of 4, the first layer moves as if its learning rate were 16 times smaller than the output layer\'s.',
        zh: '在训练中，批次为 4 时，第一层的移动就像它的学习率比输出层小 16 倍。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'What would batches of 100 do to W¹\'s gradient with this bug?', zh: '有这个错误时，批次为 100 会让 W¹ 的梯度怎样？' },
        options: [
          { en: 'Make it 10 000 times too small: the first layer would hardly learn', zh: '小 10 000 倍：第一层几乎学不到东西' },
          { en: 'Make it 100 times too large', zh: '大 100 倍' },
          { en: 'Nothing: the bug does not depend on m', zh: '没有影响：这个错误与 m 无关' },
        ],
        correct: 0,
        explanation: { en: 'm^(L − l) = 100² = 10 000 for W¹ of a 3-layer network.', zh: '对三层网络的 W¹，m^(L − l) = 100² = 10 000。' },
      },
    },
    {
      setup: { preset: 'sigmoid-2-3-3-1', bugs: [], tab: 'check', gradientCheck: true },
      narration: {
        en: 'The fixed code divides by m once. Checked on the batch of 4 again: W¹ {relerr(W[1])}, W² {relerr(W[2])}, W³ {relerr(W[3])}, and |numerical| ÷ |backpropagation| for W¹ is {gcratio(W[1])}.',
        zh: '修正后的代码只除以 m 一次。再次在 4 个样本的批次上检验：W¹ {relerr(W[1])}，W² {relerr(W[2])}，W³ {relerr(W[3])}，W¹ 的 |数值梯度| ÷ |反向传播梯度| 为 {gcratio(W[1])}。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'Where does the 1/m of the mean loss belong?', zh: '平均损失的 1/m 应当放在哪里？' },
        options: [
          { en: 'Once: in the output error, or when the gradients are summed over the batch', zh: '只放一次：在输出误差中，或在对批次求和得到梯度时' },
          { en: 'In every layer\'s δ', zh: '每一层的 δ 中' },
          { en: 'Nowhere: the mean needs no 1/m', zh: '哪里都不放：平均值不需要 1/m' },
        ],
        correct: 0,
        explanation: {
          en: 'L = (1/m)·Σᵢ Lᵢ, so every ∂L/∂W carries exactly one 1/m, whichever layer it belongs to.',
          zh: 'L = (1/m)·Σᵢ Lᵢ，所以每个 ∂L/∂W 恰好带一个 1/m，无论它属于哪一层。',
        },
      },
    },
  ],
} as const;
