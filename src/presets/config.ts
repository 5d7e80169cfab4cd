/**
 * An experiment as one plain, serialisable object: the network, how it starts, how it
 * learns, on what data, for how long, and how often it is measured. Presets are values of
 * this type; a config file for the CLI is one too.
 */
import { ConfigError, requireInRange, requireInteger, requireOneOf, shown } from '../core/errors.ts';
import { BATCH_SIZE, GENERATED_SAMPLES, MAX_CSV_CHARS, MAX_CSV_FILE_BYTES, NOISE, SCHEDULE_STEPS, SEED, TEST_FRACTION } from '../core/limits.ts';
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

type CsvConfig = Extract<DataConfig, { kind: 'csv' }>;

/**
 * What validation and the screen need to know of a CSV data set, without its rows: how many
 * rows and features, and its classes (with the first class's name) or the values it predicts.
 */
export type CsvShape = { readonly rows: number; readonly features: number } & (
  | { readonly kind: 'classification'; readonly classes: number; readonly firstClass: string }
  | { readonly kind: 'regression'; readonly values: number }
);

export function shapeOf(ds: Dataset): CsvShape {
  const common = { rows: ds.x.rows, features: ds.x.cols };
  if (ds.kind === 'regression') return { ...common, kind: 'regression', values: ds.y.cols };
  return { ...common, kind: 'classification', classes: ds.numClasses, firstClass: ds.classNames?.[0] ?? '0' };
}

/**
 * The CSV texts read last, with their shape and, where this thread parsed them, their data
 * set: the same text is looked at on every change of any setting. A text is found by ===,
 * which for the very string kept (the settings store passes its own on) is one comparison.
 * The page keeps shapes only: the worker reads and parses a chosen file and tells the page
 * its shape (rememberCsv), so the page never parses a large text itself.
 */
const CSV_KEPT = 2;
let csvKept: { readonly data: CsvConfig; readonly shape: CsvShape; readonly dataset: Dataset | null }[] = [];

function keptCsv(data: CsvConfig) {
  return csvKept.find((k) => k.data.text === data.text && k.data.target === data.target && k.data.name === data.name) ?? null;
}

/** Whether this thread has this CSV text's shape (see rememberCsv). */
export function isCsvKept(data: CsvConfig): boolean {
  return keptCsv(data) !== null;
}

/** Keeps a CSV text's shape (and its data set, when this thread has it), so that it is not parsed again. */
export function rememberCsv(data: CsvConfig, parsed: Dataset | CsvShape): void {
  const dataset = 'x' in parsed ? parsed : null;
  const entry = { data, shape: dataset === null ? (parsed as CsvShape) : shapeOf(dataset), dataset };
  const same = keptCsv(data);
  csvKept = [entry, ...csvKept.filter((k) => k !== same)].slice(0, CSV_KEPT);
}

/** A CSV file's size in bytes, checked before any of it is read (see MAX_CSV_FILE_BYTES). */
export function checkCsvFileSize(bytes: number, field = 'data.text'): void {
  if (bytes > MAX_CSV_FILE_BYTES) throw new ConfigError(field, { code: 'max-file-bytes', max: MAX_CSV_FILE_BYTES, got: bytes });
}

/** The size first: a text too long is refused before any of it is parsed. */
function checkCsvLength(data: CsvConfig, field: string): void {
  if (data.text.length > MAX_CSV_CHARS) {
    throw new ConfigError(`${field}.text`, { code: 'max-chars', max: MAX_CSV_CHARS, got: data.text.length });
  }
}

/** Parses (for a text not kept) and keeps; throws ConfigError naming the line and column of a problem. */
function parseKept(data: CsvConfig, field: string): Dataset {
  try {
    const parsed = parseCsv(data.text, { name: data.name, ...(data.target === null ? {} : { target: data.target }) });
    rememberCsv(data, parsed);
    return parsed;
  } catch (e) {
    if (e instanceof CsvError) throw new ConfigError(`${field}.text`, e.refusal, e.place);
    throw e;
  }
}

/** The data set a CSV config holds; throws ConfigError naming the line and column of a problem. */
export function csvDataset(data: CsvConfig, field = 'data'): Dataset {
  checkCsvLength(data, field);
  return keptCsv(data)?.dataset ?? parseKept(data, field);
}

/** The shape of the data set a CSV config holds: kept, or parsed (see csvDataset). */
export function csvShape(data: CsvConfig, field = 'data'): CsvShape {
  checkCsvLength(data, field);
  return keptCsv(data)?.shape ?? shapeOf(parseKept(data, field));
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
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(field, { code: 'kind', kind: 'object', got: shown(value) });
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
    if (target !== null && target !== undefined && typeof target !== 'string') throw new ConfigError(`${field}.target`, { code: 'kind', kind: 'column-or-null', got: shown(target) });
    const csv = {
      kind,
      name,
      text: csvText,
      target: target ?? null,
      testFraction: requireInRange(`${field}.testFraction`, o['testFraction'], TEST_FRACTION.min, TEST_FRACTION.max),
      seed: requireInteger(`${field}.seed`, o['seed'], SEED.min, SEED.max),
    } as const;
    const shape = csvShape(csv, field); // refuses text that does not parse, naming line and column
    const rows = shape.rows;
    if (csv.testFraction > 0 && rows < 2) {
      throw new ConfigError(`${field}.testFraction`, { code: 'test-fraction-rows', rows });
    }
    if (shape.kind === 'classification' && shape.classes < 2) {
      throw new ConfigError(`${field}.text`, { code: 'one-class', data: shown(name), only: shown(shape.firstClass) });
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
  return data.kind === 'regression' || (data.kind === 'csv' && csvShape(data).kind === 'regression');
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
      return csvShape(data).features;
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
      const shape = csvShape(data);
      return shape.kind === 'classification' ? { classes: shape.classes } : { values: shape.values };
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
      throw new ConfigError(outField, { code: 'output-values', data: dataName(data), values: targets.values, got: outputs });
    }
    return;
  }
  if (outputs === 1 ? targets.classes > 2 : targets.classes > outputs) {
    throw new ConfigError(outField, { code: 'output-classes', data: dataName(data), classes: targets.classes, got: outputs });
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
