/**
 * Lesson 1, the forward pass by hand: the planar 2-4-1 network (tanh hidden units, a sigmoid
 * output inside the cross-entropy loss), one sample, z and a computed by hand in the lab's row
 * convention and then read in the column convention of most textbooks.
 */
export const forwardPass = {
  id: 'forward-pass',
  title: { en: 'The forward pass by hand', zh: '手算前向传播' },
  steps: [
    {
      setup: { preset: 'planar-2-4-1', granularity: 'phase', tab: 'heatmaps' },
      narration: {
        en: 'This network has 2 inputs, 4 hidden units with tanh, and 1 output unit whose sigmoid sits inside the cross-entropy loss. Each weight layer l computes zˡ = aˡ⁻¹·Wˡ + bˡ and then aˡ = f(zˡ), where a⁰ = x. We will take the first step phase by phase and compute its numbers by hand for sample 0.',
        zh: '这个网络有 2 个输入、4 个 tanh 隐藏单元和 1 个输出单元，输出的 sigmoid 包含在交叉熵损失中。每个权重层 l 先算 zˡ = aˡ⁻¹·Wˡ + bˡ，再算 aˡ = f(zˡ)，其中 a⁰ = x。我们将逐阶段地走完第一步，并对样本 0 手算其中的数。',
      },
      callout: { target: 'graph', text: { en: 'Inputs on the left, the output on the right.', zh: '左边是输入，右边是输出。' } },
    },
    {
      setup: { reach: { step: 0, phase: 'forward 1' }, select: { kind: 'unit', layer: 1, unit: 2 } },
      narration: {
        en: 'Forward 1 has run. Sample 0 is x = ({x[0][0]}, {x[0][1]}). The weights into hidden unit 2 are W¹[0][2] = {W[1][0][2]} (from input 0) and W¹[1][2] = {W[1][1][2]} (from input 1); its bias is b¹₂ = {b[1][2]}.',
        zh: '前向第 1 层已运行。样本 0 为 x = ({x[0][0]}, {x[0][1]})。进入隐藏单元 2 的权重是 W¹[0][2] = {W[1][0][2]}（来自输入 0）和 W¹[1][2] = {W[1][1][2]}（来自输入 1）；它的偏置是 b¹₂ = {b[1][2]}。',
      },
      callout: { target: 'graph', text: { en: 'Hidden unit 2 is selected.', zh: '已选中隐藏单元 2。' } },
      question: {
        kind: 'number',
        prompt: { en: 'Compute z¹₂ = x₀·W¹[0][2] + x₁·W¹[1][2] + b¹₂ for sample 0.', zh: '计算样本 0 的 z¹₂ = x₀·W¹[0][2] + x₁·W¹[1][2] + b¹₂。' },
        value: 'z[1][0][2]',
        tolerance: { rel: 0.02, abs: 0.0001 },
        explanation: {
          en: 'z¹₂ = {x[0][0]} × {W[1][0][2]} + {x[0][1]} × {W[1][1][2]} + {b[1][2]} = {z[1][0][2]}.',
          zh: 'z¹₂ = {x[0][0]} × {W[1][0][2]} + {x[0][1]} × {W[1][1][2]} + {b[1][2]} = {z[1][0][2]}。',
        },
      },
    },
    {
      narration: {
        en: 'The hidden units apply tanh: a¹ⱼ = tanh(z¹ⱼ). The weights start small (standard deviation 0.01), so every z¹ is close to 0, where tanh(z) ≈ z.',
        zh: '隐藏单元使用 tanh：a¹ⱼ = tanh(z¹ⱼ)。初始权重很小（标准差 0.01），所以每个 z¹ 都接近 0，而在 0 附近 tanh(z) ≈ z。',
      },
      question: {
        kind: 'number',
        prompt: { en: 'Compute a¹₂ = tanh(z¹₂) for sample 0, with z¹₂ = {z[1][0][2]}.', zh: '已知 z¹₂ = {z[1][0][2]}，计算样本 0 的 a¹₂ = tanh(z¹₂)。' },
        value: 'a[1][0][2]',
        tolerance: { rel: 0.02, abs: 0.0001 },
        explanation: { en: 'a¹₂ = tanh({z[1][0][2]}) = {a[1][0][2]}: almost z itself.', zh: 'a¹₂ = tanh({z[1][0][2]}) = {a[1][0][2]}：几乎就是 z 本身。' },
      },
    },
    {
      narration: {
        en: 'The lab computes the whole batch at once, one sample per row: z¹ = x·W¹ + b¹ with x of m × 2 (m = {m} samples), W¹ of 2 × 4, and b¹ added to every row. W¹[i][j] is the weight from unit i below to unit j above.',
        zh: '实验室一次计算整个批次，每行一个样本：z¹ = x·W¹ + b¹，其中 x 为 m × 2（m = {m} 个样本），W¹ 为 2 × 4，b¹ 加到每一行。W¹[i][j] 是从下层单元 i 到上层单元 j 的权重。',
      },
      callout: { target: 'panel', text: { en: 'The heatmaps show z, a and W as matrices of these shapes.', zh: '热力图以这些形状的矩阵显示 z、a 和 W。' } },
      question: {
        kind: 'choice',
        prompt: { en: 'What is the shape of z¹ for this batch?', zh: '这个批次的 z¹ 是什么形状？' },
        options: [
          { en: '{m} × 4', zh: '{m} × 4' },
          { en: '4 × {m}', zh: '4 × {m}' },
          { en: '2 × 4', zh: '2 × 4' },
          { en: '4 × 1', zh: '4 × 1' },
        ],
        correct: 0,
        explanation: { en: '(m × 2)·(2 × 4) = m × 4: one row per sample, one column per hidden unit.', zh: '(m × 2)·(2 × 4) = m × 4：每个样本一行，每个隐藏单元一列。' },
      },
    },
    {
      narration: {
        en: 'Most textbooks use the column convention: a sample is a column, z = W·x + b. Their W has one row per unit above and one column per unit below: it is our Wᵀ, a 4 × 2 matrix, and the batch X is 2 × m. The numbers are the same; only the layout changes.',
        zh: '多数教科书使用列约定：一个样本是一列，z = W·x + b。它们的 W 每行对应上层的一个单元、每列对应下层的一个单元：就是我们的 Wᵀ，一个 4 × 2 的矩阵，批次 X 为 2 × m。数值相同，只是排列不同。',
      },
      question: {
        kind: 'choice',
        prompt: {
          en: 'In the column convention, which entry holds our W¹[1][2] = {W[1][1][2]} (from input 1 to hidden unit 2)?',
          zh: '在列约定中，哪个元素存放我们的 W¹[1][2] = {W[1][1][2]}（从输入 1 到隐藏单元 2）？',
        },
        options: [
          { en: 'W[1][2]', zh: 'W[1][2]' },
          { en: 'W[2][1]', zh: 'W[2][1]' },
          { en: 'W[1][1]', zh: 'W[1][1]' },
        ],
        correct: 1,
        explanation: { en: 'The column convention indexes W[unit above][unit below], so our W[i][j] is its W[j][i] = W[2][1].', zh: '列约定按 W[上层单元][下层单元] 编号，所以我们的 W[i][j] 就是它的 W[j][i] = W[2][1]。' },
      },
    },
    {
      setup: { reach: { step: 0, phase: 'forward 2' }, select: { kind: 'unit', layer: 2, unit: 0 } },
      narration: {
        en: 'Forward 2 has run. For sample 0 the hidden activations are a¹ = ({a[1][0][0]}, {a[1][0][1]}, {a[1][0][2]}, {a[1][0][3]}), the weights into the output are W²[·][0] = ({W[2][0][0]}, {W[2][1][0]}, {W[2][2][0]}, {W[2][3][0]}), and b²₀ = {b[2][0]}.',
        zh: '前向第 2 层已运行。对样本 0，隐藏层激活为 a¹ = ({a[1][0][0]}, {a[1][0][1]}, {a[1][0][2]}, {a[1][0][3]})，进入输出的权重为 W²[·][0] = ({W[2][0][0]}, {W[2][1][0]}, {W[2][2][0]}, {W[2][3][0]})，b²₀ = {b[2][0]}。',
      },
      question: {
        kind: 'number',
        prompt: { en: 'Compute z²₀ = Σᵢ a¹ᵢ·W²[i][0] + b²₀ for sample 0.', zh: '计算样本 0 的 z²₀ = Σᵢ a¹ᵢ·W²[i][0] + b²₀。' },
        value: 'z[2][0][0]',
        tolerance: { rel: 0.03, abs: 0.000002 },
        explanation: { en: 'The four products and the bias add up to z²₀ = {z[2][0][0]}: tiny, because both factors are about 0.01.', zh: '四个乘积加上偏置得 z²₀ = {z[2][0][0]}：很小，因为两个因子都约为 0.01。' },
      },
    },
    {
      setup: { reach: { step: 0, phase: 'loss' } },
      narration: {
        en: 'The loss phase applies the sigmoid: y = σ(z²) = 1 / (1 + e^(−z²)), and the cross-entropy Lᵢ = −[t·ln y + (1 − t)·ln(1 − y)]. Sample 0 has target t = {t[0][0]}.',
        zh: '损失阶段先用 sigmoid：y = σ(z²) = 1 / (1 + e^(−z²))，再算交叉熵 Lᵢ = −[t·ln y + (1 − t)·ln(1 − y)]。样本 0 的目标 t = {t[0][0]}。',
      },
      callout: { target: 'status', text: { en: 'The batch loss appears here.', zh: '批次损失显示在这里。' } },
      question: {
        kind: 'number',
        prompt: { en: 'Compute y = σ(z²₀) for sample 0, with z²₀ = {z[2][0][0]}.', zh: '已知 z²₀ = {z[2][0][0]}，计算样本 0 的 y = σ(z²₀)。' },
        value: 'y[0][0]',
        tolerance: { abs: 0.0005 },
        explanation: { en: 'σ({z[2][0][0]}) = {y[0][0]}: with z near 0 the network says 50 % for every sample.', zh: 'σ({z[2][0][0]}) = {y[0][0]}：z 接近 0，网络对每个样本都给出 50 %。' },
      },
    },
    {
      narration: {
        en: 'With y ≈ 0.5 whatever the target, each sample loses about ln 2 ≈ 0.6931: sample 0 loses L₀ = {L[0]}, and the batch loss, the mean over {m} samples, is {loss}.',
        zh: '无论目标是什么，y ≈ 0.5，所以每个样本的损失约为 ln 2 ≈ 0.6931：样本 0 的损失 L₀ = {L[0]}，整批的损失（{m} 个样本的平均）为 {loss}。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'Why is every Lᵢ so close to ln 2 at the start?', zh: '为什么一开始每个 Lᵢ 都这么接近 ln 2？' },
        options: [
          { en: 'Because the small weights make z² ≈ 0, so y ≈ ½ for every sample', zh: '因为权重很小使 z² ≈ 0，所以每个样本的 y ≈ ½' },
          { en: 'Because the data set is balanced', zh: '因为数据集是平衡的' },
          { en: 'Because tanh is bounded by 1', zh: '因为 tanh 的取值不超过 1' },
        ],
        correct: 0,
        explanation: { en: '−ln ½ = ln 2 for t = 1 and for t = 0 alike. Training moves z² away from 0.', zh: '无论 t = 1 还是 t = 0，−ln ½ = ln 2。训练会让 z² 离开 0。' },
      },
    },
  ],
} as const;
