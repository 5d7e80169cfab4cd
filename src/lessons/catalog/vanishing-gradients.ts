/**
 * Lesson 7, vanishing gradients: the deep 2-8-8-8-8-1 net with sigmoid hidden units, then the
 * same net with ReLU. Backward l computes δˡ = (δˡ⁺¹·Wˡ⁺¹ᵀ) ⊙ f′(zˡ); with sigmoid f′ = a(1 − a) ≤ ¼,
 * so δ shrinks at every layer on the way to the input; with ReLU f′ is 0 or 1.
 */
export const vanishingGradients = {
  id: 'vanishing-gradients',
  title: { en: 'Vanishing gradients', zh: '梯度消失' },
  steps: [
    {
      setup: { preset: 'deep-sigmoid-2-8-8-8-8-1', granularity: 'phase', tab: 'flow' },
      narration: {
        en: 'A deep, narrow network: 2 inputs, four hidden layers of 8 sigmoid units, and one output whose sigmoid sits in the cross-entropy loss. The error term δˡ = ∂Lᵢ/∂zˡ travels from the output back to layer 1; we will watch its size layer by layer.',
        zh: '一个深而窄的网络：2 个输入、四个各有 8 个 sigmoid 单元的隐藏层，以及一个输出，其 sigmoid 包含在交叉熵损失中。误差项 δˡ = ∂Lᵢ/∂zˡ 从输出传回第 1 层；我们将逐层观察它的大小。',
      },
      callout: { target: 'graph', text: { en: 'Units are coloured by δ on one scale shared by all layers.', zh: '单元按 δ 着色，所有层共用一个色阶。' } },
    },
    {
      setup: { reach: { step: 0, phase: 'backward 5' }, select: { kind: 'unit', layer: 5, unit: 0 } },
      narration: {
        en: 'Backward 5 has run. With a sigmoid output and cross-entropy, the output error is simply δ⁵ = y − t. For sample 0, y = {y[0][0]} and t = {t[0][0]}.',
        zh: '反向第 5 层已运行。sigmoid 输出配交叉熵时，输出误差就是 δ⁵ = y − t。对样本 0，y = {y[0][0]}，t = {t[0][0]}。',
      },
      question: {
        kind: 'number',
        prompt: { en: 'What is δ⁵ for sample 0?', zh: '样本 0 的 δ⁵ 是多少？' },
        value: 'delta[5][0][0]',
        tolerance: { abs: 0.001 },
        explanation: { en: 'δ⁵ = {y[0][0]} − {t[0][0]} = {delta[5][0][0]}.', zh: 'δ⁵ = {y[0][0]} − {t[0][0]} = {delta[5][0][0]}。' },
      },
    },
    {
      setup: { reach: { step: 0, phase: 'backward 4' }, select: { kind: 'unit', layer: 4, unit: 0 } },
      narration: {
        en: 'Backward 4: δ⁴ⱼ = (Σₖ δ⁵ₖ·W⁵[j][k])·σ′(z⁴ⱼ), and for the sigmoid σ′(z) = a(1 − a). For sample 0 and unit 0: δ⁵ = {delta[5][0][0]}, W⁵[0][0] = {W[5][0][0]}, a⁴₀ = {a[4][0][0]}.',
        zh: '反向第 4 层：δ⁴ⱼ = (Σₖ δ⁵ₖ·W⁵[j][k])·σ′(z⁴ⱼ)，sigmoid 的导数 σ′(z) = a(1 − a)。对样本 0 的单元 0：δ⁵ = {delta[5][0][0]}，W⁵[0][0] = {W[5][0][0]}，a⁴₀ = {a[4][0][0]}。',
      },
      question: {
        kind: 'number',
        prompt: { en: 'Compute δ⁴₀ = δ⁵·W⁵[0][0]·a⁴₀(1 − a⁴₀) for sample 0.', zh: '计算样本 0 的 δ⁴₀ = δ⁵·W⁵[0][0]·a⁴₀(1 − a⁴₀)。' },
        value: 'delta[4][0][0]',
        tolerance: { rel: 0.02, abs: 0.00001 },
        explanation: {
          en: '{delta[5][0][0]} × {W[5][0][0]} × {a[4][0][0]} × (1 − {a[4][0][0]}) = {delta[4][0][0]}.',
          zh: '{delta[5][0][0]} × {W[5][0][0]} × {a[4][0][0]} × (1 − {a[4][0][0]}) = {delta[4][0][0]}。',
        },
      },
    },
    {
      narration: {
        en: 'Every layer on the way down multiplies δ by a weight and by σ′(z). The weights here are of order 1 (Xavier initialisation), so the factor σ′ decides.',
        zh: '每向下一层，δ 都要乘以一个权重和 σ′(z)。这里的权重约为 1 的量级（Xavier 初始化），所以决定性的是 σ′ 这个因子。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'What is the largest value σ′(z) = σ(z)(1 − σ(z)) can take?', zh: 'σ′(z) = σ(z)(1 − σ(z)) 的最大值是多少？' },
        options: [
          { en: '1', zh: '1' },
          { en: '½', zh: '½' },
          { en: '¼', zh: '¼' },
        ],
        correct: 2,
        explanation: { en: 'a(1 − a) is largest at a = ½ (z = 0): ½ × ½ = ¼. Each sigmoid layer shrinks δ by at least four times, unless the weights make up for it.', zh: 'a(1 − a) 在 a = ½（z = 0）时最大：½ × ½ = ¼。每经过一个 sigmoid 层，δ 至少缩小四倍，除非权重弥补。' },
      },
    },
    {
      setup: { reach: { step: 0, phase: 'backward 1' } },
      narration: {
        en: 'The backward pass has reached layer 1. The mean |δ| over the batch, layer by layer: δ⁵ {meanabs(delta[5])}, δ⁴ {meanabs(delta[4])}, δ³ {meanabs(delta[3])}, δ² {meanabs(delta[2])}, δ¹ {meanabs(delta[1])}.',
        zh: '反向传播已到达第 1 层。逐层的批次平均 |δ|：δ⁵ {meanabs(delta[5])}，δ⁴ {meanabs(delta[4])}，δ³ {meanabs(delta[3])}，δ² {meanabs(delta[2])}，δ¹ {meanabs(delta[1])}。',
      },
      callout: { target: 'graph', text: { en: 'The units near the input are almost white: their δ is tiny.', zh: '靠近输入的单元几乎是白色：它们的 δ 很小。' } },
      question: {
        kind: 'choice',
        prompt: { en: 'Which hidden layer has the smallest error terms?', zh: '哪个隐藏层的误差项最小？' },
        options: [
          { en: 'Layer 4, next to the output', zh: '第 4 层，紧挨输出' },
          { en: 'Layer 1, next to the input', zh: '第 1 层，紧挨输入' },
          { en: 'They are all about the same', zh: '它们大致相同' },
        ],
        correct: 1,
        explanation: { en: 'δ¹ is {meanabs(delta[1])} against {meanabs(delta[4])} at layer 4: each layer multiplied it by σ′ ≤ ¼ once more.', zh: 'δ¹ 为 {meanabs(delta[1])}，而第 4 层为 {meanabs(delta[4])}：每一层都多乘了一次 σ′ ≤ ¼。' },
      },
    },
    {
      narration: {
        en: 'The gradient is ∂L/∂Wˡ = (1/m)·aˡ⁻¹ᵀ·δˡ, so it is as small as δ: mean |∂L/∂W¹| = {meanabs(dW[1])} against mean |∂L/∂W⁵| = {meanabs(dW[5])}.',
        zh: '梯度 ∂L/∂Wˡ = (1/m)·aˡ⁻¹ᵀ·δˡ，所以它和 δ 一样小：平均 |∂L/∂W¹| = {meanabs(dW[1])}，而平均 |∂L/∂W⁵| = {meanabs(dW[5])}。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'With one learning rate for all layers, which weights barely move?', zh: '所有层用同一个学习率时，哪一层的权重几乎不动？' },
        options: [
          { en: 'The first layers, near the input', zh: '靠近输入的前几层' },
          { en: 'The last layer, near the output', zh: '靠近输出的最后一层' },
        ],
        correct: 0,
        explanation: { en: 'The update is −η·∂L/∂W: where the gradient vanishes, the layer learns almost nothing, and this network stays near chance.', zh: '更新量为 −η·∂L/∂W：梯度消失的地方，该层几乎学不到东西，这个网络停留在随机水平附近。' },
      },
    },
    {
      setup: { preset: 'deep-relu-2-8-8-8-8-1', granularity: 'phase', tab: 'flow', reach: { step: 0, phase: 'backward 1' } },
      narration: {
        en: 'The same network with ReLU hidden units (He initialisation). ReLU′(z) is 1 where z > 0 and 0 elsewhere. Mean |δ| layer by layer: δ⁵ {meanabs(delta[5])}, δ⁴ {meanabs(delta[4])}, δ³ {meanabs(delta[3])}, δ² {meanabs(delta[2])}, δ¹ {meanabs(delta[1])}.',
        zh: '同一个网络，隐藏单元换成 ReLU（He 初始化）。z > 0 时 ReLU′(z) = 1，否则为 0。逐层的平均 |δ|：δ⁵ {meanabs(delta[5])}，δ⁴ {meanabs(delta[4])}，δ³ {meanabs(delta[3])}，δ² {meanabs(delta[2])}，δ¹ {meanabs(delta[1])}。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'Does δ still shrink by four times or more at every layer?', zh: 'δ 还会每层缩小四倍以上吗？' },
        options: [
          { en: 'No: active units pass δ·W back unchanged, so δ¹ keeps a size comparable to δ⁴', zh: '不会：激活的单元把 δ·W 原样传回，所以 δ¹ 与 δ⁴ 大小相当' },
          { en: 'Yes: ReLU shrinks it just like the sigmoid', zh: '会：ReLU 和 sigmoid 一样使它缩小' },
        ],
        correct: 0,
        explanation: { en: 'Here δ¹ is {meanabs(delta[1])} and δ⁴ is {meanabs(delta[4])}: the factor f′ is 1 on the active path.', zh: '这里 δ¹ 为 {meanabs(delta[1])}，δ⁴ 为 {meanabs(delta[4])}：在激活的路径上 f′ 为 1。' },
      },
    },
    {
      setup: { granularity: 'batch', stepsPerSecond: null, tab: 'curves' },
      narration: {
        en: 'Now let it learn: press Play and watch the test accuracy on the curves. Every layer receives a usable gradient, so the whole network learns the circle.',
        zh: '现在让它学习：按“播放”，在曲线上观察测试准确率。每一层都得到可用的梯度，所以整个网络能学会这个圆。',
      },
      callout: { target: 'transport', text: { en: 'Play is here.', zh: '“播放”在这里。' } },
      question: {
        kind: 'condition',
        prompt: { en: 'Train until the test accuracy is at least 0.9.', zh: '训练到测试准确率至少为 0.9。' },
        condition: { quantity: 'testAccuracy', op: '>=', value: 0.9 },
        explanation: { en: 'The ReLU network reaches about 0.97 on the test points; the sigmoid one stays near chance after the same 6 000 steps.', zh: 'ReLU 网络在测试点上达到约 0.97；同样 6 000 步后 sigmoid 网络仍接近随机猜测。' },
      },
    },
  ],
} as const;
