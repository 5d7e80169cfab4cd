/**
 * The model file, format "backprop-lab/model@1": the network's layers, loss, regularization
 * and parameters as JSON. W has one row per unit below and one column per unit above
 * (W[i][j] from unit i to unit j, the core's convention). The CLI and the lab read and write
 * the same format.
 *
 * {"format":"backprop-lab/model@1",
 *  "layers":[{"units":784},{"units":50,"activation":"relu"},{"units":10,"activation":"identity"}],
 *  "loss":"softmax-cross-entropy",
 *  "regularization":{"kind":"l2","lambda":0},
 *  "params":[{"W":[[...]],"b":[...]}, ...]}
 */
import { ConfigError, shown } from '../core/errors.ts';
import type { LayerParams, Network } from '../core/network.ts';
import { checkParamShapes } from '../core/network.ts';
import { depth, validateNetworkSpec, validateRegularization, type Regularization } from '../core/spec.ts';
import { toRows, zeros, type Matrix } from '../core/tensor.ts';

export const MODEL_FORMAT = 'backprop-lab/model@1';

export interface ModelFile {
  readonly network: Network;
  readonly regularization: Regularization;
}

/** A JSON-ready object of the model. */
export function modelToJson(network: Network, regularization: Regularization): object {
  return {
    format: MODEL_FORMAT,
    layers: network.spec.layers,
    loss: network.spec.loss,
    regularization,
    params: network.params.map(({ W, b }) => ({ W: toRows(W), b: Array.from(b) })),
  };
}

/** Reads a matrix given as an array of equal-length number arrays. */
export function matrixFromJson(field: string, value: unknown, rows?: number, cols?: number): Matrix {
  if (!Array.isArray(value)) throw new ConfigError(field, `must be an array of rows, got ${shown(value)}`);
  if (rows !== undefined && value.length !== rows) throw new ConfigError(field, `must have ${rows} rows, got ${value.length}`);
  const c = cols ?? (Array.isArray(value[0]) ? value[0].length : 0);
  const m = zeros(value.length, c);
  value.forEach((row: unknown, i: number) => {
    if (!Array.isArray(row)) throw new ConfigError(`${field}[${i}]`, `must be an array of numbers, got ${shown(row)}`);
    if (row.length !== c) throw new ConfigError(`${field}[${i}]`, `must have ${c} entries, got ${row.length}`);
    row.forEach((v: unknown, j: number) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new ConfigError(`${field}[${i}][${j}]`, { code: 'finite', got: shown(v) });
      m.data[i * c + j] = v;
    });
  });
  return m;
}

function vectorFromJson(field: string, value: unknown, length: number): Float64Array {
  if (!Array.isArray(value)) throw new ConfigError(field, `must be an array of numbers, got ${shown(value)}`);
  if (value.length !== length) throw new ConfigError(field, `must have ${length} entries, got ${value.length}`);
  return Float64Array.from(value, (v: unknown, j: number) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ConfigError(`${field}[${j}]`, { code: 'finite', got: shown(v) });
    return v;
  });
}

/**
 * The longest model or batch file read, in characters: checked before parsing, so a huge file
 * is refused at once. 64 million characters hold about 2.9 million numbers as JSON, more than
 * a 784-1024-1024-10 network's 1.9 million parameters.
 */
export const MAX_JSON_FILE_CHARS = 64_000_000;

/**
 * The JSON object a file's text holds; a ConfigError on `field` when it is not one. A leading
 * UTF-8 byte order mark is skipped, as a browser's File.text() does, so the CLI and the lab
 * read the same files alike.
 */
export function parseJsonObject(text: string, field: string): Record<string, unknown> {
  if (typeof text !== 'string') throw new ConfigError(field, `must be the file's text, got ${shown(text)}`);
  if (text.length > MAX_JSON_FILE_CHARS) {
    throw new ConfigError(field, `the file has ${text.length.toLocaleString('en')} characters, more than the ${MAX_JSON_FILE_CHARS.toLocaleString('en')} read`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new ConfigError(field, { code: 'invalid-json', detail: (e as Error).message });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ConfigError(field, `must be a JSON object, got ${shown(json)}`);
  return json as Record<string, unknown>;
}

/** Parses and checks a model file's text; throws ConfigError naming the field at fault. */
export function parseModelFile(text: string): ModelFile {
  const o = parseJsonObject(text, 'model');
  if (o['format'] !== MODEL_FORMAT) {
    throw new ConfigError('format', { code: 'must-equal', expected: MODEL_FORMAT, got: shown(o['format']) });
  }
  const spec = validateNetworkSpec({ layers: o['layers'], loss: o['loss'] }, 'model');
  const regularization = o['regularization'] === undefined ? { kind: 'none' as const, lambda: 0 } : validateRegularization(o['regularization']);
  const params = o['params'];
  const L = depth(spec);
  if (!Array.isArray(params)) throw new ConfigError('params', `must be an array with one {W, b} per weight layer, got ${shown(params)}`);
  if (params.length !== L) throw new ConfigError('params', `must have ${L} entries (one per weight layer), got ${params.length}`);
  const parsed: LayerParams[] = params.map((p: unknown, i: number) => {
    if (typeof p !== 'object' || p === null || Array.isArray(p)) throw new ConfigError(`params[${i}]`, `must be an object {W, b}, got ${shown(p)}`);
    const po = p as Record<string, unknown>;
    const nIn = spec.layers[i]!.units;
    const nOut = spec.layers[i + 1]!.units;
    return { W: matrixFromJson(`params[${i}].W`, po['W'], nIn, nOut), b: vectorFromJson(`params[${i}].b`, po['b'], nOut) };
  });
  checkParamShapes(spec, parsed);
  return { network: { spec, params: parsed }, regularization };
}
