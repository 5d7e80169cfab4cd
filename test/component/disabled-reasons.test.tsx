/**
 * A disabled control says why: a note on screen that the control names as its description
 * (aria-describedby), in English and 简体中文 — for every control of the lab that can be
 * disabled, in a state that disables it; enabled, it has no such note.
 */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findPreset } from '../../src/presets/catalog.ts';
import { ModelFile } from '../../src/views/controls/ModelFile.tsx';
import { ScreenSwitches } from '../../src/views/controls/ScreenSwitches.tsx';
import { Transport } from '../../src/views/controls/Transport.tsx';
import { Settings } from '../../src/views/controls/Settings.tsx';
import { GradCheckPanel } from '../../src/views/gradcheck/GradCheckPanel.tsx';
import { GraphControls } from '../../src/views/graph/GraphControls.tsx';
import { renderInLab } from './lab-harness.tsx';

afterEach(() => (cleanup(), vi.restoreAllMocks()));

/** The reason a disabled control gives: the text of the visible element it is described by. */
function reasonOf(control: HTMLElement): string {
  expect(control).toHaveProperty('disabled', true);
  const id = control.getAttribute('aria-describedby');
  expect(id, 'a disabled control names its reason').not.toBeNull();
  const note = document.getElementById(id!);
  expect(note).not.toBeNull();
  expect(note!.closest('[hidden], [aria-hidden="true"]')).toBeNull();
  expect(note!.textContent!.trim()).not.toBe('');
  return note!.textContent!;
}

function expectEnabledWithoutReason(control: HTMLElement) {
  expect(control).toHaveProperty('disabled', false);
  expect(control.getAttribute('aria-describedby')).toBeNull();
}

const REASONS = {
  en: {
    batch: 'Batch size',
    outputActivation: 'Activation of layer 2',
    loss: 'Loss',
    addLayer: 'Add a hidden layer',
    inputUnits: 'Units of layer 0',
    fullBatch: 'full batch: the whole training set is one batch',
    bySigmoid: 'set by the loss: sigmoid cross-entropy applies the sigmoid itself',
    bySoftmax: 'set by the loss: softmax cross-entropy applies the softmax itself',
    layerLimit: 'at most 10 layers, input and output included',
    fixedInput: 'set by the data: one unit per input feature',
    fixedOutput: 'set by the data: one unit per class (0–9)',
    play: 'Play',
    step: 'Step',
    reset: 'Reset',
    building: 'Wait: the network is being built',
    save: 'Save weights (JSON)',
    load: 'Load weights…',
    check: 'Gradient check',
    loading: 'waiting for the experiment to load',
    fullscreen: 'Fullscreen',
    noFullscreen: 'not allowed on this page',
    sample: /^sample/,
    back: 'Previous phase',
    noBatch: 'no batch yet',
    mean: 'showing the mean',
  },
  zh: {
    batch: '批大小',
    outputActivation: '第 2 层激活函数',
    loss: '损失函数',
    addLayer: '添加隐藏层',
    inputUnits: '第 0 层单元数',
    fullBatch: '全批量：整个训练集就是一个批次',
    bySigmoid: '由损失函数决定：sigmoid 交叉熵自己施加 sigmoid',
    bySoftmax: '由损失函数决定：softmax 交叉熵自己施加 softmax',
    layerLimit: '最多 10 层（含输入层和输出层）',
    fixedInput: '由数据决定：每个输入特征一个单元',
    fixedOutput: '由数据决定：每个类别一个单元（0–9）',
    play: '播放',
    step: '单步',
    reset: '重置',
    building: '请稍候：正在构建网络',
    save: '保存权重（JSON）',
    load: '载入权重…',
    check: '梯度检验',
    loading: '正在等待实验载入',
    fullscreen: '全屏',
    noFullscreen: '此页面不允许全屏',
    sample: /^样本/,
    back: '上一阶段',
    noBatch: '还没有批次',
    mean: '显示的是平均',
  },
} as const;

describe.each(['en', 'zh'] as const)('in %s', (language) => {
  const r = REASONS[language];

  it('Settings: batch size under full batch, the output activation a loss applies itself, the layer limit, the units the data sets', () => {
    const h = renderInLab(<Settings />, language); // the flower: full batch, sigmoid cross-entropy
    expect(reasonOf(screen.getByLabelText(r.batch))).toBe(r.fullBatch);
    expect(reasonOf(screen.getByLabelText(r.outputActivation))).toBe(r.bySigmoid);
    expect(reasonOf(screen.getByLabelText(r.inputUnits))).toBe(r.fixedInput);
    fireEvent.change(screen.getByLabelText(r.loss), { target: { value: 'squared-error-half' } });
    expectEnabledWithoutReason(screen.getByLabelText(r.outputActivation));

    const add = screen.getByRole('button', { name: r.addLayer });
    expectEnabledWithoutReason(add);
    while (h.lab.config.getState().experiment.network.layers.length < 10) fireEvent.click(add);
    expect(reasonOf(add)).toBe(r.layerLimit);

    act(() => h.lab.config.getState().configure(findPreset('mnist-two-layer-relu')!));
    const layers = h.lab.config.getState().experiment.network.layers.length;
    const outputUnits = screen.getByLabelText(language === 'en' ? `Units of layer ${layers - 1}` : `第 ${layers - 1} 层单元数`);
    expect(reasonOf(outputUnits)).toBe(r.fixedOutput);
    // MNIST's loss is softmax cross-entropy
    const outputActivation = screen.getByLabelText(language === 'en' ? `Activation of layer ${layers - 1}` : `第 ${layers - 1} 层激活函数`);
    expect(reasonOf(outputActivation)).toBe(r.bySoftmax);
  });

  it('Play, Step and Reset wait for the network', () => {
    const h = renderInLab(<Transport />, language);
    for (const name of [r.play, r.step, r.reset]) expect(reasonOf(screen.getByRole('button', { name }))).toBe(r.building);
    act(() => h.ready());
    for (const name of [r.play, r.step, r.reset]) expectEnabledWithoutReason(screen.getByRole('button', { name }));
  });

  it('the model file and the gradient check wait for the experiment', () => {
    const h = renderInLab(
      <>
        <ModelFile />
        <GradCheckPanel />
      </>,
      language,
    );
    for (const name of [r.save, r.load, r.check]) expect(reasonOf(screen.getByRole('button', { name }))).toBe(r.loading);
    act(() => h.ready());
    for (const name of [r.save, r.load, r.check]) expectEnabledWithoutReason(screen.getByRole('button', { name }));
  });

  it('fullscreen, where the page may not go fullscreen', () => {
    // jsdom has no Fullscreen API: a page that may not go fullscreen
    renderInLab(<ScreenSwitches dataTab={null} />, language);
    expect(reasonOf(screen.getByRole('button', { name: r.fullscreen }))).toBe(r.noFullscreen);
    cleanup();
    Object.defineProperty(document, 'fullscreenEnabled', { configurable: true, value: true });
    Object.defineProperty(document.documentElement, 'requestFullscreen', { configurable: true, value: () => Promise.resolve() });
    try {
      renderInLab(<ScreenSwitches dataTab={null} />, language);
      expectEnabledWithoutReason(screen.getByRole('button', { name: r.fullscreen }));
    } finally {
      delete (document as { fullscreenEnabled?: unknown }).fullscreenEnabled;
      delete (document.documentElement as { requestFullscreen?: unknown }).requestFullscreen;
    }
  });

  it('the graph: the sample with no batch or while showing the mean; ← Phase only when there is a phase to go back to', () => {
    const show = (m: number, phase: number | null) => {
      cleanup();
      return renderInLab(<GraphControls m={m} sample={0} phase={phase} onBack={() => {}} />, language);
    };
    const sample = () => screen.getByLabelText(r.sample);
    const back = () => screen.queryByRole('button', { name: r.back });
    show(0, null);
    expect(reasonOf(sample())).toBe(r.noBatch);
    expect(back()).toBeNull(); // not stepping by phase: nothing to go back to, so not shown
    const h = show(4, 0);
    expect(back()).toBeNull(); // the first phase
    expectEnabledWithoutReason(sample());
    act(() => h.lab.ui.getState().setUnitFocus('mean'));
    expect(reasonOf(sample())).toBe(r.mean);
    show(4, 3);
    expectEnabledWithoutReason(back()!);
  });
});
