/**
 * A chosen file's text, read in the worker a megabyte at a time and decoded as UTF-8 as it
 * arrives (as File.text() would, a byte order mark dropped), so the page never decodes it.
 */
import { RefusedError } from '../core/errors.ts';
import type { Scheduler } from './slices.ts';

/** Bytes read at a time. */
const CHUNK_BYTES = 1 << 20;

/** Progress is reported at most this often (ms). */
export const PROGRESS_EVERY_MS = 50;

export interface FileReading {
  /** Checked as the work goes on: a read no longer wanted stops (its promise never settles). */
  wanted(): boolean;
  /** Bytes read of the file, then (for a CSV) characters parsed of the text. */
  progress(stage: 'read' | 'parse', done: number, total: number): void;
}

/** The file's text; null when no longer wanted. */
export async function readFileText(file: Blob, scheduler: Scheduler, reading: FileReading): Promise<string | null> {
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let reported = scheduler.now();
  for (let start = 0; start < file.size; start += CHUNK_BYTES) {
    const bytes = await file.slice(start, start + CHUNK_BYTES).arrayBuffer();
    if (!reading.wanted()) return null;
    parts.push(decoder.decode(bytes, { stream: true }));
    if (scheduler.now() - reported >= PROGRESS_EVERY_MS) {
      reported = scheduler.now();
      reading.progress('read', Math.min(file.size, start + CHUNK_BYTES), file.size);
    }
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * A whole file's text, refused by its size in bytes before a byte is read when over maxBytes
 * (UTF-8 takes at least a byte per character, so maxBytes bytes hold at most maxBytes characters).
 */
export async function readSizedText(file: Blob, maxBytes: number, scheduler: Scheduler): Promise<string> {
  if (file.size > maxBytes) throw new RefusedError({ code: 'max-file-bytes', max: maxBytes, got: file.size });
  return (await readFileText(file, scheduler, { wanted: () => true, progress: () => {} }))!;
}
