/**
 * The exported programs run under python3 + NumPy and, from the experiment's seed, take the
 * lab's steps: the same loss at every step and the same weights after them, to 1e-10 relative.
 * Both styles, both conventions; a 2-D preset with epoch batches and an MNIST-shaped one read
 * from small IDX files written here (the first 60 of 80 synthetic digits, batches with
 * replacement). The notebook holds the same code, and runs too.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng, uniformInt } from '../../../src/core/rng.ts';
import { mnistFromIdx } from '../../../src/data/mnist.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import type { ExperimentConfig } from '../../../src/presets/config.ts';
import { loadExperimentData, type ExperimentData } from '../../../src/presets/data-source.ts';
import { Experiment } from '../../../src/presets/experiment.ts';
import { notebook, programSections, pythonProgram } from '../../../src/views/code/program/program.ts';
import { pythonMissing } from './run-python.ts';

const missing = pythonMissing();
const STEPS = 12;
const dir = mkdtempSync(join(tmpdir(), 'bpl-program-'));

/** IDX files of 80 random 28×28 digits (70 % zero pixels, like MNIST) and their labels. */
function writeMnist(): void {
  const rng = createRng(4);
  const n = 80;
  const header = (magic: number, dims: number[]) => {
    const b = Buffer.alloc(4 + 4 * dims.length);
    b.writeUInt32BE(magic, 0);
    dims.forEach((d, i) => b.writeUInt32BE(d, 4 + 4 * i));
    return b;
  };
  const pixels = Buffer.from(Array.from({ length: n * 784 }, () => (uniformInt(rng, 10) < 7 ? 0 : uniformInt(rng, 256))));
  const labels = Buffer.from(Array.from({ length: n }, () => uniformInt(rng, 10)));
  for (const part of ['train', 't10k']) {
    writeFileSync(join(dir, `${part}-images-idx3-ubyte`), Buffer.concat([header(0x803, [n, 28, 28]), pixels]));
    writeFileSync(join(dir, `${part}-labels-idx1-ubyte`), Buffer.concat([header(0x801, [n]), labels]));
  }
}

const spiral = findPreset('spiral-deep-tanh')!;
const mnistBase = findPreset('mnist-two-layer-relu')!;
const mnist: ExperimentConfig = {
  ...mnistBase,
  hyper: { ...mnistBase.hyper, optimizer: { kind: 'momentum', momentum: 0.9 }, regularization: { kind: 'l2', lambda: 0.01 } },
  data: { kind: 'mnist', train: { part: 'train', take: 'first', n: 60 }, test: { part: 't10k', take: 'random', n: 20 } },
  schedule: { ...mnistBase.schedule, batchSize: 8, evaluateEvery: 5 },
};

function labData(config: ExperimentConfig): ExperimentData {
  return loadExperimentData(config.data, (part) => {
    const read = (kind: string) => new Uint8Array(readFileSync(join(dir, `${part}-${kind}`)));
    return mnistFromIdx(read('images-idx3-ubyte'), read('labels-idx1-ubyte'), part);
  });
}

function runProgram(file: string, args: string[]): { lines: Record<string, unknown>[]; stderr: string; status: number | null } {
  const run = spawnSync('python3', [file, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = run.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { lines, stderr: run.stderr, status: run.status };
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

describe("exported programs reproduce the lab's run", () => {
  it('python3 with NumPy is there to run them (the test fails, never skips, without it)', () => expect(missing).toBeNull());
  writeMnist();
  const cases = [
    ['spiral-deep-tanh', spiral],
    ['mnist-shaped', mnist],
  ] as const;
  for (const [label, config] of cases) {
    const data = labData(config);
    const lab = new Experiment(config, data);
    const labLoss = Array.from({ length: STEPS }, () => lab.step().loss.total);
    const W = lab.trainer.params.map((p) => p.W);
    const b = lab.trainer.params.map((p) => p.b);
    for (const style of ['layers', 'loop'] as const)
      for (const convention of ['row', 'column'] as const)
        it(`${label}, ${style} style, ${convention} convention: every step's loss and the final weights to 1e-10`, () => {
          const file = join(dir, `${label}-${style}-${convention}.py`);
          writeFileSync(file, pythonProgram(programSections(config, config.data.kind === 'mnist' ? null : data, style, convention)));
          const { lines, stderr, status } = runProgram(file, ['--steps', String(STEPS), '--json', '--mnist', dir]);
          expect(stderr).toBe('');
          expect(status).toBe(0);
          const losses = lines.filter((l) => 'step' in l).map((l) => l['loss'] as number);
          expect(losses).toHaveLength(STEPS);
          losses.forEach((loss, i) => expect(rel(loss, labLoss[i]!)).toBeLessThan(1e-10));
          const final = lines.at(-1) as { W: number[][][]; b: number[][] | number[][][] };
          let worst = 0;
          final.W.forEach((Wl, l) => {
            const rows = convention === 'row' ? Wl : Wl[0]!.map((_, i) => Wl.map((r) => r[i]!)); // back to n_in × n_out
            rows.forEach((r, i) => r.forEach((w, j) => (worst = Math.max(worst, rel(w, W[l]!.data[i * W[l]!.cols + j]!)))));
            (final.b[l] as (number | number[])[]).flat().forEach((v, j) => (worst = Math.max(worst, rel(v as number, b[l]![j]!))));
          });
          if (process.env['SHOW_WORST']) console.log(label, style, convention, 'worst weight rel', worst, 'loss rel', Math.max(...losses.map((x, i) => rel(x, labLoss[i]!))));
          expect(worst).toBeLessThan(1e-10);
          const evaluations = lines.filter((l) => 'iter' in l);
          expect(evaluations.map((l) => l['iter'])).toEqual(config === mnist ? [5, 10, 12] : [12]);
        });
  }

  it('the numerical gradient check of the program passes (2-D, layers, columns) and fails nothing', () => {
    const file = join(dir, 'spiral-gradcheck.py');
    writeFileSync(file, pythonProgram(programSections(spiral, labData(spiral), 'layers', 'column')));
    const run = spawnSync('python3', [file, '--steps', '1', '--gradcheck'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const worst = Number(/worst relative error (\S+)/.exec(run.stdout)![1]);
    expect(worst).toBeLessThan(1e-6);
    expect(run.stdout.match(/^W\d+: mean/gm)).toHaveLength(spiral.network.layers.length - 1);
  });

  it('the notebook is nbformat 4 with the program’s code in its cells, and runs', () => {
    const sections = programSections(spiral, labData(spiral), 'loop', 'row');
    const nb = JSON.parse(notebook(sections, false)) as { nbformat: number; cells: { cell_type: string; source: string[] }[] };
    expect(nb.nbformat).toBe(4);
    const code = nb.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
    expect(code.slice(0, -1)).toEqual(sections.map((s) => s.code));
    expect(code.at(-1)).toBe('main([])');
    const script = join(dir, 'notebook.py');
    writeFileSync(script, [...code.slice(0, -1), 'main(["--steps", "3", "--json"])'].join('\n\n'));
    const { lines, status } = runProgram(script, []);
    expect(status).toBe(0);
    expect(lines.filter((l) => 'step' in l)).toHaveLength(3);
  });
});
