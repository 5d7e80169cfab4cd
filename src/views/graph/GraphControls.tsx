/**
 * The graph's own controls, on one row above it: which sample the numbers and colours show (or
 * the batch mean), the colour scaling (shared by all layers, or per layer) and the scale (linear
 * or symmetric log), and going back a phase.
 */
import { useUi } from '../lab-context.tsx';
import { useWhyDisabled } from '../controls/why-disabled.tsx';
import { useGraphMessages } from './messages.ts';

/** `phase`: the index of the phase shown when stepping by phase, else null. */
export function GraphControls({ m, sample, phase, onBack }: { m: number; sample: number; phase: number | null; onBack(): void }) {
  const t = useGraphMessages();
  const focus = useUi((s) => s.unitFocus);
  const scaling = useUi((s) => s.colourScaling);
  const mode = useUi((s) => s.colourMode);
  const setSample = useUi((s) => s.setSample);
  const setFocus = useUi((s) => s.setUnitFocus);
  const setScaling = useUi((s) => s.setColourScaling);
  const setMode = useUi((s) => s.setColourMode);
  const canGoBack = phase !== null && phase > 0;
  const sampleWhy = useWhyDisabled(m === 0 ? t('why.noBatch') : focus === 'mean' ? t('why.mean') : null);
  return (
    <div className="graph-controls">
      <span className="graph-sample">
        {t('showing')}{' '}
        <label>
          {t('sample')}{' '}
          <input
            type="number"
            min={0}
            max={Math.max(0, m - 1)}
            step={1}
            value={sample}
            disabled={m === 0 || focus === 'mean'}
            aria-describedby={sampleWhy.describedBy}
            onChange={(e) => {
              const k = Number(e.target.value);
              if (Number.isInteger(k) && k >= 0 && k < m) setSample(k);
            }}
          />
        </label>{' '}
        <span className="muted">{t('sampleOf', { m })}</span>{' '}
        {sampleWhy.note}
        <label>
          <input type="checkbox" checked={focus === 'mean'} onChange={(e) => setFocus(e.target.checked ? 'mean' : 'sample')} /> {t('mean')}
        </label>
      </span>
      <label>
        {t('scaling')}{' '}
        <select value={scaling} onChange={(e) => setScaling(e.target.value as 'shared' | 'layer')} data-testid="colour-scaling">
          <option value="shared">{t('scaling.shared')}</option>
          <option value="layer">{t('scaling.layer')}</option>
        </select>
      </label>
      <label>
        {t('mode')}{' '}
        <select value={mode} onChange={(e) => setMode(e.target.value as 'linear' | 'symlog')}>
          <option value="linear">{t('mode.linear')}</option>
          <option value="symlog">{t('mode.symlog')}</option>
        </select>
      </label>
      {/* Shown only when there is a phase to go back to; its place is kept, so nothing moves. */}
      <button type="button" onClick={onBack} title={t('backHint')} aria-label={t('backLabel')} aria-keyshortcuts="ArrowLeft" style={canGoBack ? undefined : { visibility: 'hidden' }}>
        {t('back')}
      </button>
    </div>
  );
}
