/**
 * How fast Play runs: whole steps, per second on a continuous logarithmic slider from 0.5 up to
 * full speed (its top notch), or animated phases — one phase of the step at a time, each lasting
 * 0.3 to 5 s — slow enough to narrate (Play's counterpart of the toolbar's Step by phase). The readout has a fixed width, so nothing moves as the
 * number changes.
 */
import { useRef } from 'react';
import type { Speed } from '../../engine/protocol.ts';
import { defineMessages } from '../../i18n/i18n.ts';
import { animated, MAX_PHASE_SECONDS, MAX_STEPS_PER_SECOND, MIN_PHASE_SECONDS, MIN_STEPS_PER_SECOND, phaseSeconds } from '../../store/speed.ts';
import { useConfig } from '../lab-context.tsx';

const useMessages = defineMessages({
  en: {
    speed: 'Speed',
    steps: 'Continuous',
    phases: 'Animated phases',
    'steps.title': 'Play runs whole training steps continuously, as many per second as the slider says',
    'phases.title': 'Play shows one phase of a step at a time (forward, loss, backward, update), as long as the slider says: Step by phase on a timer',
    modes: 'Speed mode',
    stepsSlider: 'Steps per second (log scale; the top is full speed)',
    phaseSlider: 'Seconds per phase (log scale)',
    full: 'full speed',
    sps: '{n} steps/s',
    perPhase: '{s} s / phase',
  },
  zh: {
    speed: '速度',
    steps: '连续',
    phases: '阶段动画',
    'steps.title': '播放时连续地按整步训练，每秒步数由滑块决定',
    'phases.title': '播放时一次只显示一步中的一个阶段（前向、损失、反向、更新），每个阶段停留滑块所示的时间：相当于定时按“按阶段”单步',
    modes: '速度模式',
    stepsSlider: '每秒步数（对数刻度；最右为全速）',
    phaseSlider: '每阶段秒数（对数刻度）',
    full: '全速',
    sps: '每秒 {n} 步',
    perPhase: '每阶段 {s} 秒',
  },
});

const LOG_MIN_SPS = Math.log10(MIN_STEPS_PER_SECOND);
const LOG_MAX_SPS = Math.log10(MAX_STEPS_PER_SECOND);
/** The slider's last stretch, above the highest rate: full speed. */
const LOG_FULL = LOG_MAX_SPS + 0.2;
const LOG_MIN_PHASE = Math.log10(MIN_PHASE_SECONDS);
const LOG_MAX_PHASE = Math.log10(MAX_PHASE_SECONDS);

/** A slider position (log10 of steps/s) as a speed: two significant digits, full at the top. */
export function speedAt(position: number): Speed {
  if (position > LOG_MAX_SPS + 0.1) return { kind: 'full' };
  const value = Number((10 ** Math.min(position, LOG_MAX_SPS)).toPrecision(2));
  return { kind: 'steps-per-second', value: Math.min(MAX_STEPS_PER_SECOND, Math.max(MIN_STEPS_PER_SECOND, value)) };
}

/** A slider position (log10 of seconds) as a phase duration, two significant digits. */
export function phaseAt(position: number): number {
  const seconds = Number((10 ** position).toPrecision(2));
  return Math.min(MAX_PHASE_SECONDS, Math.max(MIN_PHASE_SECONDS, seconds));
}

export function SpeedControl() {
  const t = useMessages();
  const speed = useConfig((s) => s.speed);
  const setSpeed = useConfig((s) => s.setSpeed);
  // What each mode was last set to, to go back to it when the mode is switched back.
  const lastSteps = useRef<Speed>(speed.kind === 'animated' ? { kind: 'steps-per-second', value: 5 } : speed);
  const lastPhase = useRef<Speed>(speed.kind === 'animated' ? speed : animated(1));
  if (speed.kind === 'animated') lastPhase.current = speed;
  else lastSteps.current = speed;

  const phases = speed.kind === 'animated';
  const readout =
    speed.kind === 'full' ? t('full') : speed.kind === 'steps-per-second' ? t('sps', { n: speed.value }) : t('perPhase', { s: phaseSeconds(speed) });
  return (
    <div className="speed-control field" role="group" aria-label={t('speed')}>
      <span className="field-label">{t('speed')}</span>
      <span className="segmented" role="group" aria-label={t('modes')}>
        <button type="button" aria-pressed={!phases} title={t('steps.title')} onClick={() => phases && setSpeed(lastSteps.current)}>
          {t('steps')}
        </button>
        <button type="button" aria-pressed={phases} title={t('phases.title')} onClick={() => !phases && setSpeed(lastPhase.current)}>
          {t('phases')}
        </button>
      </span>
      {phases ? (
        <input
          type="range"
          aria-label={t('phaseSlider')}
          aria-valuetext={readout}
          min={LOG_MIN_PHASE}
          max={LOG_MAX_PHASE}
          step={0.01}
          value={Math.log10(phaseSeconds(speed))}
          onChange={(e) => setSpeed(animated(phaseAt(Number(e.target.value))))}
        />
      ) : (
        <input
          type="range"
          aria-label={t('stepsSlider')}
          aria-valuetext={readout}
          min={LOG_MIN_SPS}
          max={LOG_FULL}
          step={0.01}
          value={speed.kind === 'full' ? LOG_FULL : Math.log10(speed.value)}
          onChange={(e) => setSpeed(speedAt(Number(e.target.value)))}
        />
      )}
      <output className="speed-readout" data-testid="speed-readout">
        {readout}
      </output>
    </div>
  );
}
