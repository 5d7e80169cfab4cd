/**
 * The batch file: {"x":[[...]],"t":[[...]]}, one sample per row. t is either rows of targets
 * (one-hot, 0/1 or real values, one column per output) or one class index per sample, which
 * becomes one-hot rows (several outputs) or a 0/1 column (one output).
 */
import { ConfigError } from '../core/errors.ts';
import type { Batch } from '../core/passes.ts';
import { zeros } from '../core/tensor.ts';
import { matrixFromJson, parseJsonObject } from './model-file.ts';

export function parseBatchFile(text: string, inputs: number, outputs: number): Batch {
  const o = parseJsonObject(text, 'batch');
  if (!Array.isArray(o['x']) || o['x'].length === 0) throw new ConfigError('x', 'must be a non-empty array of rows');
  const x = matrixFromJson('x', o['x'], undefined, inputs);
  const rawT = o['t'];
  if (!Array.isArray(rawT)) throw new ConfigError('t', 'must be an array (rows of targets, or class indices)');
  if (rawT.length !== x.rows) throw new ConfigError('t', `must have ${x.rows} entries (one per row of x), got ${rawT.length}`);
  if (rawT.every((v) => typeof v === 'number')) {
    const t = zeros(x.rows, outputs);
    rawT.forEach((c: number, i) => {
      const limit = outputs === 1 ? 2 : outputs;
      if (!Number.isInteger(c) || c < 0 || c >= limit) throw new ConfigError(`t[${i}]`, `must be a class index from 0 to ${limit - 1}, got ${c}`);
      if (outputs === 1) t.data[i] = c;
      else t.data[i * outputs + c] = 1;
    });
    return { x, t };
  }
  return { x, t: matrixFromJson('t', rawT, x.rows, outputs) };
}
