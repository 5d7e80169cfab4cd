/**
 * Lesson 4, layers with forward and backward: the two-layer 784-50-10 ReLU/softmax network on
 * MNIST as Affine, ReLU, Affine and SoftmaxWithLoss layers. Each backward() in turn, the
 * numerical gradient against backpropagation, then training to test accuracy ≥ 0.95.
 */
export const layers = {
  id: 'layers',
  title: { en: 'Layers with forward and backward', zh: '带前向与反向的层' },
  steps: [
    {
      setup: { preset: 'mnist-two-layer-relu', granularity: 'phase', tab: 'code' },
      narration: {
        en: 'The 784-50-10 network on MNIST, written as four layers: Affine¹ ($z^1 = x W^1 + b^1$), ReLU ($a^1 = \\max(0, z^1)$), Affine² ($z^2 = a^1 W^2 + b^2$) and SoftmaxWithLoss ($y = \\mathrm{softmax}(z^2)$, $L_i = -\\sum_j t_j \\ln y_j$). Each layer has a forward() that keeps what it will need, and a backward() that takes ∂L/∂(its output) and returns ∂L/∂(its input). A batch holds 100 images of 784 pixels.',
        zh: 'MNIST 上的 784-50-10 网络，写成四个层：Affine¹（$z^1 = x W^1 + b^1$）、ReLU（$a^1 = \\max(0, z^1)$）、Affine²（$z^2 = a^1 W^2 + b^2$）和 SoftmaxWithLoss（$y = \\mathrm{softmax}(z^2)$，$L_i = -\\sum_j t_j \\ln y_j$）。每个层有一个 forward()，保存之后要用的量；还有一个 backward()，接收 ∂L/∂(本层输出)，返回 ∂L/∂(本层输入)。一个批次含 100 张 784 像素的图像。',
      },
      callout: { target: 'panel', text: { en: 'The same layers as NumPy code.', zh: '同样的层，写成 NumPy 代码。' } },
      question: {
        kind: 'choice',
        prompt: { en: 'x is 100 × 784 and W¹ is 784 × 50. What shape is z¹?', zh: 'x 为 100 × 784，W¹ 为 784 × 50。z¹ 是什么形状？' },
        options: [
          { en: '100 × 50', zh: '100 × 50' },
          { en: '784 × 50', zh: '784 × 50' },
          { en: '50 × 100', zh: '50 × 100' },
        ],
        correct: 0,
        explanation: { en: 'One row per image, one column per hidden unit; b¹ is added to every row.', zh: '每张图像一行，每个隐藏单元一列；b¹ 加到每一行。' },
      },
    },
    {
      setup: { reach: { step: 0, phase: 'loss' }, tab: 'batch' },
      narration: {
        en: 'The forward passes and the loss have run. The weights start tiny (standard deviation 0.01), so every z² is close to 0 and the softmax gives each digit about the same probability: for image 0, y₀ = {y[0][0]}, y₁ = {y[0][1]}, y₉ = {y[0][9]}.',
        zh: '前向传播和损失已运行。初始权重极小（标准差 0.01），所以每个 z² 都接近 0，softmax 给每个数字几乎相同的概率：对图像 0，y₀ = {y[0][0]}，y₁ = {y[0][1]}，y₉ = {y[0][9]}。',
      },
      question: {
        kind: 'number',
        prompt: { en: 'What is the loss L₀ = −ln y(true digit) of image 0, to two decimals?', zh: '图像 0 的损失 L₀ = −ln y(真实数字) 是多少（保留两位小数）？' },
        value: 'L[0]',
        tolerance: { abs: 0.01 },
        explanation: { en: 'Every yⱼ ≈ 1/10, so L₀ ≈ ln 10 ≈ 2.303; exactly, {L[0]}. The batch loss is {loss}.', zh: '每个 yⱼ ≈ 1/10，所以 L₀ ≈ ln 10 ≈ 2.303；精确值为 {L[0]}。批次损失为 {loss}。' },
      },
    },
    {
      setup: { reach: { step: 0, phase: 'backward 2' }, tab: 'heatmaps' },
      narration: {
        en: 'SoftmaxWithLoss.backward(): softmax and cross-entropy together have the simplest derivative, $\\partial L_i/\\partial z^2 = y - t$ (the layer returns (y − t)/m, the mean\'s share of each sample). For image 0 and digit 0: y₀ = {y[0][0]}, t₀ = {t[0][0]}.',
        zh: 'SoftmaxWithLoss.backward()：softmax 与交叉熵合在一起，导数最简单：$\\partial L_i/\\partial z^2 = y - t$（该层返回 (y − t)/m，即每个样本在平均值中所占的份额）。对图像 0 的数字 0：y₀ = {y[0][0]}，t₀ = {t[0][0]}。',
      },
      question: {
        kind: 'number',
        prompt: { en: 'What is δ² for image 0 and digit 0?', zh: '图像 0、数字 0 的 δ² 是多少？' },
        value: 'delta[2][0][0]',
        tolerance: { abs: 0.0005 },
        explanation: { en: 'δ²₀ = y₀ − t₀ = {y[0][0]} − {t[0][0]} = {delta[2][0][0]}.', zh: 'δ²₀ = y₀ − t₀ = {y[0][0]} − {t[0][0]} = {delta[2][0][0]}。' },
      },
    },
    {
      setup: { reach: { step: 0, phase: 'backward 1' } },
      narration: {
        en: 'Affine².backward() returns $\\delta^2 W^{2\\top}$ to the layer below and keeps $\\partial L/\\partial W^2 = \\frac1m a^{1\\top}\\delta^2$. ReLU.backward() passes that on where z¹ > 0 and blocks it where z¹ ≤ 0, using the mask its forward() kept: $\\delta^1 = (\\delta^2 W^{2\\top}) \\odot [z^1 > 0]$. For image 0, z¹₀ = {z[1][0][0]} and δ¹₀ = {delta[1][0][0]}.',
        zh: 'Affine².backward() 把 $\\delta^2 W^{2\\top}$ 返回给下一层，并保存 $\\partial L/\\partial W^2 = \\frac1m a^{1\\top}\\delta^2$。ReLU.backward() 在 z¹ > 0 处把它传下去，在 z¹ ≤ 0 处挡住，用的是 forward() 保存的掩码：$\\delta^1 = (\\delta^2 W^{2\\top}) \\odot [z^1 > 0]$。对图像 0，z¹₀ = {z[1][0][0]}，δ¹₀ = {delta[1][0][0]}。',
      },
      question: {
        kind: 'choice',
        prompt: { en: 'A hidden unit has z¹ⱼ < 0 for image 0. What is its δ¹ⱼ for that image?', zh: '某个隐藏单元对图像 0 有 z¹ⱼ < 0。它对该图像的 δ¹ⱼ 是多少？' },
        options: [
          { en: '0', zh: '0' },
          { en: 'The same as if z¹ⱼ were positive', zh: '与 z¹ⱼ 为正时相同' },
          { en: '−1 times the value from above', zh: '上面传来的值乘以 −1' },
        ],
        correct: 0,
        explanation: { en: 'ReLU′(z) = 0 for z < 0: the unit was off, so its weights get no gradient from this image.', zh: 'z < 0 时 ReLU′(z) = 0：这个单元没有激活，所以它的权重从这张图像得不到梯度。' },
      },
    },
    {
      setup: { gradientCheck: true, tab: 'check' },
      narration: {
        en: 'The numerical gradient needs only forward(): perturb one parameter θ by ±h and ±2h and take $\\frac{-L(\\theta+2h) + 8L(\\theta+h) - 8L(\\theta-h) + L(\\theta-2h)}{12h}$. On 40 sampled entries per tensor, the largest relative errors against backpropagation are W¹ {relerr(W[1])}, b¹ {relerr(b[1])}, W² {relerr(W[2])}, b² {relerr(b[2])}.',
        zh: '数值梯度只需要 forward()：把一个参数 θ 扰动 ±h 和 ±2h，计算 $\\frac{-L(\\theta+2h) + 8L(\\theta+h) - 8L(\\theta-h) + L(\\theta-2h)}{12h}$。每个张量抽取 40 个元素，与反向传播相比的最大相对误差为：W¹ {relerr(W[1])}，b¹ {relerr(b[1])}，W² {relerr(W[2])}，b² {relerr(b[2])}。',
      },
      callout: { target: 'panel', text: { en: 'Every tensor passes the threshold τ = 10⁻⁶.', zh: '每个张量都通过阈值 τ = 10⁻⁶。' } },
      question: {
        kind: 'choice',
        prompt: { en: 'Why does training use backpropagation rather than this numerical gradient?', zh: '为什么训练用反向传播，而不是这种数值梯度？' },
        options: [
          { en: 'The numerical gradient costs 4 forward passes per parameter, about 159 000 for these 39 760 parameters; backpropagation gets them all from one forward and one backward pass', zh: '数值梯度每个参数需要 4 次前向传播，这 39 760 个参数约需 159 000 次；反向传播一次前向加一次反向就得到全部' },
          { en: 'The numerical gradient is wrong', zh: '数值梯度是错的' },
          { en: 'Backpropagation is more accurate than the loss itself', zh: '反向传播比损失本身更精确' },
        ],
        correct: 0,
        explanation: { en: 'The numerical gradient is the check, not the method: slow but simple enough to trust.', zh: '数值梯度是用来检验的，而不是用来训练的：它慢，但简单到值得信赖。' },
      },
    },
    {
      setup: { granularity: 'batch', stepsPerSecond: null, learningRate: 0.5, tab: 'curves' },
      narration: {
        en: 'Now train. To reach the goal in about two epochs this step raises the learning rate from 0.1 to 0.5 (lesson 5 is about that choice). The test accuracy is measured on the 10 000 test images every 600 steps, one epoch.',
        zh: '现在开始训练。为了在约两个 epoch 内达到目标，这一步把学习率从 0.1 提高到 0.5（第 5 课讨论这个选择）。测试准确率每 600 步（一个 epoch）在 10 000 张测试图像上测量一次。',
      },
      callout: { target: 'transport', text: { en: 'Play is here.', zh: '“播放”在这里。' } },
      question: {
        kind: 'condition',
        prompt: { en: 'Train until the test accuracy is at least 0.95.', zh: '训练到测试准确率至少为 0.95。' },
        condition: { quantity: 'testAccuracy', op: '>=', value: 0.95 },
        explanation: {
          en: 'Two layers and 39 760 parameters recognise 95 % of digits they have never seen, after two passes over the training set.',
          zh: '两层、39 760 个参数，在训练集上过两遍之后，就能认出 95 % 从未见过的数字。',
        },
      },
    },
  ],
} as const;
