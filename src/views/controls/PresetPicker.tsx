/**
 * Picks one of the textbook experiments by its readable title, in the screen's language;
 * picking rebuilds from its seed and starts at the preset's speed. Once a setting that
 * rebuilds (architecture, data, seed) differs from the preset, the picker says the experiment
 * is modified from it rather than naming the preset as if nothing had changed.
 */
import { useMemo } from 'react';
import { defineMessages, useI18n } from '../../i18n/i18n.ts';
import { PRESETS, findPreset } from '../../presets/catalog.ts';
import type { ExperimentConfig } from '../../presets/config.ts';
import { PRESET_TITLES } from '../../presets/titles.ts';
import { useConfig } from '../lab-context.tsx';

const EN = {
  'mnist-two-layer-relu': 'MNIST digits · 784-50-10 ReLU',
  'mnist-two-layer-sigmoid': 'MNIST digits · 784-50-10 sigmoid',
  'mnist-sigmoid-quadratic': 'MNIST digits · 784-30-10 quadratic cost',
  'mnist-l2-last-4000': 'MNIST, 4 000 images · L2 regularization',
  'planar-2-4-1': 'Flower · 2-4-1 tanh',
  'planar-2-4-1-random-labels': 'Random labels · 2-4-1 (cannot learn noise)',
  'regression-relu': 'Noisy sine · 1-32-1 ReLU regression',
  'spiral-deep-tanh': 'Spiral · deep 2-8×6-1 tanh',
  'sigmoid-2-3-3-1': 'XOR · 2-3-3-1 sigmoid, quadratic cost',
  'deep-sigmoid-2-8-8-8-8-1': 'Circle · deep sigmoid (δ vanishes)',
  'deep-relu-2-8-8-8-8-1': 'Circle · deep ReLU (δ keeps its size)',
  modified: '{title} (modified)',
};
const ZH: Record<keyof typeof EN, string> = {
  'mnist-two-layer-relu': 'MNIST 手写数字 · 784-50-10 ReLU',
  'mnist-two-layer-sigmoid': 'MNIST 手写数字 · 784-50-10 sigmoid',
  'mnist-sigmoid-quadratic': 'MNIST 手写数字 · 784-30-10 二次代价',
  'mnist-l2-last-4000': 'MNIST 4000 张图像 · L2 正则化',
  'planar-2-4-1': '花形数据 · 2-4-1 tanh',
  'planar-2-4-1-random-labels': '随机标签 · 2-4-1（无法学习噪声）',
  'regression-relu': '带噪正弦 · 1-32-1 ReLU 回归',
  'spiral-deep-tanh': '螺旋 · 深层 2-8×6-1 tanh',
  'sigmoid-2-3-3-1': 'XOR · 2-3-3-1 sigmoid，二次代价',
  'deep-sigmoid-2-8-8-8-8-1': '圆形数据 · 深层 sigmoid（δ 消失）',
  'deep-relu-2-8-8-8-8-1': '圆形数据 · 深层 ReLU（δ 保持大小）',
  modified: '{title}（已修改）',
};
const useTitles = defineMessages({ en: EN, zh: ZH });

type TitledPreset = Parameters<ReturnType<typeof useTitles>>[0];
const TITLED = new Set(Object.keys(EN));

/** The preset the experiment is, or was built from, and whether what rebuilds still matches it. */
function provenance(experiment: ExperimentConfig): { preset: ExperimentConfig | undefined; modified: boolean } {
  const preset = findPreset(experiment.name);
  if (preset === undefined) return { preset, modified: true };
  const rebuilds = (e: ExperimentConfig) => JSON.stringify([e.network, e.init, e.data, e.seed, e.schedule.sampling]);
  return { preset, modified: experiment.data.kind === 'csv' || rebuilds(experiment) !== rebuilds(preset) };
}

export function PresetPicker() {
  const { t, language } = useI18n();
  const title = useTitles();
  const experiment = useConfig((s) => s.experiment);
  const loadPreset = useConfig((s) => s.loadPreset);
  const { preset, modified } = useMemo(() => provenance(experiment), [experiment]);
  // A preset added to the catalog without a short title here shows its own (English) title.
  const titleOf = (name: string) => (TITLED.has(name) ? title(name as TitledPreset) : (findPreset(name)?.title ?? name));
  const value = modified ? '' : experiment.name;
  /** The long title a hover shows, in the screen's language (the preset's own title is English). */
  const longTitle = (name: string, otherwise: string) => PRESET_TITLES[name]?.[language] ?? otherwise;
  return (
    <label className="field preset-picker">
      <span className="field-label">{t('preset.label')}</span>
      <select value={value} onChange={(e) => e.target.value !== '' && loadPreset(e.target.value)} title={preset !== undefined ? longTitle(preset.name, preset.title) : experiment.title}>
        {modified && <option value="">{title('modified', { title: preset !== undefined ? titleOf(preset.name) : experiment.name })}</option>}
        {PRESETS.map((p) => (
          <option key={p.name} value={p.name} title={longTitle(p.name, p.title)}>
            {titleOf(p.name)}
          </option>
        ))}
      </select>
    </label>
  );
}
