/**
 * An experiment as one plain, serialisable object: the network, how it starts, how it
 * learns, on what data, for how long, and how often it is measured. Presets are values of
 * this type; a config file for the CLI is one too.
 */
import { ConfigError, requireInRange, requireInteger, requireOneOf, shown } from '../core/errors.ts';
import { BATCH_SIZE, GENERATED_SAMPLES, MAX_CSV_CHARS, NOISE, SCHEDULE_STEPS, SEED, TEST_FRACTION } from '../core/limits.ts';
import {
  validateHyperparameters,
  validateInit,
  validateNetworkSpec,
  type Hyperparameters,
  type InitConfig,
  type NetworkSpec,
} from '../core/spec.ts';
import { CsvError, parseCsv } from '../data/csv.ts';
import { MNIST_IMAGE, MNIST_SIZES, pixels } from '../data/image.ts';
import type { Dataset } from '../data/dataset.ts';
import type { Toy2dName } from '../data/toy2d.ts';

export const TOY_2D_NAMES: readonly Toy2dName[] = ['circle', 'xor', 'gaussians', 'spiral', 'moons', 'flower', 'random-labels'];
export const REGRESSION_NAMES = ['noisy-sine', 'friedman1'] as const;
export type RegressionName = (typeof REGRESSION_NAMES)[number];

/** Which MNIST images: a part of the file, then optionally its first or last n or a seeded random n. */
export interface MnistSelection {
  readonly part: 'train' | 't10k';
  readonly take: 'all' | 'first' | 'last' | 'random';
  readonly n?: number;
}

export type DataConfig =
  | { readonly kind: 'mnist'; readonly train: MnistSelection; readonly test: MnistSelection | null }
  | {
      readonly kind: 'toy2d';
      readonly name: Toy2dName;
      readonly n: number;
      readonly noise: number;
      /** Share of the points held out for testing; 0 trains and evaluates on all of them. */
      readonly testFraction: number;
      readonly seed: number;
    }
  | {
      readonly kind: 'regression';
      readonly name: RegressionName;
      readonly n: number;
      readonly noise: number;
      readonly testFraction: number;
      readonly seed: number;
    }
  | {
      /** The user's own data: CSV text with a header row (see data/csv.ts). */
      readonly kind: 'csv';
      /** Where it came from, e.g. the file name. */
      readonly name: string;
      readonly text: string;
      /** The target column; null: the last one. */
      readonly target: string | null;
      readonly testFraction: number;
      readonly seed: number;
    };

export { MAX_CSV_CHARS };
/** The longest name or title a config holds, and the longest source text, in characters. */
export const MAX_NAME_CHARS = 256;
export const MAX_SOURCE_CHARS = 4000;

let lastCsv: { text: string; target: string | null; name: string; data: Dataset } | null = null;

/**
 * The data set a CSV config holds; throws ConfigError naming the line and column of a problem.
 * The last one is kept, since the same text is read on every change of any setting.
 */
export function csvDataset(data: Extract<DataConfig, { kind: 'csv' }>, field = 'data'): Dataset {
  // The size first: a text too long is refused before any of it is parsed.
  if (data.text.length > MAX_CSV_CHARS) {
    throw new ConfigError(`${field}.text`, { code: 'max-chars', max: MAX_CSV_CHARS, got: data.text.length });
  }
  if (lastCsv !== null && lastCsv.text === data.text && lastCsv.target === data.target && lastCsv.name === data.name) return lastCsv.data;
  try {
    const parsed = parseCsv(data.text, { name: data.name, ...(data.target === null ? {} : { target: data.target }) });
    lastCsv = { text: data.text, target: data.target, name: data.name, data: parsed };
    return parsed;
  } catch (e) {
    if (e instanceof CsvError) throw new ConfigError(`${field}.text`, e.refusal, e.place);
    throw e;
  }
}

/**
 * How batches are drawn and how long training runs:
 *   with-replacement: each batch is `batchSize` samples drawn independently (the two-layer-net loop);
 *   epochs: a fresh shuffle each epoch, cut into batches (the SGD loop);
 *   full-batch: every step uses the whole training set (plain gradient descent). A training
 *     set of more rows than a batch may hold (MAX_BATCH_SIZE, 100 000) runs as shuffled
 *     epochs of mini-batches of that size instead, and the experiment says so (`notice`).
 * `iterations` counts steps; an epoch is ⌈n / batchSize⌉ steps (one step for full-batch).
 */
export interface ScheduleConfig {
  readonly sampling: 'with-replacement' | 'epochs' | 'full-batch';
  readonly batchSize: number;
  readonly iterations: number;
  /** Evaluate every this many iterations (and after the last one). */
  readonly evaluateEvery: number;
  /** Evaluate on the whole training set too (the test set is always evaluated when present). */
  readonly evaluateTrain: boolean;
}

export interface PublishedResult {
  /** Where the figure comes from. */
  readonly source: string;
  readonly trainAccuracy?: number;
  readonly testAccuracy?: number;
  /** What the figure is: final, or the best over the evaluations. */
  readonly measure: 'final' | 'peak';
}

export interface ExperimentConfig {
  readonly name: string;
  readonly title: string;
  /** Where the setup comes from, and which settings are ours where the source is silent. */
  readonly source: string;
  readonly network: NetworkSpec;
  readonly init: InitConfig;
  readonly hyper: Hyperparameters;
  readonly data: DataConfig;
  readonly schedule: ScheduleConfig;
  /** Seeds the initial weights and the batch order. */
  readonly seed: number;
  readonly published?: PublishedResult;
}

function obj(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(field, `must be an object, got ${shown(value)}`);
  return value as Record<string, unknown>;
}

function text(field: string, value: unknown, max: number, { empty = false } = {}): string {
  if (typeof value !== 'string' || (!empty && value.length === 0)) throw new ConfigError(field, { code: 'string', empty, got: shown(value) });
  if (value.length > max) throw new ConfigError(field, { code: 'max-chars', max, got: value.length });
  return value;
}

/** A published figure: its known fields checked, anything else dropped. */
function validatePublished(field: string, value: unknown): PublishedResult {
  const o = obj(field, value);
  const accuracy = (key: 'trainAccuracy' | 'testAccuracy') =>
    o[key] === undefined ? {} : { [key]: requireInRange(`${field}.${key}`, o[key], 0, 1) };
  return {
    source: text(`${field}.source`, o['source'], MAX_SOURCE_CHARS),
    ...accuracy('trainAccuracy'),
    ...accuracy('testAccuracy'),
    measure: requireOneOf(`${field}.measure`, o['measure'], ['final', 'peak'] as const),
  };
}

function validateMnistSelection(field: string, value: unknown): MnistSelection {
  const o = obj(field, value);
  const part = requireOneOf(`${field}.part`, o['part'], ['train', 't10k'] as const);
  const take = requireOneOf(`${field}.take`, o['take'], ['all', 'first', 'last', 'random'] as const);
  const max = MNIST_SIZES[part];
  if (take === 'all') return { part, take };
  return { part, take, n: requireInteger(`${field}.n`, o['n'], 1, max) };
}

export function validateDataConfig(value: unknown, field = 'data'): DataConfig {
  const o = obj(field, value);
  const kind = requireOneOf(`${field}.kind`, o['kind'], ['mnist', 'toy2d', 'regression', 'csv'] as const);
  if (kind === 'csv') {
    const target = o['target'];
    const name = text(`${field}.name`, o['name'], MAX_NAME_CHARS);
    const csvText = text(`${field}.text`, o['text'], MAX_CSV_CHARS, { empty: true });
    if (target !== null && target !== undefined && typeof target !== 'string') throw new ConfigError(`${field}.target`, `must be a column name or null, got ${shown(target)}`);
    const csv = {
      kind,
      name,
      text: csvText,
      target: target ?? null,
      testFraction: requireInRange(`${field}.testFraction`, o['testFraction'], TEST_FRACTION.min, TEST_FRACTION.max),
      seed: requireInteger(`${field}.seed`, o['seed'], SEED.min, SEED.max),
    } as const;
    const ds = csvDataset(csv, field); // refuses text that does not parse, naming line and column
    const rows = ds.x.rows;
    if (csv.testFraction > 0 && rows < 2) {
      throw new ConfigError(`${field}.testFraction`, `must be 0 for data of ${rows} row: nothing is left to hold out for testing`);
    }
    if (ds.kind === 'classification' && ds.numClasses < 2) {
      throw new ConfigError(
        `${field}.text`,
        `the data ${shown(name)} has only one class (${shown(ds.classNames?.[0] ?? '0')}) in its target column; a classifier needs at least 2`,
      );
    }
    return csv;
  }
  if (kind === 'mnist') {
    const test = o['test'] === null || o['test'] === undefined ? null : validateMnistSelection(`${field}.test`, o['test']);
    return { kind, train: validateMnistSelection(`${field}.train`, o['train']), test };
  }
  const common = {
    n: requireInteger(`${field}.n`, o['n'], GENERATED_SAMPLES.min, GENERATED_SAMPLES.max),
    noise: requireInRange(`${field}.noise`, o['noise'], NOISE.min, NOISE.max),
    testFraction: requireInRange(`${field}.testFraction`, o['testFraction'], TEST_FRACTION.min, TEST_FRACTION.max),
    seed: requireInteger(`${field}.seed`, o['seed'], SEED.min, SEED.max),
  };
  if (kind === 'toy2d') return { kind, name: requireOneOf(`${field}.name`, o['name'], TOY_2D_NAMES), ...common };
  return { kind, name: requireOneOf(`${field}.name`, o['name'], REGRESSION_NAMES), ...common };
}

export function validateSchedule(value: unknown, field = 'schedule'): ScheduleConfig {
  const o = obj(field, value);
  const sampling = requireOneOf(`${field}.sampling`, o['sampling'], ['with-replacement', 'epochs', 'full-batch'] as const);
  const evaluateTrain = o['evaluateTrain'];
  if (typeof evaluateTrain !== 'boolean') throw new ConfigError(`${field}.evaluateTrain`, { code: 'boolean' });
  return {
    sampling,
    batchSize: requireInteger(`${field}.batchSize`, o['batchSize'], BATCH_SIZE.min, BATCH_SIZE.max),
    iterations: requireInteger(`${field}.iterations`, o['iterations'], SCHEDULE_STEPS.min, SCHEDULE_STEPS.max),
    evaluateEvery: requireInteger(`${field}.evaluateEvery`, o['evaluateEvery'], SCHEDULE_STEPS.min, SCHEDULE_STEPS.max),
    evaluateTrain,
  };
}

/** True when the data's targets are numbers to predict rather than classes. */
export function predictsNumbers(data: DataConfig): boolean {
  return data.kind === 'regression' || (data.kind === 'csv' && csvDataset(data).kind === 'regression');
}

/** Number of input features the data has. */
export function inputsOf(data: DataConfig): number {
  switch (data.kind) {
    case 'mnist':
      return pixels(MNIST_IMAGE);
    case 'toy2d':
      return 2;
    case 'regression':
      return data.name === 'noisy-sine' ? 1 : 5;
    case 'csv':
      return csvDataset(data).x.cols;
  }
}

/** What a data set's targets are: classes to tell apart, or values to predict per sample. */
export function targetsOf(data: DataConfig): { readonly classes: number } | { readonly values: number } {
  switch (data.kind) {
    case 'mnist':
      return { classes: 10 };
    case 'toy2d':
      return { classes: 2 };
    case 'regression':
      return { values: 1 };
    case 'csv': {
      const ds = csvDataset(data);
      return ds.kind === 'classification' ? { classes: ds.numClasses } : { values: ds.y.cols };
    }
  }
}

/** The data's name as a message gives it. */
function dataName(data: DataConfig): string {
  return data.kind === 'mnist' ? 'MNIST' : data.kind === 'csv' ? shown(data.name) : data.name;
}

/**
 * The cross-field checks that make a validated config buildable: the network's input and
 * output layers fit the data (inputs = features; classes ≤ outputs, or 2 classes on one
 * output; values to predict = outputs), and a held-out split leaves rows on both sides.
 */
function checkFits(network: NetworkSpec, data: DataConfig, field: string): void {
  const inputs = network.layers[0]!.units;
  const expectedInputs = inputsOf(data);
  if (inputs !== expectedInputs) {
    throw new ConfigError(`${field}.network.layers[0].units`, { code: 'data-inputs', data: dataName(data), expected: expectedInputs, got: inputs });
  }
  const L = network.layers.length - 1;
  const outputs = network.layers[L]!.units;
  const outField = `${field}.network.layers[${L}].units`;
  const targets = targetsOf(data);
  if ('values' in targets) {
    if (outputs !== targets.values) {
      throw new ConfigError(outField, `the ${dataName(data)} data has ${targets.values} value${targets.values === 1 ? '' : 's'} to predict per sample, so the output layer needs ${targets.values} unit${targets.values === 1 ? '' : 's'}, got ${outputs}`);
    }
    return;
  }
  if (outputs === 1 ? targets.classes > 2 : targets.classes > outputs) {
    throw new ConfigError(outField, `the ${dataName(data)} data has ${targets.classes} classes, so the output layer needs at least ${targets.classes} units, got ${outputs}`);
  }
}

/** Checks a whole experiment config; throws a ConfigError naming the first bad field. */
export function validateExperimentConfig(value: unknown, field = 'config'): ExperimentConfig {
  const o = obj(field, value);
  const name = text(`${field}.name`, o['name'], MAX_NAME_CHARS);
  const data = validateDataConfig(o['data'], `${field}.data`);
  const network = validateNetworkSpec(o['network'], `${field}.network`);
  checkFits(network, data, field);
  return {
    name,
    title: o['title'] === undefined ? name : text(`${field}.title`, o['title'], MAX_NAME_CHARS, { empty: true }),
    source: o['source'] === undefined ? '' : text(`${field}.source`, o['source'], MAX_SOURCE_CHARS, { empty: true }),
    network,
    init: validateInit(o['init'], `${field}.init`),
    hyper: validateHyperparameters(o['hyper'], `${field}.hyper`),
    data,
    schedule: validateSchedule(o['schedule'], `${field}.schedule`),
    seed: requireInteger(`${field}.seed`, o['seed'], SEED.min, SEED.max),
    ...(o['published'] === undefined ? {} : { published: validatePublished(`${field}.published`, o['published']) }),
  };
}
