/**
 * The screen choices this browser remembers (theme, language and notation), and how they show on
 * <html>: data-theme (absent: follow the system) and data-presenter.
 */
import { CONVENTIONS, LANGUAGE_CODES, THEMES, type Convention, type LanguageCode, type ScreenView, type Theme } from '../store/ui.ts';

export const THEME_KEY = 'backprop-lab.theme';
export const LANGUAGE_KEY = 'backprop-lab.language';
export const CONVENTION_KEY = 'backprop-lab.convention';

/** What this browser chose before; the browser's language when nothing was chosen. */
export function savedView(): Pick<ScreenView, 'theme' | 'language' | 'convention'> {
  const theme = localStorage.getItem(THEME_KEY);
  const language = localStorage.getItem(LANGUAGE_KEY);
  const convention = localStorage.getItem(CONVENTION_KEY);
  return {
    convention: (CONVENTIONS as readonly string[]).includes(convention ?? '') ? (convention as Convention) : 'rows',
    theme: (THEMES as readonly string[]).includes(theme ?? '') ? (theme as Theme) : 'system',
    language: (LANGUAGE_CODES as readonly string[]).includes(language ?? '')
      ? (language as LanguageCode)
      : navigator.language.toLowerCase().startsWith('zh')
        ? 'zh'
        : 'en',
  };
}

export function applyTheme(theme: Theme): void {
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
  localStorage.setItem(THEME_KEY, theme);
}

export function applyPresenter(presenter: boolean): void {
  if (presenter) document.documentElement.setAttribute('data-presenter', '');
  else document.documentElement.removeAttribute('data-presenter');
}

/** A student who reads columns (W·a) keeps them on the next visit, as the theme and language are kept. */
export function saveConvention(convention: Convention): void {
  localStorage.setItem(CONVENTION_KEY, convention);
}
