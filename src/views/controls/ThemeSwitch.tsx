/** Light, dark, or the system's choice; remembered, applied as <html data-theme>. */
import { useEffect, useState } from 'react';
import { defineMessages } from '../../i18n/i18n.ts';

const KEY = 'backprop-lab.theme';
type Theme = 'system' | 'light' | 'dark';

const useMessages = defineMessages({
  en: { label: 'Theme', system: 'system', light: 'light', dark: 'dark' },
  zh: { label: '主题', system: '跟随系统', light: '浅色', dark: '深色' },
});

export function ThemeSwitch() {
  const t = useMessages();
  const [theme, setTheme] = useState<Theme>(() => (localStorage.getItem(KEY) as Theme | null) ?? 'system');
  useEffect(() => {
    if (theme === 'system') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.setAttribute('data-theme', theme);
    localStorage.setItem(KEY, theme);
  }, [theme]);
  return (
    <label className="theme-switch">
      {t('label')}{' '}
      <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
        {(['system', 'light', 'dark'] as const).map((th) => (
          <option key={th} value={th}>
            {t(th)}
          </option>
        ))}
      </select>
    </label>
  );
}
