/**
 * Lesson 2, error terms: the 2-3-3-1 all-sigmoid network with the quadratic cost. δˡ = ∂Lᵢ/∂zˡ
 * at the output from the loss, δ at the hidden layers by the chain rule, then ∂L/∂W = (1/m)·aᵀ·δ
 * and the update −η·∂L/∂W. The student computes δ³, one hidden δ² and one gradient entry.
 */
export const errorTerms = {
  id: 'error-terms',
  title: { en: 'Error terms', zh: '误差项' },
  steps: [
    {
      setup: { preset: 'sigmoid-2-3-3-1', granularity: 'phase', tab: 'heatmaps' },
      narration: {
        en: 'A network of three weight layers, every unit a sigmoid: 2 inputs, two hidden layers of 3 units, 1 output. Each sample i loses $L_i = \\tfrac12 (y_i - t_i)^2$ with $y = a^3$. Backpropagation works with the error term of each unit, $\\delta^l_j = \\partial L_i / \\partial z^l_j$: how much the loss of a sample changes when the unit\'s weighted input moves. We take the first step phase by phase; the batch holds m = 4 samples.',
        zh: '一个有三个权重层的网络，每个单元都是 sigmoid：2 个输入，两个各有 3 个单元的隐藏层，1 个输出。每个样本 i 的损失为 $L_i = \\tfrac12 (y_i - t_i)^2$，其中 $y = a^3$。反向传播使用每个单元的误差项 $\\delta^l_j = \\partial L_i / \\partial z^l_j$：单元的加权输入变化时，样本损失变化多少。我们逐阶段地走完第一步；批次含 m = 4 个样本。',
      },
      callout: { target: 'graph', text: { en: 'Three weight layers: 2 → 3 → 3 → 1.', zh: '三个权重层：2 → 3 → 3 → 1。' } },
    },
    {
      setup: { reach: { step: 0, phase: 'backward 3' }, select: { kind: 'unit', layer: 3, unit: 0 } },
      narration: {
        en: 'The forward passes and the loss have run, and backward 3 too. At the output the chain rule has two factors: $\\delta^3 = \\frac{\\partial L}{\\partial y}\\cdot\\frac{\\partial y}{\\partial z^3} = (y - t)\\,\\sigma\'(z^3)$, and for the sigmoid $\\sigma\'(z) = \\sigma(z)(1 - \\sigma(z)) = y(1 - y)$. For sample 0: y = {y[0][0]}, t = {t[0][0]}.',
        zh: '前向传播和损失已运行，反向第 3 层也已运行。在输出处，链式法则有两个因子：$\\delta^3 = \\frac{\\partial L}{\\partial y}\\cdot\\frac{\\partial y}{\\partial z^3} = (y - t)\\,\\sigma\'(z^3)$，而 sigmoid 的导数 $\\sigma\'(z) = \\sigma(z)(1 - \\sigma(z)) = y(1 - y)$。对样本 0：y = {y[0][0]}，t = {t[0][0]}。',
      },
      callout: { target: 'graph', text: { en: 'The output unit is selected.', zh: '已选中输出单元。' } },
      question: {
        kind: 'number',
        prompt: { en: 'Compute δ³ = (y − t)·y(1 − y) for sample 0.', zh: '计算样本 0 的 δ³ = (y − t)·y(1 − y)。' },
        value: 'delta[3][0][0]',
        tolerance: { rel: 0.02, abs: 0.00001 },
        explanation: {
          en: '({y[0][0]} − {t[0][0]}) × {y[0][0]} × (1 − {y[0][0]}) = {delta[3][0][0]}.',
          zh: '({y[0][0]} − {t[0][0]}) × {y[0][0]} × (1 − {y[0][0]}) = {delta[3][0][0]}。',
        },
      },
    },
    {
      narration: {
        en: 'The factor y(1 − y) is positive for every output between 0 and 1, so δ³ has the sign of y − t. The update will move z³ against δ³.',
        zh: '对 0 与 1 之间的每个输出，因子 y(1 − y) 都是正的，所以 δ³ 与 y − t 同号。更新会让 z³ 朝与 δ³ 相反的方向移动。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'A sample whose output is too large (y > t): what sign has its δ³?', zh: '一个输出偏大（y > t）的样本，它的 δ³ 是什么符号？' },
        options: [
          { en: 'Positive', zh: '正' },
          { en: 'Negative', zh: '负' },
          { en: 'It depends on the weights', zh: '取决于权重' },
        ],
        correct: 0,
        explanation: {
          en: 'y − t > 0 and y(1 − y) > 0, so δ³ > 0: lowering z³ lowers the loss, and gradient descent does lower it.',
          zh: 'y − t > 0 且 y(1 − y) > 0，所以 δ³ > 0：降低 z³ 会降低损失，梯度下降正是这样做的。',
        },
      },
    },
    {
      setup: { reach: { step: 0, phase: 'backward 2' }, select: { kind: 'unit', layer: 2, unit: 1 } },
      narration: {
        en: 'Backward 2. A hidden unit j reaches the loss only through the units k above it, so $\\delta^2_j = \\big(\\sum_k \\delta^3_k\\, W^3[j][k]\\big)\\,\\sigma\'(z^2_j)$. Here there is one unit above: δ²₁ = δ³·W³[1][0]·a²₁(1 − a²₁), with δ³ = {delta[3][0][0]}, W³[1][0] = {W[3][1][0]} and a²₁ = {a[2][0][1]} for sample 0.',
        zh: '反向第 2 层。隐藏单元 j 只能经由其上方的单元 k 影响损失，所以 $\\delta^2_j = \\big(\\sum_k \\delta^3_k\\, W^3[j][k]\\big)\\,\\sigma\'(z^2_j)$。这里上方只有一个单元：δ²₁ = δ³·W³[1][0]·a²₁(1 − a²₁)，对样本 0，δ³ = {delta[3][0][0]}，W³[1][0] = {W[3][1][0]}，a²₁ = {a[2][0][1]}。',
      },
      question: {
        kind: 'number',
        prompt: { en: 'Compute δ²₁ for sample 0.', zh: '计算样本 0 的 δ²₁。' },
        value: 'delta[2][0][1]',
        tolerance: { rel: 0.02, abs: 0.000001 },
        explanation: {
          en: '{delta[3][0][0]} × {W[3][1][0]} × {a[2][0][1]} × (1 − {a[2][0][1]}) = {delta[2][0][1]}.',
          zh: '{delta[3][0][0]} × {W[3][1][0]} × {a[2][0][1]} × (1 − {a[2][0][1]}) = {delta[2][0][1]}。',
        },
      },
    },
    {
      setup: { reach: { step: 0, phase: 'backward 1' }, select: { kind: 'unit', layer: 1, unit: 0 } },
      narration: {
        en: 'Backward 1. Layer 2 has three units, so the sum has three terms: δ¹₀ = (δ²₀·W²[0][0] + δ²₁·W²[0][1] + δ²₂·W²[0][2])·a¹₀(1 − a¹₀). For sample 0: δ² = ({delta[2][0][0]}, {delta[2][0][1]}, {delta[2][0][2]}), and δ¹₀ = {delta[1][0][0]}. In matrix form, one row per sample: $\\delta^1 = (\\delta^2\\, W^{2\\top}) \\odot \\sigma\'(z^1)$.',
        zh: '反向第 1 层。第 2 层有三个单元，所以求和有三项：δ¹₀ = (δ²₀·W²[0][0] + δ²₁·W²[0][1] + δ²₂·W²[0][2])·a¹₀(1 − a¹₀)。对样本 0：δ² = ({delta[2][0][0]}, {delta[2][0][1]}, {delta[2][0][2]})，δ¹₀ = {delta[1][0][0]}。写成矩阵，每行一个样本：$\\delta^1 = (\\delta^2\\, W^{2\\top}) \\odot \\sigma\'(z^1)$。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'What does δ¹ⱼ need from the layer above it?', zh: 'δ¹ⱼ 需要上一层的什么？' },
        options: [
          { en: 'The error terms δ² and the weights W²[j][·] leaving unit j', zh: '误差项 δ² 以及从单元 j 出发的权重 W²[j][·]' },
          { en: 'Only the error terms δ²', zh: '只需要误差项 δ²' },
          { en: 'The target t', zh: '目标 t' },
        ],
        correct: 0,
        explanation: {
          en: 'Each δ²ₖ is weighted by how strongly unit j feeds unit k, W²[j][k]; the target enters only through δ³.',
          zh: '每个 δ²ₖ 都按单元 j 对单元 k 的影响强度 W²[j][k] 加权；目标 t 只通过 δ³ 进入。',
        },
      },
    },
    {
      narration: {
        en: 'From δ to the gradient: $z^3 = a^2 W^3 + b^3$, so for one sample $\\partial L_i/\\partial W^3[j][0] = a^2_{ij}\\,\\delta^3_i$, and the batch gradient is the mean: $\\frac{\\partial L}{\\partial W^3} = \\frac1m\\, a^{2\\top}\\delta^3$. The four samples: a²·₀ = ({a[2][0][0]}, {a[2][1][0]}, {a[2][2][0]}, {a[2][3][0]}) and δ³ = ({delta[3][0][0]}, {delta[3][1][0]}, {delta[3][2][0]}, {delta[3][3][0]}).',
        zh: '从 δ 到梯度：$z^3 = a^2 W^3 + b^3$，所以对一个样本 $\\partial L_i/\\partial W^3[j][0] = a^2_{ij}\\,\\delta^3_i$，批次梯度是平均值：$\\frac{\\partial L}{\\partial W^3} = \\frac1m\\, a^{2\\top}\\delta^3$。四个样本：a²·₀ = ({a[2][0][0]}, {a[2][1][0]}, {a[2][2][0]}, {a[2][3][0]})，δ³ = ({delta[3][0][0]}, {delta[3][1][0]}, {delta[3][2][0]}, {delta[3][3][0]})。',
      },
      callout: { target: 'panel', text: { en: 'The heatmaps show ∂L/∂W beside W.', zh: '热力图在 W 旁边显示 ∂L/∂W。' } },
      question: {
        kind: 'number',
        prompt: { en: 'Compute ∂L/∂W³[0][0] = ¼·Σᵢ a²ᵢ₀·δ³ᵢ.', zh: '计算 ∂L/∂W³[0][0] = ¼·Σᵢ a²ᵢ₀·δ³ᵢ。' },
        value: 'dW[3][0][0]',
        tolerance: { rel: 0.02, abs: 0.000001 },
        explanation: {
          en: 'The four products average to ∂L/∂W³[0][0] = {dW[3][0][0]}.',
          zh: '四个乘积的平均值为 ∂L/∂W³[0][0] = {dW[3][0][0]}。',
        },
      },
    },
    {
      narration: {
        en: 'The same rule holds at every layer: $\\frac{\\partial L}{\\partial W^l} = \\frac1m\\, a^{l-1\\,\\top}\\delta^l$ and $\\frac{\\partial L}{\\partial b^l} = \\frac1m \\sum_i \\delta^l_i$, with a⁰ = x. The first layer\'s inputs are x, an m × 2 matrix, and δ¹ is m × 3.',
        zh: '每一层都是同一条规则：$\\frac{\\partial L}{\\partial W^l} = \\frac1m\\, a^{l-1\\,\\top}\\delta^l$，$\\frac{\\partial L}{\\partial b^l} = \\frac1m \\sum_i \\delta^l_i$，其中 a⁰ = x。第一层的输入是 x，一个 m × 2 的矩阵，而 δ¹ 为 m × 3。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'What is the shape of ∂L/∂W¹ = (1/m)·xᵀ·δ¹?', zh: '∂L/∂W¹ = (1/m)·xᵀ·δ¹ 是什么形状？' },
        options: [
          { en: '2 × 3, the shape of W¹', zh: '2 × 3，与 W¹ 相同' },
          { en: '4 × 3', zh: '4 × 3' },
          { en: '3 × 2', zh: '3 × 2' },
        ],
        correct: 0,
        explanation: {
          en: '(2 × m)·(m × 3) = 2 × 3: the sum over the batch happens inside the product, and every weight gets one gradient entry.',
          zh: '(2 × m)·(m × 3) = 2 × 3：对批次的求和在矩阵乘积内部完成，每个权重得到一个梯度元素。',
        },
      },
    },
    {
      setup: { reach: { step: 0, phase: 'update' } },
      narration: {
        en: 'The update phase moves every weight against its gradient: $W \\leftarrow W - \\eta\\,\\frac{\\partial L}{\\partial W}$, here with η = {lr}. ∂L/∂W³[0][0] was {dW[3][0][0]}.',
        zh: '更新阶段让每个权重逆着梯度移动：$W \\leftarrow W - \\eta\\,\\frac{\\partial L}{\\partial W}$，这里 η = {lr}。∂L/∂W³[0][0] 为 {dW[3][0][0]}。',
      },
      question: {
        kind: 'number',
        prompt: { en: 'By how much did W³[0][0] change (ΔW³[0][0])?', zh: 'W³[0][0] 改变了多少（ΔW³[0][0]）？' },
        value: 'updateW[3][0][0]',
        tolerance: { rel: 0.02, abs: 0.000001 },
        explanation: {
          en: 'ΔW³[0][0] = −{lr} × {dW[3][0][0]} = {updateW[3][0][0]}.',
          zh: 'ΔW³[0][0] = −{lr} × {dW[3][0][0]} = {updateW[3][0][0]}。',
        },
      },
    },
  ],
} as const;
