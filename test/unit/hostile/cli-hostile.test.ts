/** The command line under hostile input: strict, bounded flags and one short line, never a stack trace. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { MODEL_FORMAT } from '../../../src/data/model-file.ts';
import { findPreset } from '../../../src/presets/catalog.ts';

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'bpl-hostile-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const model = {
  format: MODEL_FORMAT,
  layers: [{ units: 2 }, { units: 2, activation: 'sigmoid' }, { units: 2, activation: 'sigmoid' }],
  loss: 'squared-error-half',
  params: [
    { W: [[0.15, 0.25], [0.2, 0.3]], b: [0.35, 0.35] },
    { W: [[0.4, 0.5], [0.45, 0.55]], b: [0.6, 0.6] },
  ],
};
const batch = file('batch.json', JSON.stringify({ x: [[0.05, 0.1]], t: [[0.01, 0.99]] }));
const nested = (depth: number) => '['.repeat(depth) + '1' + ']'.repeat(depth);

describe('cli flags are strict and bounded', () => {
  it.each([
    [['--epochs', '0'], /--epochs must be greater than 0, got 0/],
    [['--epochs', '1e300'], /--epochs must be at most 100000000, got 1e300/],
    [['--iters', '1e300'], /--iters must be at most 100000000, got 1e300/],
    [['--iters', '2.5'], /--iters must be a whole number, got 2.5/],
    [['--iters', '0x10'], /--iters must be a number in decimal notation, got "0x10"/],
    [['--seed', '1e300'], /--seed must be at most 4294967295, got 1e300/],
    [['--seed', '-1'], /--seed must be at least 0, got -1/],
    [['--seed', 'Infinity'], /--seed must be a number in decimal notation/],
  ])('train --preset planar-2-4-1 %j', (flags, message) => {
    const { code, err } = run('train', '--preset', 'planar-2-4-1', ...flags);
    expect(code).toBe(2);
    expect(err).toEqual([expect.stringMatching(message)]);
  });
});

it('refuses --epochs that would make more steps than a run takes, before training', () => {
  // spiral-deep-tanh: 250 training points in batches of 10, 25 steps an epoch.
  const { code, err } = run('train', '--preset', 'spiral-deep-tanh', '--epochs', '5000000');
  expect(code).toBe(2);
  expect(err).toEqual(['error: --epochs 5000000 makes 125,000,000 steps (25 an epoch), more than the 100,000,000 a run takes']);
});

describe('cli files: the same reading as the browser, short messages', () => {
  it('reads a model file with a UTF-8 byte order mark, as the browser does', () => {
    const withBom = file('bom.json', `\uFEFF${JSON.stringify(model)}`);
    const { code, out } = run('trace', '--model', withBom, '--batch', batch);
    expect(code).toBe(0);
    expect(JSON.parse(out[0]!).format).toBe('backprop-lab/trace@1');
  });

  it.each([
    ['W', JSON.stringify(model).replace('[[0.15,0.25],[0.2,0.3]]', `[[${nested(100_000)},0.25],[0.2,0.3]]`), /^error: params\[0\]\.W\[0\]\[0\]: must be a finite number, got an array of 1 entry$/],
    ['b', JSON.stringify(model).replace('[0.35,0.35]', `[${nested(100_000)},0.35]`), /^error: params\[0\]\.b\[0\]: must be a finite number, got an array of 1 entry$/],
    ['format', JSON.stringify({ ...model, format: 'F' }).replace('"F"', nested(100_000)), /^error: format: must be "backprop-lab\/model@1", got an array of 1 entry$/],
  ])('refuses a model whose %s is nested 10⁵ deep in one short line', (_, text, message) => {
    const { code, err } = run('trace', '--model', file('deep.json', text), '--batch', batch);
    expect(code).toBe(2);
    expect(err).toEqual([expect.stringMatching(message)]);
  });

  it('refuses a batch whose x or t is nested deep, and reports t: [0, "3"] at t[1]', () => {
    const deepX = run('trace', '--model', file('m.json', JSON.stringify(model)), '--batch', file('dx.json', `{"x":[[${nested(100_000)},1]],"t":[0]}`));
    expect(deepX.err).toEqual(['error: x[0][0]: must be a finite number, got an array of 1 entry']);
    const deepT = run('trace', '--model', file('m.json', JSON.stringify(model)), '--batch', file('dt.json', `{"x":[[1,1]],"t":[${nested(100_000)}]}`));
    expect(deepT.err).toEqual(['error: t[0]: must have 2 entries, got 1']);
    const mixed = run('trace', '--model', file('m.json', JSON.stringify(model)), '--batch', file('mixed.json', '{"x":[[1,1],[0,0]],"t":[0,"3"]}'));
    expect(mixed.err).toEqual(['error: t[1]: must be a class index from 0 to 1, got "3"']);
  });

  it('refuses a config that cannot be built before training, naming the data, and a deep published figure', () => {
    const mnist = findPreset('mnist-two-layer-relu')!;
    const five = { ...mnist, network: { ...mnist.network, layers: [{ units: 784 }, { units: 50, activation: 'relu' }, { units: 5, activation: 'identity' }] } };
    const r1 = run('train', '--config', file('five.json', JSON.stringify(five)));
    expect(r1.code).toBe(2);
    expect(r1.err).toEqual(['error: config.network.layers[2].units: the MNIST data has 10 classes, so the output layer needs at least 10 units, got 5']);
    const deep = `${JSON.stringify(findPreset('planar-2-4-1')!).slice(0, -1)},"published":${nested(100_000)}}`;
    const r2 = run('train', '--config', file('deep-published.json', deep));
    expect(r2.err).toEqual(['error: config.published: must be an object, got an array of 1 entry']);
  });
});
