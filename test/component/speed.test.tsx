import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { phaseAt, speedAt, SpeedControl } from '../../src/views/controls/SpeedControl.tsx';
import { ShortcutSheet } from '../../src/views/controls/ShortcutSheet.tsx';
import { Transport } from '../../src/views/controls/Transport.tsx';
import { renderInLab } from './lab-harness.tsx';

afterEach(cleanup);

const stepsSlider = () => screen.getByLabelText(/^Steps per second/) as HTMLInputElement;

describe('SpeedControl', () => {
  it('starts at the experiment’s speed: a few dozen steps a second for the flower', () => {
    const h = renderInLab(<SpeedControl />);
    expect(h.lab.config.getState().speed).toEqual({ kind: 'steps-per-second', value: 20 });
    expect(screen.getByTestId('speed-readout').textContent).toBe('20 steps/s');
    expect(Number(stepsSlider().value)).toBeCloseTo(Math.log10(20), 5);
  });

  it('is a continuous log scale from 0.5 steps/s, with full speed at the top', () => {
    expect(speedAt(Math.log10(0.5))).toEqual({ kind: 'steps-per-second', value: 0.5 });
    expect(speedAt(Math.log10(0.5) - 1)).toEqual({ kind: 'steps-per-second', value: 0.5 });
    expect(speedAt(0.5)).toEqual({ kind: 'steps-per-second', value: 3.2 });
    expect(speedAt(1)).toEqual({ kind: 'steps-per-second', value: 10 });
    expect(speedAt(3)).toEqual({ kind: 'steps-per-second', value: 1000 });
    expect(speedAt(3.2)).toEqual({ kind: 'full' });
    // Every position between gives a rate no smaller than the one before (no jumps back).
    let previous = 0;
    for (let p = Math.log10(0.5); p <= 3.1; p += 0.01) {
      const s = speedAt(p);
      const value = s.kind === 'steps-per-second' ? s.value : Infinity;
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });

  it('sends the slider’s speed to the engine and shows it', () => {
    const h = renderInLab(<SpeedControl />);
    fireEvent.change(stepsSlider(), { target: { value: String(Math.log10(5)) } });
    expect(h.sent.at(-1)).toMatchObject({ type: 'set', settings: { speed: { kind: 'steps-per-second', value: 5 } } });
    expect(screen.getByTestId('speed-readout').textContent).toBe('5 steps/s');
    fireEvent.change(stepsSlider(), { target: { value: stepsSlider().max } });
    expect(h.sent.at(-1)).toMatchObject({ type: 'set', settings: { speed: { kind: 'full' } } });
    expect(screen.getByTestId('speed-readout').textContent).toBe('full speed');
  });

  it('animates phases of an adjustable duration from 0.3 to 5 s, and goes back to the rate it had', () => {
    const h = renderInLab(<SpeedControl />);
    fireEvent.click(screen.getByRole('button', { name: 'Animated phases' }));
    expect(h.lab.config.getState().speed).toEqual({ kind: 'animated', phasesPerSecond: 1 });
    expect(screen.getByRole('button', { name: 'Animated phases' }).getAttribute('aria-pressed')).toBe('true');
    const slider = screen.getByLabelText(/^Seconds per phase/) as HTMLInputElement;
    expect(Number(slider.min)).toBeCloseTo(Math.log10(0.3), 9);
    expect(Number(slider.max)).toBeCloseTo(Math.log10(5), 9);
    fireEvent.change(slider, { target: { value: String(Math.log10(2.5)) } });
    expect(h.sent.at(-1)).toMatchObject({ type: 'set', settings: { speed: { kind: 'animated', phasesPerSecond: 0.4 } } });
    expect(screen.getByTestId('speed-readout').textContent).toBe('2.5 s / phase');
    expect(phaseAt(Math.log10(0.3))).toBe(0.3);
    expect(phaseAt(Math.log10(5))).toBe(5);
    fireEvent.click(screen.getByRole('button', { name: 'Continuous' }));
    expect(h.lab.config.getState().speed).toEqual({ kind: 'steps-per-second', value: 20 });
  });

  it('takes back a speed the engine refused', () => {
    const h = renderInLab(<SpeedControl />);
    act(h.ready);
    fireEvent.change(stepsSlider(), { target: { value: String(Math.log10(2)) } });
    const { experiment } = h.lab.config.getState();
    const { asked } = h.sent.at(-1) as { asked: number };
    const inForce = { network: experiment.network, hyper: experiment.hyper, batchSize: experiment.schedule.batchSize, speed: { kind: 'steps-per-second' as const, value: 20 } };
    act(() => h.emit({ type: 'error', field: 'speed.value', message: 'speed.value: refused', command: 'set', asked, inForce }));
    expect(screen.getByTestId('speed-readout').textContent).toBe('20 steps/s');
  });

  it('speaks 简体中文', () => {
    renderInLab(<SpeedControl />, 'zh');
    expect(screen.getByTestId('speed-readout').textContent).toBe('每秒 20 步');
    expect(screen.getByRole('button', { name: '阶段动画' })).toBeDefined();
  });
});

describe('the two controls about phases', () => {
  for (const [language, names] of [
    ['en', { step: 'Step', by: 'Step by', phases: 'Animated phases', steps: 'Continuous', play: /^Play/, stepKey: /\(→\)/ }],
    ['zh', { step: '单步', by: '步进单位', phases: '阶段动画', steps: '连续', play: /^播放/, stepKey: /（→）/ }],
  ] as const) {
    it(`say which drives Step and which drives Play (${language})`, () => {
      renderInLab(
        <>
          <Transport />
          <SpeedControl />
        </>,
        language,
      );
      // Step (→) and its granularity: how far one press goes.
      expect(screen.getByRole('button', { name: names.step }).title).toMatch(names.stepKey);
      expect(screen.getByLabelText(names.by).title).toMatch(names.stepKey);
      // The speed modes: how Play runs, named apart from the granularity's "phase".
      expect(screen.getByRole('button', { name: names.phases }).title).toMatch(names.play);
      expect(screen.getByRole('button', { name: names.steps }).title).toMatch(names.play);
      expect(screen.queryByRole('button', { name: language === 'en' ? 'Phases' : '逐阶段' })).toBeNull();
    });
  }

  it('the shortcut sheet lists ← beside →', () => {
    const h = renderInLab(<ShortcutSheet />);
    act(() => h.lab.ui.getState().setShortcutsOpen(true));
    const sheet = document.body.textContent!;
    expect(sheet).toContain('Step and stop: one phase, batch or epoch');
    expect(sheet).toContain('show the step’s previous phase again');
  });
});
