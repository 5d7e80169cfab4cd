import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

const dir = mkdtempSync(join(tmpdir(), 'bpl-cli-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

// The 2-2-2 sigmoid network of the well-known step-by-step example (see handworked.test.ts).
const mazurModel = file('mazur.json', {
  format: MODEL_FORMAT,
  layers: [{ units: 2 }, { units: 2, activation: 'sigmoid' }, { units: 2, activation: 'sigmoid' }],
  loss: 'squared-error-half',
  regularization: { kind: 'none', lambda: 0 },
  params: [
    { W: [[0.15, 0.25], [0.2, 0.3]], b: [0.35, 0.35] },
    { W: [[0.4, 0.5], [0.45, 0.55]], b: [0.6, 0.6] },
  ],
});
const mazurBatch = file('mazur-batch.json', { x: [[0.05, 0.1]], t: [[0.01, 0.99]] });

describe('cli trace', () => {
  it('prints every layer of one step without changing the model', () => {
    const { code, out } = run('trace', '--model', mazurModel, '--batch', mazurBatch);
    expect(code).toBe(0);
    const trace = JSON.parse(out[0]!);
    expect(trace.format).toBe('backprop-lab/trace@1');
    expect(trace.loss.total).toBeCloseTo(0.298371109, 9);
    expect(trace.layers[0].a[0][0]).toBeCloseTo(0.593269992, 9);
    expect(trace.layers[1].delta[0]).toHaveLength(2);
    expect(trace.layers[0].dW).toHaveLength(2);
    expect(trace.layers[0].updateW).toBeUndefined();
  });

  it('with --apply prints the update and the new weights', () => {
    const { code, out } = run('trace', '--model', mazurModel, '--batch', mazurBatch, '--apply', '--lr', '0.5');
    expect(code).toBe(0);
    const trace = JSON.parse(out[0]!);
    expect(trace.learningRate).toBe(0.5);
    expect(trace.layers[1].W[0][0]).toBeCloseTo(0.35891648, 8); // w5⁺ of the published example
    expect(trace.layers[0].W[0][0]).toBeCloseTo(0.149780716, 9); // w1⁺
    expect(trace.layers[1].updateW[0][0]).toBeCloseTo(0.35891648 - 0.4, 8);
  });
});

describe('cli gradcheck', () => {
  it('reports per-tensor errors that pass', () => {
    const { code, out } = run('gradcheck', '--model', mazurModel, '--batch', mazurBatch);
    expect(code).toBe(0);
    const report = JSON.parse(out[0]!);
    expect(report.tensors.map((t: { name: string }) => t.name)).toEqual(['W1', 'b1', 'W2', 'b2']);
    expect(report.maxRelError).toBeLessThan(1e-7);
    expect(report.tensors[0]).toMatchObject({ size: 4, checked: 4 });
  });
});

describe('cli --bug: a bug-lab mistake, checked outside the browser', () => {
  // The Mazur net with a batch of two, so that the mistakes about 1/m show.
  const batch2 = file('mazur-batch-2.json', { x: [[0.05, 0.1], [0.3, -0.2]], t: [[0.01, 0.99], [0.5, 0.5]] });
  const dW = (trace: { layers: { dW: number[][] }[] }) => trace.layers.map((l) => l.dW[0]![0]!);

  it('trace --bug delta-divided-every-layer: W¹ m times too small, the output layer right (L = 2)', () => {
    const good = JSON.parse(run('trace', '--model', mazurModel, '--batch', batch2).out[0]!);
    const bad = JSON.parse(run('trace', '--model', mazurModel, '--batch', batch2, '--bug', 'delta-divided-every-layer').out[0]!);
    expect(bad.bugs).toEqual(['delta-divided-every-layer']);
    expect(dW(bad)[1]).toBe(dW(good)[1]);
    expect(dW(bad)[0]! / dW(good)[0]!).toBeCloseTo(1 / 2, 14);
  });

  it('gradcheck --bug first-bias-frozen: every tensor passes, the update check names b1', () => {
    const { code, out } = run('gradcheck', '--model', mazurModel, '--batch', batch2, '--bug', 'first-bias-frozen');
    expect(code).toBe(0);
    const report = JSON.parse(out[0]!);
    expect(report.maxRelError).toBeLessThan(1e-7);
    expect(report.updateCheck.notUpdated).toEqual(['b1']);
    const clean = JSON.parse(run('gradcheck', '--model', mazurModel, '--batch', batch2).out[0]!);
    expect(clean.updateCheck.notUpdated).toEqual([]);
  });

  it('gradcheck --bug batch-summed: every tensor fails by the factor m = 2', () => {
    const report = JSON.parse(run('gradcheck', '--model', mazurModel, '--batch', batch2, '--bug', 'batch-summed').out[0]!);
    expect(report.tensors.every((t: { maxRelError: number }) => Math.abs(t.maxRelError - 0.5) < 1e-6)).toBe(true);
  });

  it('refuses an unknown bug, naming the known ones', () => {
    const { code, err } = run('trace', '--model', mazurModel, '--batch', batch2, '--bug', 'off-by-one');
    expect(code).toBe(2);
    expect(err[0]).toMatch(/--bug\[0\]: unknown bug "off-by-one" \(known: delta-divided-every-layer, /);
  });
});

describe('cli export and train', () => {
  it('exports a preset model that trace can read back', () => {
    const out = join(dir, 'planar.json');
    expect(run('export', '--preset', 'planar-2-4-1', '--out', out).code).toBe(0);
    const model = JSON.parse(readFileSync(out, 'utf8'));
    expect(model.format).toBe(MODEL_FORMAT);
    expect(model.params[0].W).toHaveLength(2);
    const batch = file('planar-batch.json', { x: [[0.5, -1], [2, 0.1]], t: [1, 0] });
    expect(run('gradcheck', '--model', out, '--batch', batch).code).toBe(0);
  });

  it('trains a config file, printing JSON lines and a summary', () => {
    const config = file('spiral.json', { ...findPreset('planar-2-4-1')!, schedule: { sampling: 'full-batch', batchSize: 400, iterations: 400, evaluateEvery: 200, evaluateTrain: true } });
    const { code, out } = run('train', '--config', config, '--seed', '3');
    expect(code).toBe(0);
    const lines = out.map((l) => JSON.parse(l));
    expect(lines.map((l) => l.iter)).toEqual([0, 200, 400, undefined]);
    expect(lines[2].loss).toBeLessThan(lines[0].loss);
    expect(lines[3]).toMatchObject({ summary: true, iterations: 400 });
  });

  it('--epochs sets the number of steps from the epoch length', () => {
    const { code, out } = run('train', '--preset', 'spiral-deep-tanh', '--epochs', '2');
    expect(code).toBe(0);
    expect(JSON.parse(out[out.length - 1]!).iterations).toBe(50); // 250 training points / batch 10 = 25 steps per epoch
  });
});

describe('cli train that diverges: one clear line and exit code 3', () => {
  it('names the step, the quantity and the rate, and prints no summary', () => {
    // The noisy-sine ReLU net at η = 10 (the largest rate allowed) overflows within a few steps.
    const preset = findPreset('regression-relu')!;
    const config = file('diverging.json', { ...preset, hyper: { ...preset.hyper, learningRate: 10 } });
    const { code, out, err } = run('train', '--config', config);
    expect(code).toBe(3);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^error: training diverged at step \d+: \w+ (of layer \d )?became NaN or infinite \(during \w+\); lower the learning rate \(now 10\)$/);
    expect(out.map((l) => JSON.parse(l).summary)).not.toContain(true);
  });
});

describe('cli bad input: one clear line and exit code 2', () => {
  it.each([
    [['train'], /exactly one of --preset NAME or --config FILE/],
    [['train', '--preset', 'no-such'], /unknown preset "no-such"/],
    [['train', '--preset', 'planar-2-4-1', '--iters', 'ten'], /--iters must be a number/],
    [['train', '--preset', 'planar-2-4-1', '--speed', '3'], /unknown flag --speed/],
    [['trace', '--model', '/no/such/file.json', '--batch', 'x'], /cannot read model file "\/no\/such\/file.json": ENOENT/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('%j', (argv, message) => {
    const { code, err } = run(...argv);
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^error: /);
    expect(err[0]).toMatch(message);
  });

  it('names the field of a malformed model or batch', () => {
    const badModel = file('bad-model.json', { format: MODEL_FORMAT, layers: [{ units: 2 }, { units: 2, activation: 'sigmoid' }], loss: 'squared-error-half', params: [{ W: [[1, 2]], b: [0, 0] }] });
    const r1 = run('trace', '--model', badModel, '--batch', mazurBatch);
    expect(r1.code).toBe(2);
    expect(r1.err[0]).toMatch(/params\[0\]\.W: must have 2 rows, got 1/);
    const badBatch = file('bad-batch.json', { x: [[1, 2, 3]], t: [[0, 1]] });
    const r2 = run('trace', '--model', mazurModel, '--batch', badBatch);
    expect(r2.err[0]).toMatch(/x\[0\]: must have 2 entries, got 3/);
    const r3 = run('train', '--config', file('broken.json', '{"name":'));
    expect(r3.code).toBe(2);
    expect(r3.err[0]).toMatch(/not valid JSON/);
  });

  it('--apply without --lr is refused', () => {
    const { code, err } = run('trace', '--model', mazurModel, '--batch', mazurBatch, '--apply');
    expect(code).toBe(2);
    expect(err[0]).toMatch(/--apply needs --lr/);
  });
});
