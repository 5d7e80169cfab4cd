/**
 * Message lookup: `t(key, params)` fills {name} placeholders. The chosen language is kept in
 * localStorage and mirrored to <html lang>.
 */
import { createContext, useContext } from 'react';
import { en, type MessageKey } from './en.ts';
import { refusalInChinese, type Shown } from './refusals-zh.ts';
import { zh } from './zh.ts';

export const LANGUAGES = { en: 'English', zh: '简体中文' } as const;
export type Language = keyof typeof LANGUAGES;

const CATALOGS: Record<Language, Record<MessageKey, string>> = { en, zh };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const catalog = CATALOGS[language];
  return (key, params) => fill(catalog[key], params);
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

/**
 * A view's own message catalog: English and 简体中文 with the same keys (the type makes a
 * missing translation a compile error). Returns the hook the view uses to look them up.
 */
export function defineMessages<K extends string>(catalogs: { en: Record<K, string>; zh: Record<K, string> }) {
  const all = { en: catalogs.en, zh: catalogs.zh };
  registered.push(all as { en: Record<string, string>; zh: Record<string, string> });
  return function useMessages(): (key: K, params?: Record<string, string | number>) => string {
    const { language } = useI18n();
    const catalog = all[language];
    return (key, params) => fill(catalog[key], params);
  };
}

function fill(text: string, params?: Record<string, string | number>): string {
  return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
}

/**
 * Messages that come from below the views (refused settings, file problems, the worker's
 * errors) carry a code; this writes them in the chosen language from it (see refusals-zh.ts).
 * English is the message as the core wrote it.
 */
export function useRefusalText(): (refusal: Shown | string) => string {
  const { language } = useI18n();
  return language === 'zh' ? refusalInChinese : (r) => (typeof r === 'string' ? r : r.message);
}

/** Every catalog defined so far (for the completeness test). */
export const registered: { en: Record<string, string>; zh: Record<string, string> }[] = [];
