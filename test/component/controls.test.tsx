import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { LearningRate } from '../../src/views/controls/LearningRate.tsx';
import { PresetPicker } from '../../src/views/controls/PresetPicker.tsx';
import { Transport } from '../../src/views/controls/Transport.tsx';
import { ScreenSwitches } from '../../src/views/controls/ScreenSwitches.tsx';
import { RunStatus } from '../../src/views/status/RunStatus.tsx';
import { renderInLab } from './lab-harness.tsx';
import { findPreset } from '../../src/presets/catalog.ts';
import { scheduleNotice } from '../../src/presets/experiment.ts';

afterEach(cleanup);

describe('Transport', () => {
  it('is disabled until the engine is ready, then sends play, pause, step and reset', () => {
    const h = renderInLab(<Transport />);
    expect(screen.getByRole('button', { name: 'Play' })).toHaveProperty('disabled', true);
    act(h.ready);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    act(() => h.emit({ type: 'status', status: 'running', step: 0 }));
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'phase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(h.sent).toEqual([{ type: 'play' }, { type: 'pause' }, { type: 'step', granularity: 'phase' }, { type: 'reset', config: h.lab.config.getState().experiment }]);
  });

  it('answers Space, → and R, but not while typing in a field', () => {
    const h = renderInLab(
      <>
        <Transport />
        <input aria-label="elsewhere" />
      </>,
    );
    act(h.ready);
    fireEvent.keyDown(document.body, { key: ' ' });
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    fireEvent.keyDown(document.body, { key: 'r' });
    fireEvent.keyDown(screen.getByLabelText('elsewhere'), { key: ' ' });
    expect(h.sent.map((c) => c.type)).toEqual(['play', 'step', 'reset']);
  });

  it('leaves keys to the focused widget: tabs, buttons and a heatmap canvas', () => {
    const h = renderInLab(
      <>
        <Transport />
        <div role="tablist">
          <button role="tab">one</button>
        </div>
        <canvas aria-label="map" tabIndex={0} />
      </>,
    );
    act(h.ready);
    fireEvent.keyDown(screen.getByRole('tab', { name: 'one' }), { key: 'ArrowRight' });
    fireEvent.keyDown(screen.getByLabelText('map'), { key: ' ' });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Reset' }), { key: ' ' });
    expect(h.sent).toEqual([]);
  });

  it('answers → and R with a button or checkbox focused (after a click), which use only Space and Enter', () => {
    const h = renderInLab(
      <>
        <Transport />
        <input type="checkbox" aria-label="mean" />
        <input type="range" aria-label="slider" />
        <select aria-label="choice">
          <option>r</option>
        </select>
      </>,
    );
    act(h.ready);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Step' }), { key: 'ArrowRight' });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Play' }), { key: 'r' });
    fireEvent.keyDown(screen.getByLabelText('mean'), { key: 'ArrowRight' });
    // Theirs: a slider's arrows, a select's letters, a button's Space.
    fireEvent.keyDown(screen.getByLabelText('slider'), { key: 'ArrowRight' });
    fireEvent.keyDown(screen.getByLabelText('choice'), { key: 'r' });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Step' }), { key: ' ' });
    expect(h.sent.map((c) => c.type)).toEqual(['step', 'reset', 'step']);
  });

  it('P switches presenter mode with Play just clicked (a focused button), not while typing', () => {
    const h = renderInLab(
      <>
        <Transport />
        <ScreenSwitches dataTab={null} />
        <input aria-label="typing" />
      </>,
    );
    act(h.ready);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Play' }), { key: 'p' });
    expect(h.lab.ui.getState().presenter).toBe(true);
    fireEvent.keyDown(screen.getByRole('switch'), { key: 'p' });
    expect(h.lab.ui.getState().presenter).toBe(false);
    fireEvent.keyDown(screen.getByLabelText('typing'), { key: 'p' });
    expect(h.lab.ui.getState().presenter).toBe(false);
  });

  it('speaks 简体中文', () => {
    const h = renderInLab(<Transport />, 'zh');
    act(h.ready);
    expect(screen.getByRole('button', { name: '播放' })).toBeDefined();
    expect(screen.getByRole('button', { name: '单步' })).toBeDefined();
  });
});

describe('LearningRate', () => {
  it('sends an exact typed rate, and a slider rate on a log scale', () => {
    const h = renderInLab(<LearningRate />);
    const field = screen.getByLabelText('Learning rate', { selector: 'input[type="text"]' });
    expect((field as HTMLInputElement).value).toBe('1.2');
    fireEvent.change(field, { target: { value: '0.037' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(h.lab.config.getState().experiment.hyper.learningRate).toBe(0.037);
    fireEvent.change(screen.getByRole('slider'), { target: { value: '-2' } });
    expect(h.lab.config.getState().experiment.hyper.learningRate).toBe(0.01);
    expect(screen.getByTestId('lr-readout').textContent).toBe('η = 0.01'); // what presenter mode shows in the field's place
    expect(h.sent.map((c) => c.type === 'set' && c.settings.hyper?.learningRate)).toEqual([0.037, 0.01]);
  });

  it('shows why a rate is refused and keeps the old one', () => {
    const h = renderInLab(<LearningRate />);
    const field = screen.getByLabelText('Learning rate', { selector: 'input[type="text"]' });
    fireEvent.change(field, { target: { value: '-3' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toMatch(/hyper\.learningRate: must be greater than 0/);
    expect(h.lab.config.getState().experiment.hyper.learningRate).toBe(1.2);
    expect(h.sent).toEqual([]);
  });
});

describe('PresetPicker', () => {
  it('configures the chosen preset, at the speed it starts at', () => {
    const h = renderInLab(<PresetPicker />);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'mnist-two-layer-relu' } });
    expect(h.sent).toMatchObject([{ type: 'configure', config: { name: 'mnist-two-layer-relu' } }, { type: 'set', settings: { speed: { kind: 'full' } } }]);
  });

  it('names experiments by readable titles in the screen’s language, never by internal ids', () => {
    renderInLab(<PresetPicker />);
    const options = [...screen.getByRole('combobox').querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toContain('Flower · 2-4-1 tanh');
    expect(options).toContain('MNIST digits · 784-50-10 ReLU');
    expect(options.some((o) => /^[a-z0-9-]+$/.test(o ?? ''))).toBe(false);
    cleanup();
    renderInLab(<PresetPicker />, 'zh');
    expect((screen.getByRole('combobox') as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('花形数据 · 2-4-1 tanh');
    // The hover's long title too (it was the preset's English title).
    expect(screen.getByRole('combobox').getAttribute('title')).toBe('平面“花朵”数据，2-4-1 tanh + sigmoid 输出，梯度下降');
    expect((screen.getByRole('combobox') as HTMLSelectElement).selectedOptions[0]!.getAttribute('title')).toBe('平面“花朵”数据，2-4-1 tanh + sigmoid 输出，梯度下降');
  });

  it('says the experiment is modified once its data no longer match the preset', () => {
    const h = renderInLab(<PresetPicker />);
    const select = screen.getByRole('combobox') as HTMLSelectElement;
    expect(select.selectedOptions[0]!.textContent).toBe('Flower · 2-4-1 tanh');
    const e = h.lab.config.getState().experiment;
    act(() => h.lab.config.getState().configure({ ...e, data: { ...e.data, name: 'spiral' } }));
    expect(select.selectedOptions[0]!.textContent).toBe('Flower · 2-4-1 tanh (modified)');
    act(() => h.lab.config.getState().setLearningRate(0.3));
    fireEvent.change(select, { target: { value: 'planar-2-4-1' } });
    expect(select.selectedOptions[0]!.textContent).toBe('Flower · 2-4-1 tanh');
  });
});

describe('RunStatus', () => {
  it('says, in either language, when full-batch descent runs as mini-batches, and can be dismissed', () => {
    const p = findPreset('planar-2-4-1')!;
    const notice = scheduleNotice(p.schedule, 250_000)!;
    for (const [language, text] of [
      ['en', 'full-batch descent takes at most 100,000 rows at once; the 250,000 training rows run as shuffled mini-batches of 100,000 (3 steps an epoch)'],
      ['zh', '全批量梯度下降一次最多处理 100,000 行；这 250,000 行训练数据改为打乱顺序、每批 100,000 行的小批量运行（每轮 3 步）'],
    ] as const) {
      const h = renderInLab(<RunStatus />, language);
      act(() => h.emit({ type: 'ready', info: { name: p.name, network: p.network, hyper: p.hyper, batchSize: 100_000, trainSize: 250_000, testSize: 0, stepsPerEpoch: 3, parameterCount: 17, notice } }));
      const note = screen.getByTestId('schedule-notice');
      expect(note.textContent).toContain(text);
      fireEvent.click(within(note).getByRole('button'));
      expect(screen.queryByTestId('schedule-notice')).toBeNull();
      h.unmount();
    }
  });

  it('shows the engine\'s numbers', () => {
    const h = renderInLab(<RunStatus />);
    act(h.ready);
    act(() => {
      h.emit({ type: 'snapshot', step: 42, epoch: 42, phase: null, params: [], trace: null });
      h.emit({ type: 'metrics', steps: { step: Float64Array.of(41), loss: Float64Array.of(0.3141), learningRate: Float64Array.of(1.2) }, evaluations: [{ iteration: 42, epoch: 42, loss: 0.3, trainAccuracy: 0.875, testLoss: null, testAccuracy: null }], flow: null });
    });
    expect(screen.getByTestId('step').textContent).toBe('42');
    expect(screen.getByTestId('loss').textContent).toBe('0.3141');
    expect(screen.getByTestId('train-accuracy').textContent).toBe('0.8750');
    expect(screen.getByTestId('status').textContent).toBe('Ready');
  });

  it('after divergence offers to lower the rate and continue', () => {
    const h = renderInLab(<RunStatus />);
    act(h.ready);
    act(() => h.emit({ type: 'diverged', step: 17, divergence: { phase: { kind: 'forward', layer: 2 }, quantity: 'z', layer: 2 }, learningRate: 5, checkpointStep: 0, recovery: 'go-back', weightsOrdinary: true }));
    expect(screen.getByRole('alert').textContent).toMatch(/diverged at step 17: the weighted input z became NaN or infinite in layer 2/);
    fireEvent.click(screen.getByRole('button', { name: 'Lower the rate to 0.5 and continue from here' }));
    expect(h.sent).toMatchObject([{ type: 'set', settings: { hyper: { learningRate: 0.5 } } }, { type: 'play' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Lower the rate to 0.5 and go back to step 0' }));
    expect(h.sent.slice(2)).toMatchObject([{ type: 'set', settings: { hyper: { learningRate: 0.5 } } }, { type: 'restore-checkpoint' }, { type: 'play' }]);
  });

  // Stepping by phase: test/component/status/run-status-phases.test.tsx.

  it('after divergence from weights grown past the ordinary, offers only going back, not continuing', () => {
    const h = renderInLab(<RunStatus />);
    act(h.ready);
    act(() => h.emit({ type: 'diverged', step: 80, divergence: { phase: { kind: 'update' }, quantity: 'W', layer: 1 }, learningRate: 10, checkpointStep: 50, recovery: 'go-back', weightsOrdinary: false }));
    expect(screen.getByRole('button', { name: 'Lower the rate to 1 and go back to step 50' })).toBeDefined();
    expect(screen.queryByRole('button', { name: /continue from here/ })).toBeNull();
  });

  it('after the forward pass overflows on huge weights, offers re-initialising instead of a lower rate', () => {
    const h = renderInLab(<RunStatus />);
    act(h.ready);
    act(() => h.emit({ type: 'diverged', step: 0, divergence: { phase: { kind: 'forward', layer: 1 }, quantity: 'z', layer: 1 }, learningRate: 0.1, checkpointStep: null, recovery: 'reinitialise', weightsOrdinary: false }));
    expect(screen.getByRole('alert').textContent).toMatch(/a lower rate cannot help/);
    expect(screen.queryByRole('button', { name: /Lower the rate/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Start again from fresh weights' }));
    expect(h.sent).toMatchObject([{ type: 'reset' }]);
  });

  it('flags a classifier stuck at chance with a suggestion, and nothing while it learns', () => {
    const h = renderInLab(<RunStatus />); // the default experiment: two classes, chance 0.5
    act(h.ready);
    const evaluation = (iteration: number, accuracy: number) => ({ iteration, epoch: iteration, loss: 0.69, trainAccuracy: accuracy, testLoss: null, testAccuracy: null });
    const metrics = (evaluations: ReturnType<typeof evaluation>[]) =>
      h.emit({ type: 'metrics', steps: { step: Float64Array.of(1), loss: Float64Array.of(0.69), learningRate: Float64Array.of(1.2) }, evaluations, flow: null });
    act(() => metrics([evaluation(0, 0.5), evaluation(1000, 0.7), evaluation(2000, 0.8)]));
    expect(screen.queryByTestId('stalled')).toBeNull();
    // Evaluations taken between the schedule's (every 250 ms at a slow speed) do not count.
    act(() => metrics([evaluation(2005, 0.5), evaluation(2010, 0.5), evaluation(2015, 0.49)]));
    expect(screen.queryByTestId('stalled')).toBeNull();
    act(() => metrics([evaluation(3000, 0.5), evaluation(4000, 0.51), evaluation(5000, 0.49)]));
    expect(screen.getByTestId('stalled').textContent).toBe(
      'Stalled: accuracy 0.490 is at chance (0.50) after several evaluations. Units may be saturated or dead: lower the learning rate and start again.',
    );
  });

  it('shows loading progress in MB', () => {
    const h = renderInLab(<RunStatus />);
    act(() => h.emit({ type: 'loading', what: 'mnist-train', loaded: 23_550_012, total: 47_100_024 }));
    expect(screen.getByText('Loading mnist-train: 23.6 of 47.1 MB')).toBeDefined();
    expect(screen.getByRole('progressbar')).toBeDefined();
  });
});

describe('RunStatus readouts', () => {
  it('write a huge loss in e-notation, so it fits its cell', async () => {
    const { format } = await import('../../src/views/status/RunStatus.tsx');
    expect(format(2.574012710595494e242)).toBe('2.574e+242');
    expect(format(0.31416)).toBe('0.3142');
    expect(format(-1234567)).toBe('-1.235e+6');
    expect(format(Number.NaN)).toBe('—');
  });
});
