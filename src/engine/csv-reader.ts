/**
 * Reading a CSV file in the worker, so the page never blocks on it: the size is checked
 * before a byte is read, the bytes are decoded as they arrive (file-text.ts), and the text is
 * parsed in slices (slices.ts) while the experiment runs on. What it
 * parsed is kept (presets/config.ts rememberCsv), so the configure that follows finds it.
 */
import { ConfigError } from '../core/errors.ts';
import { CsvError, parseCsvSteps } from '../data/csv.ts';
import { MAX_CSV_CHARS } from '../core/limits.ts';
import type { Dataset } from '../data/dataset.ts';
import { checkCsvFileSize, isCsvKept, rememberCsv, shapeOf, type CsvShape } from '../presets/config.ts';
import { csvData, type CsvDataConfig } from '../presets/csv-experiment.ts';
import type { Outbox } from './outbox.ts';
import type { Command } from './protocol.ts';
import { readFileText, PROGRESS_EVERY_MS, type FileReading } from './file-text.ts';
import { runInSlices, type Scheduler } from './slices.ts';

export type CsvReading = FileReading;

/** Reads, parses and keeps a CSV file; rejects with a ConfigError at `data.text` (line and column for a parse error). */
export async function readCsvFile(file: Blob, name: string, scheduler: Scheduler, reading: CsvReading): Promise<{ data: CsvDataConfig; shape: CsvShape }> {
  checkCsvFileSize(file.size);
  reading.progress('read', 0, file.size);
  const text = await readFileText(file, scheduler, reading);
  if (text === null) return new Promise(() => {});
  const data = csvData(name, text);
  const dataset = await parseInSlices(data, scheduler, reading);
  return { data, shape: shapeOf(dataset) };
}

/** Parses a CSV config's text in slices and keeps what it parsed (rememberCsv). */
function parseInSlices(data: CsvDataConfig, scheduler: Scheduler, reading: CsvReading, field = 'data.text'): Promise<Dataset> {
  let reported = scheduler.now();
  return new Promise((resolve, reject) => {
    runInSlices(scheduler, {
      steps: parseCsvSteps(data.text, { name: data.name, ...(data.target === null ? {} : { target: data.target }) }),
      wanted: () => reading.wanted(),
      progress: ({ done, total }) => {
        if (scheduler.now() - reported < PROGRESS_EVERY_MS) return;
        reported = scheduler.now();
        reading.progress('parse', done, total);
      },
      done: (dataset) => {
        rememberCsv(data, dataset);
        resolve(dataset);
      },
      failed: (e) => reject(e instanceof CsvError ? new ConfigError(field, e.refusal, e.place) : e),
    });
  });
}

/**
 * For a configure whose CSV text this worker has not parsed (a restarted worker is given the
 * store's experiment, text and all): the parse in slices, so validation then finds it kept;
 * null when there is nothing to parse (no CSV, kept, or a text validation refuses as it is).
 */
export function parseUnkeptCsv(raw: unknown, scheduler: Scheduler, wanted: () => boolean): Promise<Dataset> | null {
  const data = (raw as { data?: Record<string, unknown> } | null)?.data;
  if (typeof data !== 'object' || data === null || data['kind'] !== 'csv') return null;
  const { name, text, target } = data;
  if (typeof name !== 'string' || typeof text !== 'string' || text.length > MAX_CSV_CHARS || !(target === null || typeof target === 'string')) return null;
  const csv = { ...csvData(name, text), target };
  if (isCsvKept(csv)) return null;
  return parseInSlices(csv, scheduler, { wanted, progress: () => {} }, 'config.data.text');
}

/** Answers a `read-csv` command: progress, then `csv-read` or an error; nothing once `current()` is false (a newer read came). */
export function answerReadCsv(c: Extract<Command, { type: 'read-csv' }>, scheduler: Scheduler, outbox: Outbox, current: () => boolean): void {
  const reading: CsvReading = {
    wanted: current,
    progress: (stage, done, total) => outbox.post({ type: 'csv-progress', asked: c.asked, stage, done, total }),
  };
  readCsvFile(c.file, c.name, scheduler, reading).then(
    ({ data, shape }) => current() && outbox.post({ type: 'csv-read', asked: c.asked, data, shape }),
    (e: unknown) => current() && outbox.error(e, 'read-csv', { asked: c.asked }),
  );
}
