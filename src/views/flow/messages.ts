/** The gradient-flow view's words, in English and 简体中文. */
import { defineMessages } from '../../i18n/i18n.ts';

export const useFlowMessages = defineMessages({
  en: {
    'flow.title': 'Gradient flow',
    'flow.gradNorm': '‖∂L/∂W‖ per layer (log scale)',
    'flow.updateRatio': '‖ΔW‖ / ‖W‖ per layer: update ÷ weight (log scale)',
    'flow.step': 'Step',
    'flow.layer': 'layer {l}',
    'flow.guide': '10⁻³: rule of thumb',
    'flow.empty': 'No gradient flow yet',
    'flow.emptyWhy': 'It is measured on traced steps while training.',
    'flow.aria.empty': 'Gradient flow: nothing measured yet',
    'flow.aria': 'Gradient flow, latest: ‖∂L/∂W‖ {gradNorms}; ‖ΔW‖/‖W‖ {ratios}',
    'flow.aria.item': 'layer {l} {value}',
    'flow.aria.separator': ', ',
  },
  zh: {
    'flow.title': '梯度流',
    'flow.gradNorm': '各层 ‖∂L/∂W‖（对数坐标）',
    'flow.updateRatio': '各层 ‖ΔW‖ / ‖W‖：更新量 ÷ 权重（对数坐标）',
    'flow.step': '步数',
    'flow.layer': '第 {l} 层',
    'flow.guide': '10⁻³：经验值',
    'flow.empty': '还没有梯度流数据',
    'flow.emptyWhy': '训练时在记录轨迹的步上测量。',
    'flow.aria.empty': '梯度流：还没有测量',
    'flow.aria': '梯度流最新值：‖∂L/∂W‖ {gradNorms}；‖ΔW‖/‖W‖ {ratios}',
    'flow.aria.item': '第 {l} 层 {value}',
    'flow.aria.separator': '，',
  },
});

export type FlowMessages = ReturnType<typeof useFlowMessages>;
