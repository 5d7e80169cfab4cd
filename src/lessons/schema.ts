/**
 * The lesson format: a lesson is plain data (JSON or a TS object) checked once, here, by one
 * validator. A refusal is a ConfigError naming the field (`steps[3].question.tolerance.rel`).
 * Every size is bounded (LESSON_LIMITS), so a hostile file is refused before anything is built.
 */
import { BUGS, type BugName } from '../core/bugs.ts';
import { ConfigError, shown } from '../core/errors.ts';
import { LEARNING_RATE, SEED } from '../core/limits.ts';
import { findPreset } from '../presets/catalog.ts';
import { parsePlaceholders } from './placeholders.ts';
import { grouped } from '../core/grouped.ts';

export const LESSON_LIMITS = {
  /** Characters in a whole lesson file. */
  maxFileChars: 200_000,
  maxSteps: 30,
  maxTextChars: 4_000,
  maxIdChars: 64,
  maxChoices: 8,
  maxPlaceholdersPerText: 40,
} as const;

/** Every text exists in both languages. */
export interface Text {
  readonly en: string;
  readonly zh: string;
}

export const GRANULARITIES = ['phase', 'batch', 'epoch'] as const;
export const TABS = ['curves', 'heatmaps', 'boundary', 'tiles', 'batch', 'flow', 'inspector', 'check', 'code', 'settings'] as const;
/** Elements a callout can point at: each is a data-lesson-target on screen. */
export const TARGETS = ['graph', 'panel', 'transport', 'learning-rate', 'narration', 'status', 'presets'] as const;

export type Selection =
  | { readonly kind: 'unit'; readonly layer: number; readonly unit: number }
  | { readonly kind: 'weight'; readonly layer: number; readonly i: number; readonly j: number };

/** A place in the run: after `phase` of the step that starts with `step` updates applied. */
export interface Reach {
  readonly step: number;
  /** A phase label: 'forward 1', 'loss', 'backward 2', 'update'. */
  readonly phase: string;
}

export interface Setup {
  /** A preset of src/presets/catalog.ts; loading one rebuilds the run from its seed. */
  readonly preset?: string;
  readonly seed?: number;
  readonly bugs?: readonly BugName[];
  readonly granularity?: (typeof GRANULARITIES)[number];
  /** Free-running speed in steps per second (null: as fast as the machine can). */
  readonly stepsPerSecond?: number | null;
  readonly learningRate?: number;
  /** Samples per batch, from the next batch drawn (the gradient check of a fresh run uses the first batch of this size). */
  readonly batchSize?: number;
  readonly reach?: Reach;
  /** Runs the gradient check and the update check on the current batch, for relerr(…), changed(…) and the check tab. */
  readonly gradientCheck?: boolean;
  readonly tab?: (typeof TABS)[number];
  readonly select?: Selection;
}

export interface Tolerance {
  /** Relative: |answer − value| ≤ rel·|value|. */
  readonly rel?: number;
  /** Absolute: |answer − value| ≤ abs. The answer passes if either holds. */
  readonly abs?: number;
}

export type Condition =
  | { readonly quantity: 'testAccuracy' | 'trainAccuracy' | 'loss'; readonly op: '>=' | '<='; readonly value: number }
  | { readonly quantity: 'loss'; readonly op: 'finite' };

export type Question =
  /** A number the student computes; `value` is a placeholder expression resolved from the trace. */
  | { readonly kind: 'number'; readonly prompt: Text; readonly value: string; readonly tolerance: Tolerance; readonly explanation: Text }
  | { readonly kind: 'choice'; readonly prompt: Text; readonly options: readonly Text[]; readonly correct: number; readonly explanation: Text }
  /** A state the student reaches in the lab (train, change the rate…), checked on the latest measurement. */
  | { readonly kind: 'condition'; readonly prompt: Text; readonly condition: Condition; readonly explanation: Text };

export interface Callout {
  readonly target: (typeof TARGETS)[number];
  readonly text: Text;
}

export interface Step {
  readonly setup?: Setup;
  readonly narration: Text;
  readonly callout?: Callout;
  readonly question?: Question;
}

export interface Lesson {
  readonly id: string;
  readonly title: Text;
  readonly steps: readonly Step[];
}

type Obj = Record<string, unknown>;

function object(value: unknown, field: string, keys: readonly string[]): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(field, `must be an object, got ${shown(value)}`);
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) throw new ConfigError(`${field}.${key.slice(0, 40)}`, `is not a field of a lesson here (expected one of ${keys.join(', ')})`);
  }
  return value as Obj;
}

function string(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string') throw new ConfigError(field, `must be a string, got ${shown(value)}`);
  if (value.length > max) throw new ConfigError(field, `must have at most ${max} characters, got ${grouped(value.length)}`);
  if (value.trim() === '') throw new ConfigError(field, 'must not be empty');
  return value;
}

function number(value: unknown, field: string, min: number, max: number, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ConfigError(field, `must be a finite number, got ${shown(value)}`);
  if (integer && !Number.isInteger(value)) throw new ConfigError(field, `must be a whole number, got ${value}`);
  if (value < min || value > max) throw new ConfigError(field, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function oneOf<T extends string>(value: unknown, field: string, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new ConfigError(field, `must be one of ${choices.join(', ')}, got ${shown(value)}`);
  }
  return value as T;
}

function array(value: unknown, field: string, min: number, max: number): unknown[] {
  if (!Array.isArray(value)) throw new ConfigError(field, `must be an array, got ${shown(value)}`);
  if (value.length < min || value.length > max) throw new ConfigError(field, `must have ${min} to ${max} entries, got ${grouped(value.length)}`);
  return value;
}

/** A text in both languages; its placeholders must parse (they resolve against a trace later). */
export function validateText(value: unknown, field: string): Text {
  const o = object(value, field, ['en', 'zh']);
  const text = { en: string(o['en'], `${field}.en`, LESSON_LIMITS.maxTextChars), zh: string(o['zh'], `${field}.zh`, LESSON_LIMITS.maxTextChars) };
  for (const lang of ['en', 'zh'] as const) {
    const parsed = parsePlaceholders(text[lang]);
    if ('problem' in parsed) throw new ConfigError(`${field}.${lang}`, parsed.problem);
    if (parsed.placeholders.length > LESSON_LIMITS.maxPlaceholdersPerText) {
      throw new ConfigError(`${field}.${lang}`, `must have at most ${LESSON_LIMITS.maxPlaceholdersPerText} placeholders, got ${parsed.placeholders.length}`);
    }
  }
  return text;
}

const PHASE_LABEL = /^(forward [1-9]|loss|backward [1-9]|update)$/;

function validateSetup(value: unknown, field: string): Setup {
  const o = object(value, field, ['preset', 'seed', 'bugs', 'granularity', 'stepsPerSecond', 'learningRate', 'batchSize', 'reach', 'gradientCheck', 'tab', 'select']);
  const setup: { -readonly [K in keyof Setup]: Setup[K] } = {};
  if (o['preset'] !== undefined) {
    const preset = string(o['preset'], `${field}.preset`, LESSON_LIMITS.maxIdChars);
    if (findPreset(preset) === undefined) throw new ConfigError(`${field}.preset`, `names no preset of the lab, got ${shown(preset)}`);
    setup.preset = preset;
  }
  if (o['seed'] !== undefined) setup.seed = number(o['seed'], `${field}.seed`, SEED.min, SEED.max, true);
  if (o['bugs'] !== undefined) {
    setup.bugs = array(o['bugs'], `${field}.bugs`, 0, BUGS.length).map((b, i) => oneOf(b, `${field}.bugs[${i}]`, BUGS));
  }
  if (o['granularity'] !== undefined) setup.granularity = oneOf(o['granularity'], `${field}.granularity`, GRANULARITIES);
  if (o['stepsPerSecond'] !== undefined) {
    setup.stepsPerSecond = o['stepsPerSecond'] === null ? null : number(o['stepsPerSecond'], `${field}.stepsPerSecond`, 0.1, 1000);
  }
  if (o['learningRate'] !== undefined) setup.learningRate = number(o['learningRate'], `${field}.learningRate`, LEARNING_RATE.min, LEARNING_RATE.max);
  if (o['batchSize'] !== undefined) setup.batchSize = number(o['batchSize'], `${field}.batchSize`, 1, 1000, true);
  if (o['gradientCheck'] !== undefined) {
    if (typeof o['gradientCheck'] !== 'boolean') throw new ConfigError(`${field}.gradientCheck`, `must be true or false, got ${shown(o['gradientCheck'])}`);
    setup.gradientCheck = o['gradientCheck'];
  }
  if (o['reach'] !== undefined) {
    const r = object(o['reach'], `${field}.reach`, ['step', 'phase']);
    const phase = string(r['phase'], `${field}.reach.phase`, 16);
    if (!PHASE_LABEL.test(phase)) throw new ConfigError(`${field}.reach.phase`, `must be a phase such as "forward 1", "loss", "backward 2" or "update", got ${shown(phase)}`);
    setup.reach = { step: number(r['step'], `${field}.reach.step`, 0, 10_000, true), phase };
  }
  if (o['tab'] !== undefined) setup.tab = oneOf(o['tab'], `${field}.tab`, TABS);
  if (o['select'] !== undefined) {
    const s = object(o['select'], `${field}.select`, ['kind', 'layer', 'unit', 'i', 'j']);
    const kind = oneOf(s['kind'], `${field}.select.kind`, ['unit', 'weight'] as const);
    const layer = number(s['layer'], `${field}.select.layer`, 1, 9, true);
    setup.select =
      kind === 'unit'
        ? { kind, layer, unit: number(s['unit'], `${field}.select.unit`, 0, 4095, true) }
        : { kind, layer, i: number(s['i'], `${field}.select.i`, 0, 4095, true), j: number(s['j'], `${field}.select.j`, 0, 4095, true) };
  }
  return setup;
}

function validateQuestion(value: unknown, field: string): Question {
  const kind = oneOf(object(value, field, ['kind', 'prompt', 'value', 'tolerance', 'options', 'correct', 'condition', 'explanation'])['kind'], `${field}.kind`, ['number', 'choice', 'condition'] as const);
  const o = value as Obj;
  const prompt = validateText(o['prompt'], `${field}.prompt`);
  const explanation = validateText(o['explanation'], `${field}.explanation`);
  if (kind === 'number') {
    object(o, field, ['kind', 'prompt', 'value', 'tolerance', 'explanation']);
    const expression = string(o['value'], `${field}.value`, 200);
    const parsed = parsePlaceholders(`{${expression}}`);
    if ('problem' in parsed || parsed.placeholders.length !== 1) throw new ConfigError(`${field}.value`, `must be one expression such as "z[1][0][2]", got ${shown(expression)}`);
    const t = object(o['tolerance'], `${field}.tolerance`, ['rel', 'abs']);
    const tolerance: { rel?: number; abs?: number } = {};
    if (t['rel'] !== undefined) tolerance.rel = number(t['rel'], `${field}.tolerance.rel`, 0, 1);
    if (t['abs'] !== undefined) tolerance.abs = number(t['abs'], `${field}.tolerance.abs`, 0, 1e6);
    if (tolerance.rel === undefined && tolerance.abs === undefined) throw new ConfigError(`${field}.tolerance`, 'must state rel, abs or both');
    return { kind, prompt, value: expression, tolerance, explanation };
  }
  if (kind === 'choice') {
    object(o, field, ['kind', 'prompt', 'options', 'correct', 'explanation']);
    const options = array(o['options'], `${field}.options`, 2, LESSON_LIMITS.maxChoices).map((opt, i) => validateText(opt, `${field}.options[${i}]`));
    return { kind, prompt, options, correct: number(o['correct'], `${field}.correct`, 0, options.length - 1, true), explanation };
  }
  object(o, field, ['kind', 'prompt', 'condition', 'explanation']);
  const c = object(o['condition'], `${field}.condition`, ['quantity', 'op', 'value']);
  const quantity = oneOf(c['quantity'], `${field}.condition.quantity`, ['testAccuracy', 'trainAccuracy', 'loss'] as const);
  const op = oneOf(c['op'], `${field}.condition.op`, ['>=', '<=', 'finite'] as const);
  if (op === 'finite') {
    if (quantity !== 'loss') throw new ConfigError(`${field}.condition.op`, '"finite" applies to the loss only');
    if (c['value'] !== undefined) throw new ConfigError(`${field}.condition.value`, 'must be absent for "finite"');
    return { kind, prompt, condition: { quantity, op }, explanation };
  }
  const bound = quantity === 'loss' ? 1e6 : 1;
  return { kind, prompt, condition: { quantity, op, value: number(c['value'], `${field}.condition.value`, 0, bound) }, explanation };
}

function validateStep(value: unknown, field: string): Step {
  const o = object(value, field, ['setup', 'narration', 'callout', 'question']);
  const step: { -readonly [K in keyof Step]: Step[K] } = { narration: validateText(o['narration'], `${field}.narration`) };
  if (o['setup'] !== undefined) step.setup = validateSetup(o['setup'], `${field}.setup`);
  if (o['callout'] !== undefined) {
    const c = object(o['callout'], `${field}.callout`, ['target', 'text']);
    step.callout = { target: oneOf(c['target'], `${field}.callout.target`, TARGETS), text: validateText(c['text'], `${field}.callout.text`) };
  }
  if (o['question'] !== undefined) step.question = validateQuestion(o['question'], `${field}.question`);
  return step;
}

/** Checks a lesson; throws a ConfigError naming the first bad field. The first step must load a preset. */
export function validateLesson(value: unknown): Lesson {
  const o = object(value, 'lesson', ['id', 'title', 'steps']);
  const id = string(o['id'], 'lesson.id', LESSON_LIMITS.maxIdChars);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new ConfigError('lesson.id', `must be lower-case letters, digits and hyphens, got ${shown(id)}`);
  const title = validateText(o['title'], 'lesson.title');
  const steps = array(o['steps'], 'lesson.steps', 1, LESSON_LIMITS.maxSteps).map((s, i) => validateStep(s, `lesson.steps[${i}]`));
  if (steps[0]!.setup?.preset === undefined) throw new ConfigError('lesson.steps[0].setup.preset', 'the first step must load a preset, so every lesson starts from a known run');
  return { id, title, steps };
}

/** Parses and checks a lesson file's text (JSON). */
export function parseLessonFile(text: string): Lesson {
  if (text.length > LESSON_LIMITS.maxFileChars) throw new ConfigError('lesson', `file must have at most ${grouped(LESSON_LIMITS.maxFileChars)} characters, got ${grouped(text.length)}`);
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new ConfigError('lesson', `is not JSON: ${e instanceof Error ? e.message.slice(0, 120) : 'parse error'}`);
  }
  return validateLesson(value);
}
