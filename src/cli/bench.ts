/**
 * `npm run bench [-- --seconds S] [-- --json]`: training-step speed of the lab's core against
 * NumPy on the same machine in the same run. Figures are printed, never asserted.
 *
 * For each workload (bench-workloads.ts) a pool of batches is drawn before timing; the lab
 * warms up, then steps through the pool for S seconds of wall time. Each lab measurement runs
 * in a process of its own (this script, with --child), so that one workload's code cannot
 * de-optimise another's: V8 compiles shared functions for the shapes it has seen. Then
 * bench_numpy.py is spawned once, with the pools and initial weights as raw float64 files,
 * and does the same. As a guard, both take one step from the same weights on the same batch
 * and the largest difference between the resulting weights is printed. The lab is timed
 * twice: as it runs (large products in WebAssembly SIMD) and without WebAssembly. On data kept
 * as bytes (MNIST) it is also timed drawing each batch as the lab does, straight into the
 * trainer's memory and, for comparison, into a buffer of its own that the step copies in.
 */

/** How the lab's batches come: from the pool drawn beforehand, or drawn for each step (see drawnLikeTheLab). */
type Draw = 'pool' | 'straight' | 'copied';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { useWasmKernels, wasmKernels } from '../core/wasm/kernel.ts';
import { Trainer } from '../core/trainer.ts';
import { isBytes } from '../data/features.ts';
import { drawnLikeTheLab, fromPool, prepare, sgd, timeSteps, weightsAfterOneStep, WORKLOADS, writeInputs, type Prepared, type Timing } from './bench-workloads.ts';

/** One step's weights may differ from NumPy's by rounding only; more than this is flagged. */
const GUARD_TOLERANCE = 1e-9;
const SEED = 20240601;

interface Measurement {
  readonly examplesPerS: number;
  readonly msPerStep: number;
  /** CPU time per step: steadier than wall time when other work shares the cores. */
  readonly cpuMsPerStep: number;
}

interface NumpyMeasurement extends Measurement {
  readonly pageFaultsPerStep: number;
  /** Largest |w_lab − w_numpy| after one step from the same weights on the same batch. */
  readonly maxAbsDiff: number;
}

/** NumPy's figures per workload key, or why there are none. */
type NumpyOutcome = { ok: true; versions: string; byKey: Map<string, NumpyMeasurement> } | { ok: false; reason: string };

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

function measurement(timing: Timing, batchSize: number): Measurement {
  return {
    examplesPerS: (timing.steps * batchSize) / timing.seconds,
    msPerStep: (1000 * timing.seconds) / timing.steps,
    cpuMsPerStep: (1000 * timing.cpuSeconds) / timing.steps,
  };
}

/** The lab's speed on one workload, with the WebAssembly kernels on or off, in this process. */
function benchLabHere(p: Prepared, seconds: number, warmup: number, wasm: boolean, draw: Draw): Measurement {
  useWasmKernels(wasm);
  try {
    const trainer = new Trainer(p.network, sgd(p.workload.learningRate));
    const batchAt = draw === 'pool' ? fromPool(p.pool) : drawnLikeTheLab(p, trainer, draw === 'straight');
    timeSteps(trainer, batchAt, warmup);
    return measurement(timeSteps(trainer, batchAt, seconds), p.workload.batchSize);
  } finally {
    useWasmKernels(true);
  }
}

/** The same, in a fresh process running this script with --child. */
function benchLab(p: Prepared, seconds: number, wasm: boolean, draw: Draw = 'pool'): Measurement {
  const how = draw === 'pool' ? '' : ` (drawn for each step, ${draw})`;
  progress(`backprop-lab${wasm ? '' : ' (no WebAssembly)'}${how}: ${p.workload.name} ...`);
  const script = fileURLToPath(import.meta.url);
  const args = [...process.execArgv, script, '--child', p.workload.key, '--seconds', String(seconds), '--draw', draw, ...(wasm ? [] : ['--no-wasm'])];
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (run.error || run.status !== 0) throw new Error(`the lab's run of ${p.workload.key} failed (${run.error?.message ?? `exit ${run.status}`})`);
  return JSON.parse(run.stdout) as Measurement;
}

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return Infinity;
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

function readFloat64(path: string): Float64Array {
  const bytes = readFileSync(path);
  return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
}

/**
 * The environment without OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE: where they are set they
 * hold OpenBLAS to an older core's kernels or a smaller cache than this machine has, and
 * NumPy gets its best, so they go.
 */
function withoutCpuOverrides(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { OPENBLAS_CORETYPE: _coretype, OPENBLAS_L2_SIZE: _l2, ...rest } = env;
  return rest;
}

/** Runs bench_numpy.py once over every workload, in a temp dir it is handed the inputs in. */
function benchNumpy(prepared: readonly Prepared[], seconds: number, warmup: number): NumpyOutcome {
  const dir = mkdtempSync(join(tmpdir(), 'backprop-bench-'));
  try {
    const manifest = writeInputs(dir, prepared, seconds, warmup);
    const script = fileURLToPath(new URL('./bench_numpy.py', import.meta.url));
    const run = spawnSync('python3', [script, manifest], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      env: {
        ...withoutCpuOverrides(process.env),
        OPENBLAS_NUM_THREADS: '1',
        OMP_NUM_THREADS: '1',
        MKL_NUM_THREADS: '1',
        // glibc's default thresholds return NumPy's temporaries to the OS, so every step
        // faults in fresh pages; these keep them in the heap (NumPy's best case).
        GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=4294967296',
      },
    });
    const missing = (run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
    if (missing) return { ok: false, reason: 'python3 was not found' };
    if (run.status === 3) return { ok: false, reason: 'numpy is not installed for python3' };
    if (run.error || run.status !== 0) throw new Error(`bench_numpy.py failed (${run.error?.message ?? `exit ${run.status}`})`);
    const [head, ...lines] = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const byKey = new Map<string, NumpyMeasurement>();
    for (const line of lines) {
      const p = prepared.find((q) => q.workload.key === line['key'])!;
      const after = readFloat64(join(dir, `${p.workload.key}-after-one-step.f64`));
      byKey.set(p.workload.key, {
        examplesPerS: line['examples_per_s'] as number,
        msPerStep: line['ms_per_step'] as number,
        cpuMsPerStep: line['cpu_ms_per_step'] as number,
        pageFaultsPerStep: line['page_faults_per_step'] as number,
        maxAbsDiff: maxAbsDiff(weightsAfterOneStep(p), after),
      });
    }
    return { ok: true, versions: `Python ${String(head?.['python'])}, NumPy ${String(head?.['numpy'])}`, byKey };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmtRate = (x: number) => Math.round(x).toLocaleString('en-US');
const fmtMs = (x: number) => x.toPrecision(3);

/** A Markdown table padded to its widest cells; the first column left-aligned, the rest right-aligned. */
function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: readonly string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ');
  const rule = widths.map((w, c) => (c === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ');
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}

function printTable(prepared: readonly Prepared[], lab: readonly Measurement[], labTs: readonly Measurement[], numpy: NumpyOutcome, seconds: number): void {
  const header = [
    'workload',
    'lab examples/s',
    'NumPy examples/s',
    'ratio lab/NumPy',
    'ratio by CPU time',
    'lab ms/step',
    'lab no-wasm ms/step',
    'NumPy ms/step',
    'NumPy page faults/step',
    '1-step max abs diff',
  ];
  const rows = prepared.map(({ workload }, i) => {
    const l = lab[i]!;
    const ts = fmtMs(labTs[i]!.msPerStep);
    const n = numpy.ok ? numpy.byKey.get(workload.key) : undefined;
    if (n === undefined) return [workload.name, fmtRate(l.examplesPerS), '–', '–', '–', fmtMs(l.msPerStep), ts, '–', '–', '–'];
    const warn = n.maxAbsDiff > GUARD_TOLERANCE ? ' ⚠ MISMATCH' : '';
    return [
      workload.name,
      fmtRate(l.examplesPerS),
      fmtRate(n.examplesPerS),
      `${(l.examplesPerS / n.examplesPerS).toFixed(2)}×`,
      `${(n.cpuMsPerStep / l.cpuMsPerStep).toFixed(2)}×`,
      fmtMs(l.msPerStep),
      ts,
      fmtMs(n.msPerStep),
      n.pageFaultsPerStep.toFixed(2),
      n.maxAbsDiff.toExponential(1) + warn,
    ];
  });
  const kernels = wasmKernels() === null ? 'TypeScript only: WebAssembly SIMD is not available here' : 'loops over large arrays in WebAssembly SIMD';
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version}; lab: ${kernels}`;
  const versions = numpy.ok ? `; ${numpy.versions} (1 BLAS thread)` : '';
  console.log(`Training-step speed, float64, ${seconds} s per workload per implementation, each lab run in a process of its own\n${machine}${versions}\n`);
  console.log(table([header, ...rows]));
  if (numpy.ok) {
    console.log('\nratio > 1: the lab is faster. Ratio by CPU time: NumPy\'s CPU time per step over the lab\'s, which other work on the machine disturbs less.');
    console.log('1-step max abs diff: largest |w_lab − w_NumPy| after one step from the same weights on the same batch.');
  }
  else console.log(`\nNumPy was not measured: ${numpy.reason}.`);
}

function printJson(prepared: readonly Prepared[], lab: readonly Measurement[], labTs: readonly Measurement[], numpy: NumpyOutcome): void {
  prepared.forEach(({ workload }, i) => {
    const l = lab[i]!;
    const ts = labTs[i]!;
    console.log(JSON.stringify({ workload: workload.name, impl: 'backprop-lab', examples_per_s: l.examplesPerS, ms_per_step: l.msPerStep, cpu_ms_per_step: l.cpuMsPerStep }));
    console.log(JSON.stringify({ workload: workload.name, impl: 'backprop-lab-no-wasm', examples_per_s: ts.examplesPerS, ms_per_step: ts.msPerStep, cpu_ms_per_step: ts.cpuMsPerStep }));
    const n = numpy.ok ? numpy.byKey.get(workload.key) : undefined;
    if (n === undefined) return;
    console.log(
      JSON.stringify({
        workload: workload.name,
        impl: 'numpy',
        examples_per_s: n.examplesPerS,
        ms_per_step: n.msPerStep,
        cpu_ms_per_step: n.cpuMsPerStep,
        page_faults_per_step: n.pageFaultsPerStep,
        max_abs_diff_one_step: n.maxAbsDiff,
      }),
    );
  });
  if (!numpy.ok) progress(`NumPy was not measured: ${numpy.reason}.`);
}

function parseOptions(): { seconds: number; json: boolean; child: string | undefined; wasm: boolean; draw: Draw } {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '2' },
      json: { type: 'boolean', default: false },
      child: { type: 'string' },
      'no-wasm': { type: 'boolean', default: false },
      draw: { type: 'string', default: 'pool' },
    },
  });
  const seconds = Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new RangeError(`--seconds must be a number > 0, got ${values.seconds}`);
  const draw = values.draw as Draw;
  if (!['pool', 'straight', 'copied'].includes(draw)) throw new RangeError(`--draw must be pool, straight or copied, got ${values.draw}`);
  return { seconds, json: values.json, child: values.child, wasm: !values['no-wasm'], draw };
}

/** The lab drawing its batches as it does in the app, both ways, on each workload whose data is bytes. */
function benchDrawn(prepared: readonly Prepared[], seconds: number, json: boolean): void {
  const rows = prepared
    .filter((p) => isBytes(p.data.x))
    .map((p) => ({ name: p.workload.name, straight: benchLab(p, seconds, true, 'straight'), copied: benchLab(p, seconds, true, 'copied') }));
  if (rows.length === 0) return;
  if (json) {
    for (const r of rows) {
      for (const draw of ['straight', 'copied'] as const) {
        const m = r[draw];
        console.log(JSON.stringify({ workload: r.name, impl: `backprop-lab-drawn-${draw}`, examples_per_s: m.examplesPerS, ms_per_step: m.msPerStep, cpu_ms_per_step: m.cpuMsPerStep }));
      }
    }
    return;
  }
  console.log('\nThe lab drawing each batch from the data as it does in the app (gather + step), CPU ms/step:');
  const header = ['workload', 'bytes written straight into the trainer\'s memory', 'into a buffer of its own, copied in by the step'];
  console.log(table([header, ...rows.map((r) => [r.name, fmtMs(r.straight.cpuMsPerStep), fmtMs(r.copied.cpuMsPerStep)])]));
}

/** Enough for V8 to optimise the step's functions. */
const warmupFor = (seconds: number) => Math.max(0.5, seconds / 4);

function main(): void {
  const { seconds, json, child, wasm, draw } = parseOptions();
  const warmup = warmupFor(seconds);
  if (child !== undefined) {
    const workload = WORKLOADS.find((w) => w.key === child);
    if (!workload) throw new Error(`no workload ${child}`);
    console.log(JSON.stringify(benchLabHere(prepare(workload, SEED), seconds, warmup, wasm, draw)));
    return;
  }
  progress('preparing workloads (networks, batch pools) ...');
  const prepared = WORKLOADS.map((w) => prepare(w, SEED));
  const lab = prepared.map((p) => benchLab(p, seconds, true));
  const labTs = prepared.map((p) => benchLab(p, seconds, false));
  const numpy = benchNumpy(prepared, seconds, warmup);
  if (json) printJson(prepared, lab, labTs, numpy);
  else printTable(prepared, lab, labTs, numpy, seconds);
  benchDrawn(prepared, seconds, json);
}

try {
  main();
} catch (err) {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
