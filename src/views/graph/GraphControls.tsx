/**
 * The graph's own controls, on one row above it: which sample the numbers and colours show (or
 * the batch mean), the colour scaling (shared by all layers, or per layer) and the scale (linear
 * or symmetric log), and going back a phase.
 */
import { useUi } from '../lab-context.tsx';
import { useGraphMessages } from './messages.ts';

export function GraphControls({ m, sample, canGoBack, onBack }: { m: number; sample: number; canGoBack: boolean; onBack(): void }) {
  const t = useGraphMessages();
  const focus = useUi((s) => s.unitFocus);
  const scaling = useUi((s) => s.colourScaling);
  const mode = useUi((s) => s.colourMode);
  const setSample = useUi((s) => s.setSample);
  const setFocus = useUi((s) => s.setUnitFocus);
  const setScaling = useUi((s) => s.setColourScaling);
  const setMode = useUi((s) => s.setColourMode);
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
            onChange={(e) => {
              const k = Number(e.target.value);
              if (Number.isInteger(k) && k >= 0 && k < m) setSample(k);
            }}
          />
        </label>{' '}
        <span className="muted">{t('sampleOf', { m })}</span>{' '}
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
      <button type="button" onClick={onBack} disabled={!canGoBack} title={t('backHint')} aria-label={t('backLabel')} aria-keyshortcuts="ArrowLeft">
        {t('back')}
      </button>
    </div>
  );
}
