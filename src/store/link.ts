/**
 * The whole lesson as a link, so a teacher can prepare a run and hand it out as an address:
 * `#config=` and the experiment's JSON in base64url, then the screen's state as readable
 * parameters — `&speed=20&by=phase&tab=boundary&presenter=1&theme=dark&lang=zh&conv=columns`
 * and the bug lab's switches, `&bugs=batch-summed,first-bias-frozen` (none: left out). Reading a
 * link validates the experiment exactly as any other config and each parameter by its own
 * rule; what cannot be used is left out and said why, and the rest opens.
 */
import { validateBugs, type BugName } from '../core/bugs.ts';
import { ConfigError, shown, shownOf } from '../core/errors.ts';
import type { Shown } from '../core/refusal.ts';
import { MAX_LINK_CHARS } from '../core/limits.ts';
import type { Granularity, Speed } from '../engine/protocol.ts';
import { validateExperimentConfig, type ExperimentConfig } from '../presets/config.ts';
import type { ConfigStore } from './config.ts';
import { speedFromText, speedToText } from './speed.ts';
import { CONVENTIONS, LANGUAGE_CODES, THEMES, type ScreenView, type UiStore } from './ui.ts';

const KEY = 'config';
const GRANULARITIES: readonly Granularity[] = ['phase', 'batch', 'epoch'];

/**
 * Longer links are not written (an experiment on a large CSV file would carry all of it):
 * the address then holds no settings rather than stale ones.
 */
export { MAX_LINK_CHARS };

/** Everything beside the experiment that a link carries. */
export interface LessonState extends ScreenView {
  readonly speed: Speed;
  readonly granularity: Granularity;
  /** The bug lab's switched-on mistakes: they go with the experiment a link opens. */
  readonly bugs: readonly BugName[];
}

export interface LinkReading {
  /**
   * null: the link holds no experiment that can be used: none (only the screen's words), or one
   * refused (see problems). Opening, the default one starts; pasted, the running one is kept.
   */
  readonly experiment: ExperimentConfig | null;
  /** The parameters that could be used. */
  readonly lesson: Partial<LessonState>;
  /** Why (part of) the link was left out, each in a form every language can write; empty when all of it was used. */
  readonly problems: readonly Shown[];
  /** The same in English, joined, or null: for logs and tests. */
  readonly problem: string | null;
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): string {
  const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The fragment (without '#') that holds this experiment and, when given, the lesson's state. */
export function encodeLink(experiment: ExperimentConfig, lesson: Partial<LessonState> = {}): string {
  const parts = [`${KEY}=${toBase64Url(JSON.stringify(experiment))}`];
  if (lesson.speed !== undefined) parts.push(`speed=${speedToText(lesson.speed)}`);
  if (lesson.granularity !== undefined) parts.push(`by=${lesson.granularity}`);
  if (lesson.tab !== undefined && lesson.tab !== null) parts.push(`tab=${encodeURIComponent(lesson.tab)}`);
  if (lesson.presenter !== undefined) parts.push(`presenter=${lesson.presenter ? 1 : 0}`);
  if (lesson.theme !== undefined) parts.push(`theme=${lesson.theme}`);
  if (lesson.language !== undefined) parts.push(`lang=${lesson.language}`);
  if (lesson.convention !== undefined) parts.push(`conv=${lesson.convention}`);
  if (lesson.bugs !== undefined && lesson.bugs.length > 0) parts.push(`bugs=${lesson.bugs.join(',')}`);
  return parts.join('&');
}

/** The link of this lesson, or '' when it would be too long; a big CSV is not even encoded. */
function linkFragment(experiment: ExperimentConfig, lesson: LessonState): string {
  if (experiment.data.kind === 'csv' && (experiment.data.text.length * 4) / 3 > MAX_LINK_CHARS) return '';
  const encoded = encodeLink(experiment, lesson);
  return encoded.length <= MAX_LINK_CHARS ? encoded : '';
}

function oneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new ConfigError(field, { code: 'one-of', allowed, got: shown(value) });
  return value as T;
}

type LessonWords = { -readonly [K in keyof LessonState]?: LessonState[K] };

/** Reads one lesson parameter into `lesson`; throws a ConfigError naming it when it cannot. */
function readParameter(lesson: LessonWords, name: string, value: string): void {
  switch (name) {
    case 'speed':
      lesson.speed = speedFromText(value);
      return;
    case 'by':
      lesson.granularity = oneOf('by', value, GRANULARITIES);
      return;
    case 'tab':
      if (!/^[a-z-]{1,20}$/.test(value)) throw new ConfigError('tab', { code: 'not-a-view', got: shown(value) });
      lesson.tab = value;
      return;
    case 'presenter':
      lesson.presenter = oneOf('presenter', value, ['0', '1']) === '1';
      return;
    case 'theme':
      lesson.theme = oneOf('theme', value, THEMES);
      return;
    case 'lang':
      lesson.language = oneOf('lang', value, LANGUAGE_CODES);
      return;
    case 'conv':
      lesson.convention = oneOf('conv', value, CONVENTIONS);
      return;
    case 'bugs':
      lesson.bugs = value === '' ? [] : validateBugs(value.split(','));
      return;
    default:
      throw new ConfigError(name, { code: 'link-parameter' });
  }
}

/** A reading of a link with these problems. */
function reading(experiment: ExperimentConfig | null, lesson: Partial<LessonState>, problems: readonly Shown[]): LinkReading {
  return { experiment, lesson, problems, problem: problems.length === 0 ? null : problems.map((p) => p.message).join('; ') };
}

/** The parameters after the experiment, each read by its own rule; those that cannot be read are said why. */
function readParameters(pairs: readonly string[]): { lesson: LessonWords; problems: Shown[] } {
  const problems: Shown[] = [];
  const lesson: LessonWords = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const name = at < 0 ? pair : pair.slice(0, at);
    try {
      readParameter(lesson, name, at < 0 ? '' : decodeURIComponent(pair.slice(at + 1)));
    } catch (e) {
      problems.push(shownOf(e, { code: 'text', text: `${name}: cannot be read` }));
    }
  }
  return { lesson, problems };
}

const PARAMETERS = new Set(['speed', 'by', 'tab', 'presenter', 'theme', 'lang', 'conv', 'bugs']);

/**
 * A fragment of the screen's words alone (`#presenter=1&theme=dark&lang=zh`, typed by a teacher
 * or added to a lab that has written no link yet): read with no experiment, so the running one
 * is kept. Anything else (another page's anchor, a lesson link) is not a lab link: null.
 */
function screenWords(fragment: string): LinkReading | null {
  const pairs = fragment.split('&').filter((pair) => pair !== '');
  if (pairs.length === 0 || fragment.length > 200) return null;
  if (!pairs.every((pair) => PARAMETERS.has(pair.split('=', 1)[0]!))) return null;
  const { lesson, problems } = readParameters(pairs);
  return reading(null, lesson, problems);
}

/** What a location hash holds; null when it holds no lesson. */
export function decodeLink(hash: string): LinkReading | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment.startsWith(`${KEY}=`)) return screenWords(fragment);
  // Measured before decoding: a link of 100 MB took 20 s to decode only to be refused. (The
  // lesson's words after the experiment are short: 200 characters cover them.)
  if (fragment.length > KEY.length + 1 + MAX_LINK_CHARS + 200) {
    return reading(null, {}, [shownOf(null, { code: 'link-too-long', max: MAX_LINK_CHARS })]);
  }
  const [head, ...rest] = fragment.split('&');
  const { lesson, problems } = readParameters(rest);
  let experiment: ExperimentConfig | null = null;
  let json: unknown;
  try {
    json = JSON.parse(fromBase64Url(head!.slice(KEY.length + 1)));
    try {
      experiment = validateExperimentConfig(json);
    } catch (e) {
      // Whatever a crafted link holds, the lab must still start.
      problems.unshift(shownOf(e, { code: 'link-unreadable' }));
    }
  } catch {
    problems.unshift(shownOf(null, { code: 'link-damaged' }));
  }
  return reading(experiment, lesson, problems);
}

/** The lesson's current state, read from the stores. */
export function lessonOf(config: ConfigStore, ui: UiStore): LessonState {
  const { speed, granularity, bugs } = config.getState();
  const { tab, presenter, theme, language, convention } = ui.getState();
  return { speed, granularity, bugs, tab, presenter, theme, language, convention };
}

/**
 * Writes the link of the current lesson (through `write`, e.g. history.replaceState) whenever
 * it changes: settings at most once per `delayMs` while a slider is dragged, the screen's
 * choices at once; '' when it would be longer than MAX_LINK_CHARS. Returns the function that stops.
 */
export function keepLinkInStep(config: ConfigStore, ui: UiStore, write: (fragment: string) => void, delayMs = 400): () => void {
  let written = linkFragment(config.getState().experiment, lessonOf(config, ui));
  let timer: ReturnType<typeof setTimeout> | null = null;
  const writeNow = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const fragment = linkFragment(config.getState().experiment, lessonOf(config, ui));
    if (fragment !== written) write((written = fragment));
  };
  const changed = () => {
    if (timer === null) timer = setTimeout(writeNow, delayMs);
  };
  const stopConfig = config.subscribe((state, before) => {
    if (state.bugs !== before.bugs) writeNow();
    else if (state.experiment !== before.experiment || state.speed !== before.speed || state.granularity !== before.granularity) changed();
  });
  // The screen's choices are single clicks, not drags: written at once, so that a reload right
  // after choosing a language or a tab brings that choice back.
  const stopUi = ui.subscribe((state, before) => {
    if (state.tab !== before.tab || state.presenter !== before.presenter || state.theme !== before.theme || state.language !== before.language || state.convention !== before.convention) writeNow();
  });
  return () => {
    stopConfig();
    stopUi();
    if (timer !== null) clearTimeout(timer);
  };
}
