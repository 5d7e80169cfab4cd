/** Light, dark, or the system's choice; the shell applies it as <html data-theme> and remembers it. */
import { defineMessages } from '../../i18n/i18n.ts';
import { THEMES, type Theme } from '../../store/ui.ts';
import { useUi } from '../lab-context.tsx';

const useMessages = defineMessages({
  en: { label: 'Theme', system: 'system', light: 'light', dark: 'dark' },
  zh: { label: '主题', system: '跟随系统', light: '浅色', dark: '深色' },
});

export function ThemeSwitch() {
  const t = useMessages();
  const theme = useUi((s) => s.theme);
  const setTheme = useUi((s) => s.setTheme);
  return (
    <label className="field theme-switch">
      <span className="field-label">{t('label')}</span>
      <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
        {THEMES.map((th) => (
          <option key={th} value={th}>
            {t(th)}
          </option>
        ))}
      </select>
    </label>
  );
}
