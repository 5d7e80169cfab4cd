/**
 * Lesson 6, debugging a backward(): a student's 1-32-1 ReLU regression network with three
 * mistakes of the bug lab. The gradient check catches the flipped output error and the wrong
 * ReLU derivative; it cannot catch the forgotten b¹ update, which the "parameters changed" check
 * does, and which keeps every ReLU kink at x = 0 so the network cannot fit the sine.
 */
const RELU = 'relu-derivative-from-activation';
const FLIPPED = 'output-error-flipped';
const FROZEN = 'first-bias-frozen';

export const debugging = {
  id: 'debugging',
  title: { en: 'Debugging a backward()', zh: '调试 backward()' },
  steps: [
    {
      setup: { preset: 'regression-relu', bugs: [RELU, FLIPPED, FROZEN], granularity: 'batch', tab: 'check', gradientCheck: true },
      narration: {
        en: 'A student\'s network fits y = sin(x) with 32 ReLU units and the cost ½(y − t)². Their backward() has three slips: relu_derivative(a) returns (a >= 0), which is 1 everywhere since a = max(0, z) ≥ 0; the output error is written t − y while the update still subtracts the gradient; and the line b1 -= lr * db1 is missing. The gradient check has run on the first batch. Largest relative errors: W¹ {relerr(W[1])}, b¹ {relerr(b[1])}, W² {relerr(W[2])}, b² {relerr(b[2])}.',
        zh: '一位学生的网络用 32 个 ReLU 单元和代价 ½(y − t)² 拟合 y = sin(x)。他的 backward() 有三处失误：relu_derivative(a) 返回 (a >= 0)，由于 a = max(0, z) ≥ 0，它处处为 1；输出误差写成了 t − y，而更新仍然减去梯度；还漏掉了 b1 -= lr * db1 这一行。梯度检验已在第一个批次上运行。最大相对误差：W¹ {relerr(W[1])}，b¹ {relerr(b[1])}，W² {relerr(W[2])}，b² {relerr(b[2])}。',
      },
      callout: { target: 'panel', text: { en: 'The gradient check, with all three slips in the code.', zh: '代码含三处失误时的梯度检验。' } },
      question: {
        kind: 'choice',
        prompt: { en: 'Which tensors does the gradient check flag?', zh: '梯度检验标出了哪些张量？' },
        options: [
          { en: 'All four', zh: '全部四个' },
          { en: 'W¹ and b¹ only', zh: '只有 W¹ 和 b¹' },
          { en: 'b¹ only', zh: '只有 b¹' },
          { en: 'None', zh: '没有' },
        ],
        correct: 0,
        explanation: {
          en: 'The flipped output error reverses every gradient, so every tensor fails with a relative error of 1 or more.',
          zh: '反号的输出误差使每个梯度都反向，所以每个张量都失败，相对误差为 1 或更大。',
        },
      },
    },
    {
      setup: { preset: 'regression-relu', bugs: [RELU, FROZEN], granularity: 'batch', tab: 'check', gradientCheck: true },
      narration: {
        en: 'The student fixes the sign: δ² = y − t. Checked again: W¹ {relerr(W[1])}, b¹ {relerr(b[1])}, W² {relerr(W[2])}, b² {relerr(b[2])}.',
        zh: '学生修正了符号：δ² = y − t。再次检验：W¹ {relerr(W[1])}，b¹ {relerr(b[1])}，W² {relerr(W[2])}，b² {relerr(b[2])}。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'Which tensors fail now, and why?', zh: '现在哪些张量失败？为什么？' },
        options: [
          { en: 'W¹ and b¹: the wrong ReLU′ makes δ¹ wrong, and only layer 1\'s gradients use δ¹', zh: 'W¹ 和 b¹：错误的 ReLU′ 使 δ¹ 出错，而只有第 1 层的梯度用到 δ¹' },
          { en: 'W² and b²: the output layer is still wrong', zh: 'W² 和 b²：输出层仍然有错' },
          { en: 'None: the ReLU derivative does not matter', zh: '没有：ReLU 的导数无关紧要' },
        ],
        correct: 0,
        explanation: {
          en: 'Where some sample had z¹ⱼ < 0 the student\'s δ¹ⱼ is not 0 as it should be, so ∂L/∂W¹ and ∂L/∂b¹ differ from the numerical derivative.',
          zh: '在某个样本 z¹ⱼ < 0 的地方，学生的 δ¹ⱼ 本应为 0 却不是，所以 ∂L/∂W¹ 和 ∂L/∂b¹ 与数值导数不同。',
        },
      },
    },
    {
      setup: { preset: 'regression-relu', bugs: [FROZEN], granularity: 'batch', tab: 'check', gradientCheck: true },
      narration: {
        en: 'The student writes relu_derivative from z: (z > 0). Checked again: W¹ {relerr(W[1])}, b¹ {relerr(b[1])}, W² {relerr(W[2])}, b² {relerr(b[2])}. Every tensor passes.',
        zh: '学生改为由 z 计算 relu_derivative：(z > 0)。再次检验：W¹ {relerr(W[1])}，b¹ {relerr(b[1])}，W² {relerr(W[2])}，b² {relerr(b[2])}。每个张量都通过。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'The gradient check passes. Is the code right now?', zh: '梯度检验通过了。现在代码对了吗？' },
        options: [
          { en: 'Not necessarily: the check compares the gradients, and never looks at what the update does with them', zh: '不一定：检验只比较梯度，从不看更新如何使用它们' },
          { en: 'Yes: a passing gradient check proves the training code correct', zh: '对了：梯度检验通过就证明训练代码正确' },
        ],
        correct: 0,
        explanation: { en: 'db¹ is computed correctly; it is just never applied. The check cannot see that.', zh: 'db¹ 算得没错，只是从未被应用。检验看不到这一点。' },
      },
    },
    {
      narration: {
        en: 'Below the gradient check, the "parameters changed" check takes one step on a copy and compares every tensor before and after. W¹ had {gradnonzero(W[1])} entries with a nonzero gradient and {changed(W[1])} moved; b¹ had {gradnonzero(b[1])} with a nonzero gradient.',
        zh: '在梯度检验下方，“参数是否改变”检验在副本上走一步，比较每个张量前后的值。W¹ 有 {gradnonzero(W[1])} 个梯度非零的元素，其中 {changed(W[1])} 个移动了；b¹ 有 {gradnonzero(b[1])} 个梯度非零的元素。',
      },
      callout: { target: 'panel', text: { en: 'The "parameters changed" table is under the gradient check.', zh: '“参数是否改变”表格在梯度检验下方。' } },
      question: {
        kind: 'number',
        prompt: { en: 'How many entries of b¹ did the step change?', zh: '这一步改变了 b¹ 的多少个元素？' },
        value: 'changed(b[1])',
        tolerance: { abs: 0.5 },
        explanation: { en: '{changed(b[1])}: b¹ has a gradient but never moves. That is the forgotten update.', zh: '{changed(b[1])}：b¹ 有梯度却从不移动。这就是被遗漏的更新。' },
      },
    },
    {
      setup: { stepsPerSecond: null, tab: 'curves' },
      narration: {
        en: 'Does a frozen b¹ matter? With one input, unit j computes max(0, W¹[0][j]·x + b¹ⱼ), whose kink is at x = −b¹ⱼ / W¹[0][j]. With every b¹ⱼ stuck at 0, all 32 kinks sit at x = 0: the network can only draw one bend. Press Play.',
        zh: 'b¹ 冻结要紧吗？只有一个输入时，单元 j 计算 max(0, W¹[0][j]·x + b¹ⱼ)，它的拐点在 x = −b¹ⱼ / W¹[0][j]。每个 b¹ⱼ 都停在 0，所以 32 个拐点全在 x = 0：网络只能画出一个折弯。按“播放”。',
      },
      callout: { target: 'transport', text: { en: 'Play is here.', zh: '“播放”在这里。' } },
      question: {
        kind: 'condition',
        prompt: { en: 'Train until the first evaluation: the training loss stays at or above 0.05.', zh: '训练到第一次评估：训练损失停在 0.05 或以上。' },
        condition: { quantity: 'loss', op: '>=', value: 0.05 },
        explanation: { en: 'Two straight pieces cannot follow a sine: the loss stalls near 0.09.', zh: '两段直线无法贴合正弦曲线：损失停在 0.09 附近。' },
      },
    },
    {
      setup: { preset: 'regression-relu', bugs: [], granularity: 'batch', stepsPerSecond: null, tab: 'check', gradientCheck: true },
      narration: {
        en: 'All three slips fixed. The gradient check passes (W¹ {relerr(W[1])}) and one step now changes {changed(b[1])} of the {gradnonzero(b[1])} entries of b¹ that have a gradient. Press Play.',
        zh: '三处失误都已修正。梯度检验通过（W¹ {relerr(W[1])}），一步现在改变了 b¹ 中有梯度的 {gradnonzero(b[1])} 个元素中的 {changed(b[1])} 个。按“播放”。',
      },
      question: {
        kind: 'condition',
        prompt: { en: 'Train until the training loss is at most 0.02.', zh: '训练到训练损失至多为 0.02。' },
        condition: { quantity: 'loss', op: '<=', value: 0.02 },
        explanation: {
          en: 'With the kinks free to move the network fits the sine. Two checks were needed: the gradient check for the backward pass, the "parameters changed" check for the update.',
          zh: '拐点可以移动后，网络就能拟合正弦曲线。需要两种检验：梯度检验针对反向传播，“参数是否改变”检验针对更新。',
        },
      },
    },
  ],
} as const;
