/**
 * Data sets from CSV text: a header row of column names, comma-separated cells, optional
 * RFC 4180 quoting ("a, b" and "say ""hi"""), \n or \r\n line ends. One column is the target,
 * every other column is a numeric feature. Blank lines are skipped; unquoted cells and header
 * names are trimmed of surrounding spaces.
 */
import { refusalEnglish, type Refusal, type TextPlace } from '../core/refusal.ts';
import { placeEnglish, shown } from '../core/errors.ts';
import { parseDecimal } from '../core/strict-number.ts';
import { zeros } from '../core/tensor.ts';
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

/** Splits text into records of trimmed cells, skipping blank lines. */
function readRecords(text: string): CsvRecord[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  while (i < s.length) {
    const start = line;
    const cells: string[] = [];
    let quotedAny = false;
    for (;;) {
      let cell: string;
      if (s[i] === '"') {
        quotedAny = true;
        const quoteLine = line;
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
          if (ch === '\n') line++;
          buf += ch;
          i++;
        }
        while (s[i] === ' ' || s[i] === '\t') i++;
        if (i < s.length && s[i] !== ',' && s[i] !== '\n' && s[i] !== '\r') {
          throw new CsvError(line, null, `unexpected ${shown(s[i])} after a closing quote`);
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
      line++;
      break;
    }
    const blank = !quotedAny && cells.length === 1 && cells[0] === '';
    if (!blank) records.push({ line: start, cells });
  }
  return records;
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

/** Class indices for the target cells, classes in sorted order of their distinct values. */
function classify(
  values: readonly string[],
  numbers: Float64Array,
  allNumeric: boolean,
): { labels: Int32Array; classNames: string[] } {
  const keys = allNumeric ? Array.from(numbers, (v) => String(v)) : values.slice();
  const distinct = [...new Set(keys)];
  if (allNumeric) distinct.sort((a, b) => Number(a) - Number(b));
  else distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(distinct.map((k, c) => [k, c] as const));
  const labels = Int32Array.from(keys, (k) => index.get(k)!);
  return { labels, classNames: distinct };
}

/**
 * Parses CSV text into a Dataset. The target column is `target` (default the last); all other
 * columns must hold numbers. task 'auto' (default) chooses classification when every target is
 * non-numeric text, or every target is an integer and there are at most 20 distinct values;
 * otherwise regression. Classes are numbered in sorted order of their values (numeric order
 * when all are numbers) and `classNames` keeps the values. Throws CsvError, naming the line and
 * column, on a missing, empty or duplicate header name, an unknown target, no feature columns,
 * no data rows, a row with the wrong number of cells, or an empty or non-numeric number cell.
 */
export function parseCsv(text: string, options: CsvOptions = {}): Dataset {
  const name = options.name ?? 'csv';
  const task = options.task ?? 'auto';
  const records = readRecords(text);
  const header = records[0];
  if (header === undefined) throw new CsvError(1, null, { code: 'csv-empty-text' });
  const columns = readHeader(header);
  const targetName = options.target ?? columns[columns.length - 1]!;
  const targetCol = columns.indexOf(targetName);
  if (targetCol < 0) {
    const list = columns.slice(0, 10).map(shown).join(', ') + (columns.length > 10 ? `, … (${columns.length} columns)` : '');
    throw new CsvError(header.line, targetName, { code: 'csv-no-target', columns: list });
  }
  if (columns.length < 2) {
    throw new CsvError(header.line, null, `only the target column "${targetName}"; no feature columns`);
  }
  const rows = records.slice(1);
  if (rows.length === 0) throw new CsvError(header.line + 1, null, { code: 'csv-no-rows' });

  const d = columns.length - 1;
  const x = zeros(rows.length, d);
  const targets: string[] = [];
  const numbers = new Float64Array(rows.length);
  rows.forEach((row, r) => {
    if (row.cells.length !== columns.length) {
      throw new CsvError(row.line, null, { code: 'csv-cells', expected: columns.length, got: row.cells.length });
    }
    let j = 0;
    row.cells.forEach((cell, k) => {
      if (cell === '') {
        throw new CsvError(row.line, columns[k]!, { code: k === targetCol ? 'csv-empty-target' : 'csv-empty-cell' });
      }
      if (k === targetCol) {
        targets.push(cell);
        numbers[r] = parseNumber(cell);
        return;
      }
      const v = parseNumber(cell);
      if (Number.isNaN(v)) throw new CsvError(row.line, columns[k]!, { code: 'csv-not-number', cell: shown(cell), hint: '' });
      x.data[r * d + j++] = v;
    });
  });

  const allNumeric = numbers.every((v) => !Number.isNaN(v));
  const noneNumeric = numbers.every((v) => Number.isNaN(v));
  const kind =
    task !== 'auto'
      ? task
      : noneNumeric ||
          (allNumeric && numbers.every(Number.isInteger) && new Set(numbers).size <= MAX_AUTO_CLASSES)
        ? 'classification'
        : 'regression';

  if (kind === 'regression') {
    const bad = numbers.findIndex((v) => Number.isNaN(v));
    if (bad >= 0) {
      const hint = task === 'auto' ? " (the column mixes numbers and text; task 'classification' reads it as class names)" : '';
      throw new CsvError(rows[bad]!.line, targetName, { code: 'csv-not-number', cell: shown(targets[bad]), hint });
    }
    const result: RegressionSet = { kind: 'regression', name, x, y: { rows: rows.length, cols: 1, data: numbers } };
    return result;
  }
  const { labels, classNames } = classify(targets, numbers, allNumeric);
  const result: ClassificationSet = {
    kind: 'classification',
    name,
    x,
    labels,
    numClasses: classNames.length,
    classNames,
  };
  return result;
}
