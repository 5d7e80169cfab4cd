/**
 * The learning rate: a logarithmic slider from 1e-4 to 100 (limits.ts) and an exact numeric field. Changing
 * it never resets training; the next update uses it.
 */
import { useEffect, useState } from 'react';
import { LEARNING_RATE } from '../../core/limits.ts';
import { useI18n, useRefusalText } from '../../i18n/i18n.ts';
import { useConfig } from '../lab-context.tsx';

const LOG_MIN = Math.log10(LEARNING_RATE.min);
const LOG_MAX = Math.log10(LEARNING_RATE.max);

export function LearningRate() {
  const { t } = useI18n();
  const inLanguage = useRefusalText();
  const rate = useConfig((s) => s.experiment.hyper.learningRate);
  const refused = useConfig((s) => (s.refused?.field === 'hyper.learningRate' ? s.refused : null));
  const setLearningRate = useConfig((s) => s.setLearningRate);
  const [text, setText] = useState(String(rate));
  useEffect(() => setText(String(rate)), [rate]);

  const commit = () => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) setText(String(rate));
    else if (value !== rate) setLearningRate(value);
  };

  return (
    <div className="learning-rate">
      <label htmlFor="lr-field">{t('lr.label')}</label>
      <input
        type="range"
        aria-label={t('lr.slider')}
        aria-valuetext={String(rate)}
        min={LOG_MIN}
        max={LOG_MAX}
        step={0.01}
        value={Math.min(LOG_MAX, Math.max(LOG_MIN, Math.log10(rate)))}
        onChange={(e) => setLearningRate(Number(Number(10 ** Number(e.target.value)).toPrecision(3)))}
      />
      <input
        id="lr-field"
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={refused !== null}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        size={8}
      />
      {/* Presenter mode hides the field; the room still reads the rate in force. */}
      <output className="lr-readout" htmlFor="lr-field" data-testid="lr-readout">
        η = {rate}
      </output>
      {refused !== null && <span role="alert">{inLanguage(refused)}</span>}
    </div>
  );
}
