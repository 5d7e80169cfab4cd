import { defineMessages } from '../../i18n/i18n.ts';

/** One sentence per phase; {k} is the sample, the other parameters are names and numbers from the trace. */
export const useNarrationMessages = defineMessages({
  en: {
    idle: 'Step by phase (→) to follow one training step; ← goes back a phase.',
    forward: 'Forward, layer {l}: each unit adds up its weighted inputs and its bias, then applies {f}. For sample {k}: {z} = {zv}, {a} = {f}({zv}) = {av}.',
    'forward.identity': 'Forward, layer {l}: each unit adds up its weighted inputs and its bias; the output keeps that sum. For sample {k}: {a} = {z} = {zv}.',
    loss: 'Loss: the output is compared with the target. For sample {k}: y{j} = {y}, t{j} = {t}, its loss Lᵢ = {li}; the batch loss is L = {loss}.',
    'backward.output': 'Backward, layer {l}: the output error term comes straight from the loss, δ = y − t. For sample {k}: {d} = {y} − {t} = {delta}.',
    'backward.output.squared': "Backward, layer {l}: the output error term is the loss's slope times the slope of {f}. For sample {k}: {d} = {c}({y} − {t}) × {slope} = {delta}.",
    'backward.hidden': 'Backward, layer {l}: each hidden unit’s error term is the weighted sum of the error terms above it, times the slope of {f} at its input. For sample {k}: {d} = {sum} × {slope} = {delta}.',
    'update.sgd': 'Update: every weight takes a step against its gradient, W ← W − η·∂L/∂W (η = {eta}). The largest move: {w} = {wv} − {etaWorked} × {dw} = {next}.',
    'update.other': 'Update: every weight moves by the step ΔW its optimizer computed from the gradient. The largest move: {w} = {wv} + {update} = {next}.',
    free: 'Training runs whole steps; pause and step by phase to see one step narrated.',
  },
  zh: {
    idle: '按阶段单步（→）可以跟随一次训练；← 退回上一阶段。',
    forward: '前向，第 {l} 层：每个单元把加权输入与偏置相加，再经过激活函数 {f}。样本 {k}：{z} = {zv}，{a} = {f}({zv}) = {av}。',
    'forward.identity': '前向，第 {l} 层：每个单元把加权输入与偏置相加；输出层直接保留这个和。样本 {k}：{a} = {z} = {zv}。',
    loss: '损失：把输出与目标值比较。样本 {k}：y{j} = {y}，t{j} = {t}，它的损失 Lᵢ = {li}；整批的损失 L = {loss}。',
    'backward.output': '反向，第 {l} 层：输出层的误差项直接来自损失函数，δ = y − t。样本 {k}：{d} = {y} − {t} = {delta}。',
    'backward.output.squared': '反向，第 {l} 层：输出层的误差项等于损失函数的斜率乘以 {f} 的斜率。样本 {k}：{d} = {c}({y} − {t}) × {slope} = {delta}。',
    'backward.hidden': '反向，第 {l} 层：每个隐藏单元的误差项等于上一层误差项的加权和，乘以激活函数 {f} 在其输入处的斜率。样本 {k}：{d} = {sum} × {slope} = {delta}。',
    'update.sgd': '更新：每个权重沿梯度的反方向走一步，W ← W − η·∂L/∂W（η = {eta}）。变化最大的是：{w} = {wv} − {etaWorked} × {dw} = {next}。',
    'update.other': '更新：每个权重加上优化器根据梯度算出的步长 ΔW。变化最大的是：{w} = {wv} + {update} = {next}。',
    free: '正在按整步训练；暂停并按阶段单步，即可看到每一阶段的讲解。',
  },
});
