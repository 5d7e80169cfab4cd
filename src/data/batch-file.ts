/**
 * The batch file: {"x":[[...]],"t":[[...]]}, one sample per row. t is either rows of targets
 * (one-hot, 0/1 or real values, one column per output) or one class index per sample, which
 * becomes one-hot rows (several outputs) or a 0/1 column (one output). Which of the two is
 * read from t's first entry; every entry is then checked against it, at its own index.
 */
import { ConfigError, shown } from '../core/errors.ts';
import type { Batch } from '../core/passes.ts';
import { zeros } from '../core/tensor.ts';
import { BATCH_SIZE } from '../core/limits.ts';
import { matrixFromJson, parseJsonObject } from './model-file.ts';

export function parseBatchFile(text: string, inputs: number, outputs: number): Batch {
  const o = parseJsonObject(text, 'batch');
  const rawX = o['x'];
  if (!Array.isArray(rawX) || rawX.length === 0) throw new ConfigError('x', `must be a non-empty array of rows, got ${shown(rawX)}`);
  if (rawX.length > BATCH_SIZE.max) throw new ConfigError('x', `must have at most ${BATCH_SIZE.max} rows, got ${rawX.length}`);
  const x = matrixFromJson('x', rawX, undefined, inputs);
  const rawT = o['t'];
  if (!Array.isArray(rawT)) throw new ConfigError('t', `must be an array (rows of targets, or class indices), got ${shown(rawT)}`);
  if (rawT.length !== x.rows) throw new ConfigError('t', `must have ${x.rows} entries (one per row of x), got ${rawT.length}`);
  if (Array.isArray(rawT[0])) return { x, t: matrixFromJson('t', rawT, x.rows, outputs) };
  const t = zeros(x.rows, outputs);
  const limit = outputs === 1 ? 2 : outputs;
  rawT.forEach((c: unknown, i) => {
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c >= limit) {
      throw new ConfigError(`t[${i}]`, `must be a class index from 0 to ${limit - 1}, got ${shown(c)}`);
    }
    if (outputs === 1) t.data[i] = c;
    else t.data[i * outputs + c] = 1;
  });
  return { x, t };
}
