/**
 * The experiment's settings as a link: `#config=` followed by the config's JSON in base64url,
 * so a teacher can prepare a run and hand it out as an address. Reading a link validates it
 * exactly as any other config; a link that does not hold a usable one says why.
 */
import { ConfigError } from '../core/errors.ts';
import { MAX_LINK_CHARS } from '../core/limits.ts';
import { validateExperimentConfig, type ExperimentConfig } from '../presets/config.ts';
import type { ConfigStore } from './config.ts';

const KEY = 'config=';

/**
 * Longer links are not written (an experiment on a large CSV file would carry all of it):
 * the address then holds no settings rather than stale ones.
 */
export { MAX_LINK_CHARS };

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): string {
  const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The experiment's link, or '' when it would be too long; a big CSV is not even encoded. */
function linkFragment(experiment: ExperimentConfig): string {
  if (experiment.data.kind === 'csv' && (experiment.data.text.length * 4) / 3 > MAX_LINK_CHARS) return '';
  const encoded = encodeLink(experiment);
  return encoded.length <= MAX_LINK_CHARS ? encoded : '';
}

/** The fragment (without '#') that holds this experiment. */
export function encodeLink(experiment: ExperimentConfig): string {
  return KEY + toBase64Url(JSON.stringify(experiment));
}

export type LinkReading = { readonly experiment: ExperimentConfig } | { readonly problem: string };

/** The experiment a location hash holds; null when it holds none. */
export function decodeLink(hash: string): LinkReading | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment.startsWith(KEY)) return null;
  // Measured before decoding: a link of 100 MB took 20 s to decode only to be refused.
  if (fragment.length > KEY.length + MAX_LINK_CHARS) return { problem: `the link is longer than the lab writes (${MAX_LINK_CHARS.toLocaleString('en')} characters)` };
  let json: unknown;
  try {
    json = JSON.parse(fromBase64Url(fragment.slice(KEY.length)));
  } catch {
    return { problem: 'the link is cut short or damaged' };
  }
  try {
    return { experiment: validateExperimentConfig(json) };
  } catch (e) {
    // Whatever a crafted link holds, the lab must still start.
    return { problem: e instanceof ConfigError ? e.message : 'the link holds settings that cannot be read' };
  }
}

/**
 * Writes the link of the current experiment (through `write`, e.g. history.replaceState)
 * whenever it changes, at most once per `delayMs` while a slider is dragged; '' when it would
 * be longer than MAX_LINK_CHARS. Returns the function that stops.
 */
export function keepLinkInStep(config: ConfigStore, write: (fragment: string) => void, delayMs = 400): () => void {
  let seen = config.getState().experiment;
  let written = linkFragment(seen);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = config.subscribe((state) => {
    if (state.experiment === seen || timer !== null) return; // only a new experiment is news
    timer = setTimeout(() => {
      timer = null;
      seen = config.getState().experiment;
      const fragment = linkFragment(seen);
      if (fragment !== written) write((written = fragment));
    }, delayMs);
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
