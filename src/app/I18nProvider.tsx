/** Holds the chosen language, remembers it, and keeps <html lang> in step. */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, LANGUAGES, translator, type Language } from '../i18n/i18n.ts';

const KEY = 'backprop-lab.language';

function initialLanguage(): Language {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
  if (saved !== null && saved in LANGUAGES) return saved as Language;
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    localStorage.setItem(KEY, language);
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage, t: translator(language) }), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
