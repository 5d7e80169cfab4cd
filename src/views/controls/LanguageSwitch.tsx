/** The language switch: English / 简体中文. */
import { LANGUAGES, useI18n, type Language } from '../../i18n/i18n.ts';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <label className="field language-switch">
      <span className="field-label">{t('language.label')}</span>
      <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {(Object.keys(LANGUAGES) as Language[]).map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
