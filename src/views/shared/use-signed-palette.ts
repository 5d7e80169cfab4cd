/**
 * The diverging palette of the theme on screen. It follows <html data-theme> (which the shell
 * sets from the store) and, when that is absent, the system's preference, so a view redraws the
 * moment either changes.
 */
import { useSyncExternalStore } from 'react';
import { SIGNED_PALETTES, type ResolvedTheme, type SignedPalette } from './signed-palette.ts';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function systemPrefersDark(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

/** The theme the page shows: data-theme when set, otherwise the system's. */
export function resolvedTheme(): ResolvedTheme {
  if (typeof document === 'undefined') return 'light';
  const chosen = document.documentElement.getAttribute('data-theme');
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return systemPrefersDark() ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
  media?.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    media?.removeEventListener('change', onChange);
  };
}

export function useResolvedTheme(): ResolvedTheme {
  return useSyncExternalStore(subscribe, resolvedTheme, () => 'light');
}

export function useSignedPalette(): SignedPalette {
  return SIGNED_PALETTES[useResolvedTheme()];
}
