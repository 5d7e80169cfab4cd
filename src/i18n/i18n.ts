/**
 * Message lookup: `t(key, params)` fills {name} placeholders. The chosen language is kept in
 * localStorage and mirrored to <html lang>.
 */
import { createContext, useContext } from 'react';
import { en, type MessageKey } from './en.ts';
import { zh } from './zh.ts';

export const LANGUAGES = { en: 'English', zh: '简体中文' } as const;
export type Language = keyof typeof LANGUAGES;

const CATALOGS: Record<Language, Record<MessageKey, string>> = { en, zh };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const catalog = CATALOGS[language];
  return (key, params) => {
    const text = catalog[key];
    return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
  };
}

export interface I18n {
  readonly language: Language;
  readonly t: Translate;
  setLanguage(language: Language): void;
}

export const I18nContext = createContext<I18n>({ language: 'en', t: translator('en'), setLanguage: () => {} });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
