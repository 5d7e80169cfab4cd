/** Gives the views the language the screen's store holds, and keeps <html lang> and the saved choice in step. */
import { useEffect, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { I18nContext, translator } from '../i18n/i18n.ts';
import type { UiStore } from '../store/ui.ts';
import { LANGUAGE_KEY } from './saved-view.ts';

export function I18nProvider({ ui, children }: { ui: UiStore; children: ReactNode }) {
  const language = useStore(ui, (s) => s.language);
  const setLanguage = useStore(ui, (s) => s.setLanguage);
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    localStorage.setItem(LANGUAGE_KEY, language);
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage, t: translator(language) }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
