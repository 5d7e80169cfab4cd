/**
 * Data sets from CSV text: a header row of column names, comma-separated cells, optional
 * RFC 4180 quoting ("a, b" and "say ""hi"""), \n or \r\n line ends. One column is the target,
 * every other column is a numeric feature. Blank lines are skipped; unquoted cells and header
 * names are trimmed of surrounding spaces.
 */
import { refusalEnglish, type Refusal, type TextPlace } from '../core/refusal.ts';
import { placeEnglish, shown } from '../core/errors.ts';
import { parseDecimal } from '../core/strict-number.ts';
import type { ClassificationSet, Dataset, RegressionSet } from './dataset.ts';

/** A problem in CSV text, located by 1-based line and, when there is one, column name. */
export class CsvError extends Error {
  readonly line: number;
  readonly column: string | null;
  /** What is wrong, as a code with parameters (every language writes it from that). */
  readonly refusal: Refusal;
  constructor(line: number, column: string | null, detail: Refusal | string) {
    const refusal: Refusal = typeof detail === 'string' ? { code: 'text', text: detail } : detail;
    super(`${placeEnglish({ line, column })}${refusalEnglish(refusal)}`);
    this.name = 'CsvError';
    this.line = line;
    this.column = column;
    this.refusal = refusal;
  }

  get place(): TextPlace {
    return { line: this.line, column: this.column };
  }
}

export interface CsvOptions {
  /** Name of the target column; default the last column. */
  readonly target?: string;
  /** Default 'auto': see parseCsv. */
  readonly task?: 'classification' | 'regression' | 'auto';
  /** Name of the data set; default 'csv'. */
  readonly name?: string;
}

/** Classification in 'auto' mode allows at most this many distinct integer targets. */
const MAX_AUTO_CLASSES = 20;

interface CsvRecord {
  /** Line on which the record starts (a quoted cell may span lines). */
  readonly line: number;
  readonly cells: string[];
}

/**
 * Reads text one record at a time: trimmed cells, blank lines skipped. `at` is how many
 * characters have been read, for progress.
 */
class RecordReader {
  private readonly s: string;
  private i = 0;
  private line = 1;

  constructor(text: string) {
    this.s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  get at(): number {
    return this.i;
  }

  get length(): number {
    return this.s.length;
  }

  /** The next record that is not a blank line, or null at the end of the text. */
  next(): CsvRecord | null {
    for (;;) {
      if (this.i >= this.s.length) return null;
      const record = this.record();
      if (record !== null) return record;
    }
  }

  /** One record, or null for a blank line. */
  private record(): CsvRecord | null {
    const s = this.s;
    let i = this.i;
    const start = this.line;
    const cells: string[] = [];
    let quotedAny = false;
    for (;;) {
      let cell: string;
      if (s[i] === '"') {
        quotedAny = true;
        const quoteLine = this.line;
        let buf = '';
        i++;
        for (;;) {
          if (i >= s.length) throw new CsvError(quoteLine, null, { code: 'csv-unclosed-quote' });
          const ch = s[i]!;
          if (ch === '"') {
            if (s[i + 1] === '"') {
              buf += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') this.line++;
          buf += ch;
          i++;
        }
        while (s[i] === ' ' || s[i] === '\t') i++;
        if (i < s.length && s[i] !== ',' && s[i] !== '\n' && s[i] !== '\r') {
          throw new CsvError(this.line, null, { code: 'csv-after-quote', got: shown(s[i]) });
        }
        cell = buf;
      } else {
        const from = i;
        while (i < s.length && s[i] !== ',' && s[i] !== '\n' && s[i] !== '\r') i++;
        cell = s.slice(from, i).trim();
      }
      cells.push(cell);
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === '\r') i++;
      if (s[i] === '\n') i++;
      this.line++;
      break;
    }
    this.i = i;
    const blank = !quotedAny && cells.length === 1 && cells[0] === '';
    return blank ? null : { line: start, cells };
  }
}

/** The value of a decimal number cell, or NaN when the cell is not one. */
function parseNumber(cell: string): number {
  return parseDecimal(cell) ?? NaN;
}

/** The header's column names, checked for empty and duplicate names. */
function readHeader(header: CsvRecord): string[] {
  const names = header.cells.map((c) => c.trim());
  const seen = new Set<string>();
  names.forEach((name, k) => {
    if (name === '') throw new CsvError(header.line, null, { code: 'csv-unnamed-column', column: k + 1 });
    if (seen.has(name)) throw new CsvError(header.line, name, { code: 'csv-duplicate-column' });
    seen.add(name);
  });
  return names;
}

/** How far parsing has got: characters of the text read so far, of `total`. */
export interface CsvProgress {
  readonly done: number;
  readonly total: number;
}

/** parseCsv as steps: yields its progress every ROWS_PER_YIELD rows, returns the data set. */
export type CsvSteps = Generator<CsvProgress, Dataset, void>;

/** Rows parsed between two yields of parseCsvSteps (about a millisecond of work). */
export const ROWS_PER_YIELD = 2000;

/**
 * Class indices for the target cells, classes in sorted order of their distinct values
 * (numbers in numeric order, read as numbers, so "1" and "1.0" are one class).
 */
function* classify(
  values: readonly string[],
  numbers: Float64Array,
  allNumeric: boolean,
): Generator<void, { labels: Int32Array; classNames: string[] }, void> {
  const n = numbers.length;
  const index = new Map<string | number, number>();
  const labels = new Int32Array(n);
  let classNames: string[];
  if (allNumeric) {
    const seen = new Set<number>();
    for (let r = 0; r < n; r++) {
      seen.add(numbers[r]!);
      if ((r + 1) % ROWS_PER_YIELD === 0) yield;
    }
    const distinct = [...seen].sort((a, b) => a - b);
    distinct.forEach((v, c) => index.set(v, c));
    classNames = distinct.map((v) => String(v));
    for (let r = 0; r < n; r++) {
      labels[r] = index.get(numbers[r]!)!;
      if ((r + 1) % ROWS_PER_YIELD === 0) yield;
    }
  } else {
    classNames = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    classNames.forEach((k, c) => index.set(k, c));
    for (let r = 0; r < n; r++) {
      labels[r] = index.get(values[r]!)!;
      if ((r + 1) % ROWS_PER_YIELD === 0) yield;
    }
  }
  return { labels, classNames };
}

/** Rows of d doubles, appended one at a time into a buffer that doubles as it fills. */
class GrowingRows {
  data: Float64Array;
  rows = 0;
  constructor(readonly d: number) {
    this.data = new Float64Array(d * 1024);
  }
  /** The start of a new row's d entries in `data`. */
  add(): number {
    const at = this.rows * this.d;
    if (at + this.d > this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.rows++;
    return at;
  }
  /** The rows read, in an array of exactly their size. */
  finish(): Float64Array {
    return this.data.slice(0, this.rows * this.d);
  }
}

/**
 * Parses CSV text into a Dataset. The target column is `target` (default the last); all other
 * columns must hold numbers. task 'auto' (default) chooses classification when every target is
 * non-numeric text, or every target is an integer and there are at most 20 distinct values;
 * otherwise regression. Classes are numbered in sorted order of their values (numeric order
 * when all are numbers) and `classNames` keeps the values. Throws CsvError, naming the line and
 * column, on a missing, empty or duplicate header name, an unknown target, no feature columns,
 * no data rows, a row with the wrong number of cells, or an empty or non-numeric number cell
 * (the first such problem in the text).
 */
export function parseCsv(text: string, options: CsvOptions = {}): Dataset {
  const steps = parseCsvSteps(text, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The same parse as parseCsv, in steps (its progress yielded between them), for a caller that must stay responsive. */
export function* parseCsvSteps(text: string, options: CsvOptions = {}): CsvSteps {
  const name = options.name ?? 'csv';
  const task = options.task ?? 'auto';
  const reader = new RecordReader(text);
  const header = reader.next();
  if (header === null) throw new CsvError(1, null, { code: 'csv-empty-text' });
  const columns = readHeader(header);
  const targetName = options.target ?? columns[columns.length - 1]!;
  const targetCol = columns.indexOf(targetName);
  if (targetCol < 0) {
    const list = columns.slice(0, 10).map(shown).join(', ') + (columns.length > 10 ? `, … (${columns.length} columns)` : '');
    throw new CsvError(header.line, targetName, { code: 'csv-no-target', columns: list });
  }
  if (columns.length < 2) {
    throw new CsvError(header.line, null, { code: 'csv-no-features', target: targetName });
  }

  const d = columns.length - 1;
  const x = new GrowingRows(d);
  const targets: string[] = [];
  const targetNumbers = new GrowingRows(1);
  // What 'auto' decides on, counted as the rows go by: targets that are not numbers, whether
  // every number is an integer, and the distinct numbers up to one more than MAX_AUTO_CLASSES.
  let notNumbers = 0;
  let allIntegers = true;
  const fewNumbers = new Set<number>();
  /** The line of each row, kept for the one message that names a row after all are read. */
  const lines: number[] = [];
  for (let row = reader.next(); row !== null; row = reader.next()) {
    if (row.cells.length !== columns.length) {
      throw new CsvError(row.line, null, { code: 'csv-cells', expected: columns.length, got: row.cells.length });
    }
    const at = x.add();
    const r = targetNumbers.add();
    let j = 0;
    for (let k = 0; k < row.cells.length; k++) {
      const cell = row.cells[k]!;
      if (cell === '') {
        throw new CsvError(row.line, columns[k]!, { code: k === targetCol ? 'csv-empty-target' : 'csv-empty-cell' });
      }
      if (k === targetCol) {
        const v = parseNumber(cell);
        targets.push(cell);
        targetNumbers.data[r] = v;
        if (Number.isNaN(v)) notNumbers++;
        else {
          allIntegers &&= Number.isInteger(v);
          if (fewNumbers.size <= MAX_AUTO_CLASSES) fewNumbers.add(v);
        }
        continue;
      }
      const v = parseNumber(cell);
      if (Number.isNaN(v)) throw new CsvError(row.line, columns[k]!, { code: 'csv-not-number', cell: shown(cell), hint: '' });
      x.data[at + j++] = v;
    }
    lines.push(row.line);
    if (x.rows % ROWS_PER_YIELD === 0) yield { done: reader.at, total: reader.length };
  }
  const rows = x.rows;
  if (rows === 0) throw new CsvError(header.line + 1, null, { code: 'csv-no-rows' });
  const numbers = targetNumbers.finish();

  const allNumeric = notNumbers === 0;
  const noneNumeric = notNumbers === rows;
  const kind =
    task !== 'auto'
      ? task
      : noneNumeric || (allNumeric && allIntegers && fewNumbers.size <= MAX_AUTO_CLASSES)
        ? 'classification'
        : 'regression';

  const features = { rows, cols: d, data: x.finish() };
  if (kind === 'regression') {
    const bad = numbers.findIndex((v) => Number.isNaN(v));
    if (bad >= 0) {
      const hint = task === 'auto' ? " (the column mixes numbers and text; task 'classification' reads it as class names)" : '';
      throw new CsvError(lines[bad]!, targetName, { code: 'csv-not-number', cell: shown(targets[bad]), hint });
    }
    const result: RegressionSet = { kind: 'regression', name, x: features, y: { rows, cols: 1, data: numbers } };
    return result;
  }
  const { labels, classNames } = yield* classifyWithProgress(targets, numbers, allNumeric, reader.length);
  const result: ClassificationSet = {
    kind: 'classification',
    name,
    x: features,
    labels,
    numClasses: classNames.length,
    classNames,
  };
  return result;
}

/** classify, reporting the whole text as read while it numbers the classes. */
function* classifyWithProgress(values: readonly string[], numbers: Float64Array, allNumeric: boolean, total: number) {
  const steps = classify(values, numbers, allNumeric);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    yield { done: total, total };
  }
}
