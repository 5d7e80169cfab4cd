/**
 * The diverging palette of the theme on screen. It follows <html data-theme> (which the shell
 * sets from the store) and, when that is absent, the system's preference, so a view redraws the
 * moment either changes.
 */
import { useSyncExternalStore } from 'react';
import { SIGNED_PALETTES, type ResolvedTheme, type SignedPalette } from './signed-palette.ts';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * One query list for the page, made at first use: React reads the theme on every render of every
 * view that draws signed colours, and a matchMedia call per read (a new list each time) cost
 * 25 ms of main-thread time while a 20 MB CSV's experiment was built.
 */
let darkQuery: { readonly from: Window['matchMedia']; readonly list: MediaQueryList } | null = null;
function darkMedia(): MediaQueryList | null {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return null;
  // Made again only if matchMedia itself is replaced (a test's stand-in).
  if (darkQuery?.from !== window.matchMedia) darkQuery = { from: window.matchMedia, list: window.matchMedia(DARK_QUERY) };
  return darkQuery.list;
}

function systemPrefersDark(): boolean {
  return darkMedia()?.matches ?? false;
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
  const media = darkMedia();
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
