/** Picks one of the textbook experiments; picking rebuilds from its seed. */
import { useI18n } from '../../i18n/i18n.ts';
import { PRESETS } from '../../presets/catalog.ts';
import { useConfig } from '../lab-context.tsx';

export function PresetPicker() {
  const { t } = useI18n();
  const name = useConfig((s) => s.experiment.name);
  const loadPreset = useConfig((s) => s.loadPreset);
  return (
    <label className="preset-picker">
      {t('preset.label')}{' '}
      <select value={name} onChange={(e) => loadPreset(e.target.value)}>
        {!PRESETS.some((p) => p.name === name) && <option value={name}>{name}</option>}
        {PRESETS.map((p) => (
          <option key={p.name} value={p.name} title={p.title}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
