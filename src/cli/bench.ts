/**
 * `npm run bench [-- --seconds S] [-- --rounds R] [-- --json]`: training-step speed of the
 * lab's core against NumPy on the same machine in the same run. Figures are printed, never
 * asserted.
 *
 * For each workload (bench-workloads.ts) a pool of batches is drawn before timing. Every
 * implementation is a process that stays up: the lab as it runs (large products in
 * WebAssembly SIMD), the lab without WebAssembly, and, on data kept as bytes (MNIST), the lab
 * drawing each batch as the app does, straight into the trainer's memory or into a buffer of
 * its own; and bench_numpy.py. Each lab variant has a process of its own, so that one's code
 * cannot de-optimise another's (V8 compiles shared functions for the shapes it has seen).
 * They take turns, R rounds of S/R seconds each (bench-rounds.ts), and ratios are taken round
 * by round. As a guard, both sides take one step from the same weights on the same batch and
 * the largest difference between the resulting weights is printed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { wasmKernels } from '../core/wasm/kernel.ts';
import { isBytes } from '../data/features.ts';
import { Contestant, cpuMsPerStep, formatRatio, interleave, median, ratioByRound, wallMsPerStep, type RoundTiming, type Rounds, type Timed } from './bench-rounds.ts';
import { LAB_VARIANTS, labContestant, labVariant, serveLab, THE_LAB, type Draw } from './bench-lab.ts';
import { prepare, weightsAfterOneStep, WORKLOADS, writeInputs, type Prepared } from './bench-workloads.ts';

/** One step's weights may differ from NumPy's by rounding only; more than this is flagged. */
const GUARD_TOLERANCE = 1e-9;
const SEED = 20240601;

const NUMPY = 'numpy';

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
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

const NUMPY_ENV: NodeJS.ProcessEnv = {
  ...withoutCpuOverrides(process.env),
  OPENBLAS_NUM_THREADS: '1',
  OMP_NUM_THREADS: '1',
  MKL_NUM_THREADS: '1',
  // glibc's default thresholds return NumPy's temporaries to the OS, so every step faults in
  // fresh pages; these keep them in the heap (NumPy's best case).
  GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=4294967296',
};

/** Python's and NumPy's versions, or why NumPy cannot be measured here. */
function numpyVersions(): { ok: true; versions: string } | { ok: false; reason: string } {
  const run = spawnSync('python3', ['-c', 'import platform, numpy; print(platform.python_version(), numpy.__version__)'], { encoding: 'utf8', env: NUMPY_ENV });
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return { ok: false, reason: 'python3 was not found' };
  if (run.status !== 0) return { ok: false, reason: 'numpy is not installed for python3' };
  const [python, numpy] = run.stdout.trim().split(' ');
  return { ok: true, versions: `Python ${python}, NumPy ${numpy}` };
}

/** bench_numpy.py, serving every workload from one process; `forWorkload` picks which one a run steps. */
function numpyServer(dir: string, prepared: readonly Prepared[]): { server: Contestant; forWorkload: (key: string) => Timed } {
  const manifest = writeInputs(dir, prepared);
  const script = fileURLToPath(new URL('./bench_numpy.py', import.meta.url));
  const server = new Contestant(NUMPY, 'python3', [script, manifest], { env: NUMPY_ENV });
  return { server, forWorkload: (key) => ({ name: NUMPY, run: (seconds) => server.run(seconds, { key }) }) };
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

/** One workload's rounds: timings by implementation. */
interface WorkloadRounds {
  readonly prepared: Prepared;
  readonly byImpl: ReadonlyMap<string, readonly RoundTiming[]>;
  /** Largest |w_lab − w_NumPy| after one step, when NumPy ran. */
  readonly maxAbsDiff: number | null;
}

async function benchWorkload(p: Prepared, numpy: ((key: string) => Timed) | null, dir: string, rounds: number, seconds: number, warmup: number): Promise<WorkloadRounds> {
  const labs = LAB_VARIANTS.filter((v) => !v.bytesOnly || isBytes(p.data.x)).map((v) => labContestant(p.workload.key, v));
  const contestants: Timed[] = numpy ? [...labs, numpy(p.workload.key)] : labs;
  progress(`${p.workload.name}: ${contestants.map((c) => c.name).join(', ')} taking turns, ${rounds} rounds ...`);
  try {
    const timings: Rounds = await interleave(contestants, rounds, seconds / rounds, warmup);
    const byImpl = new Map(contestants.map((c, i) => [c.name, timings[i]!]));
    // bench_numpy.py wrote every workload's one-step weights before it answered its first run.
    const diff = numpy ? maxAbsDiff(weightsAfterOneStep(p), readFloat64(join(dir, `${p.workload.key}-after-one-step.f64`))) : null;
    return { prepared: p, byImpl, maxAbsDiff: diff };
  } finally {
    await Promise.all(labs.map((c) => c.close()));
  }
}

const fmtRate = (x: number) => Math.round(x).toLocaleString('en-US');
/** Milliseconds per step shown in µs, 3 significant digits. */
const fmtUs = (ms: number) => (1000 * ms).toPrecision(3);

/** A Markdown table padded to its widest cells; the first column left-aligned, the rest right-aligned. */
function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: readonly string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ');
  const rule = widths.map((w, c) => (c === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ');
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}

/** The median over rounds of CPU (or wall) milliseconds per step. */
const medianMs = (ts: readonly RoundTiming[], perStep = cpuMsPerStep) => median(ts.map(perStep));
const examplesPerS = (ts: readonly RoundTiming[], batchSize: number) =>
  (ts.reduce((n, t) => n + t.steps, 0) * batchSize) / ts.reduce((s, t) => s + t.seconds, 0);

function printTables(results: readonly WorkloadRounds[], versions: string | null, rounds: number, seconds: number): void {
  const kernels = wasmKernels() === null ? 'TypeScript only: WebAssembly SIMD is not available here' : 'loops over large arrays in WebAssembly SIMD';
  console.log(`Training-step speed, float64: ${rounds} rounds of ${(seconds / rounds).toFixed(2)} s per implementation per workload, the implementations taking turns`);
  console.log(`${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version}; lab: ${kernels}${versions ? `; ${versions} (1 BLAS thread)` : ''}\n`);
  const header = ['workload', 'lab CPU µs/step', 'NumPy CPU µs/step', 'lab/NumPy by CPU time', 'by wall time', 'lab no-wasm CPU µs/step', 'lab examples/s', 'NumPy page faults/step', '1-step max abs diff'];
  const rows = results.map(({ prepared, byImpl, maxAbsDiff: diff }) => {
    const lab = byImpl.get(THE_LAB.impl)!;
    const noWasm = fmtUs(medianMs(byImpl.get(labVariant('pool', false).impl)!));
    const rate = fmtRate(examplesPerS(lab, prepared.workload.batchSize));
    const numpy = byImpl.get(NUMPY);
    if (numpy === undefined || diff === null) return [prepared.workload.name, fmtUs(medianMs(lab)), '–', '–', '–', noWasm, rate, '–', '–'];
    const faults = numpy.reduce((n, t) => n + (t.extra?.['page_faults'] ?? 0), 0) / numpy.reduce((n, t) => n + t.steps, 0);
    return [
      prepared.workload.name,
      fmtUs(medianMs(lab)),
      fmtUs(medianMs(numpy)),
      formatRatio(ratioByRound(lab, numpy, cpuMsPerStep)),
      `${ratioByRound(lab, numpy, wallMsPerStep).median.toFixed(2)}×`,
      noWasm,
      rate,
      faults.toFixed(2),
      diff.toExponential(1) + (diff > GUARD_TOLERANCE ? ' ⚠ MISMATCH' : ''),
    ];
  });
  console.log(table([header, ...rows]));
  if (versions) {
    console.log('\nµs/step: medians over the rounds. lab/NumPy: NumPy\'s time per step over the lab\'s in the same round (> 1: the lab is faster), median and range over the rounds.');
    console.log('1-step max abs diff: largest |w_lab − w_NumPy| after one step from the same weights on the same batch.');
  } else console.log('\nNumPy was not measured.');
  const drawn = results.filter((r) => r.byImpl.has(labVariant('straight').impl));
  if (drawn.length === 0) return;
  console.log('\nThe lab drawing each batch at random from the whole data set as it does in the app (draw + gather + step), CPU µs/step, in the same rounds:');
  const drawnHeader = ['workload', 'pool drawn beforehand', 'bytes written straight into the trainer\'s memory', 'into a buffer of its own, copied in by the step', 'pool / straight'];
  console.log(
    table([
      drawnHeader,
      ...drawn.map(({ prepared, byImpl }) => {
        const [pool, straight, copied] = (['pool', 'straight', 'copied'] as const).map((d) => byImpl.get(labVariant(d).impl)!);
        return [prepared.workload.name, fmtUs(medianMs(pool!)), fmtUs(medianMs(straight!)), fmtUs(medianMs(copied!)), formatRatio(ratioByRound(straight!, pool!, cpuMsPerStep))];
      }),
    ]),
  );
}

function printJson(results: readonly WorkloadRounds[]): void {
  for (const { prepared, byImpl, maxAbsDiff: diff } of results) {
    const lab = byImpl.get(THE_LAB.impl)!;
    for (const [impl, ts] of byImpl) {
      const line: Record<string, unknown> = {
        workload: prepared.workload.name,
        impl,
        examples_per_s: examplesPerS(ts, prepared.workload.batchSize),
        ms_per_step: medianMs(ts, wallMsPerStep),
        cpu_ms_per_step: medianMs(ts),
        cpu_ms_per_step_by_round: ts.map(cpuMsPerStep),
      };
      if (impl === NUMPY) {
        const ratio = ratioByRound(lab, ts, cpuMsPerStep);
        Object.assign(line, { max_abs_diff_one_step: diff, lab_over_numpy_cpu: ratio.median, lab_over_numpy_cpu_min: ratio.min, lab_over_numpy_cpu_max: ratio.max });
      }
      console.log(JSON.stringify(line));
    }
  }
}

interface Options {
  readonly seconds: number;
  readonly rounds: number;
  readonly json: boolean;
  readonly serve: string | undefined;
  readonly wasm: boolean;
  readonly draw: Draw;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '10' },
      json: { type: 'boolean', default: false },
      serve: { type: 'string' },
      'no-wasm': { type: 'boolean', default: false },
      draw: { type: 'string', default: 'pool' },
    },
  });
  const seconds = Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new RangeError(`--seconds must be a number > 0, got ${values.seconds}`);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`--rounds must be a whole number ≥ 1, got ${values.rounds}`);
  const draw = values.draw as Draw;
  if (!['pool', 'straight', 'copied'].includes(draw)) throw new RangeError(`--draw must be pool, straight or copied, got ${values.draw}`);
  return { seconds, rounds, json: values.json, serve: values.serve, wasm: !values['no-wasm'], draw };
}

/** Enough for V8 to optimise the step's functions. */
const warmupFor = (seconds: number) => Math.max(0.5, seconds / 4);

async function main(): Promise<void> {
  const { seconds, rounds, json, serve, wasm, draw } = parseOptions();
  if (serve !== undefined) return serveLab(serve, draw, wasm, SEED);
  progress('preparing workloads (networks, batch pools) ...');
  const prepared = WORKLOADS.map((w) => prepare(w, SEED));
  const versions = numpyVersions();
  if (!versions.ok) progress(`NumPy will not be measured: ${versions.reason}.`);
  const dir = mkdtempSync(join(tmpdir(), 'backprop-bench-'));
  const numpy = versions.ok ? numpyServer(dir, prepared) : null;
  try {
    const results: WorkloadRounds[] = [];
    for (const p of prepared) results.push(await benchWorkload(p, numpy?.forWorkload ?? null, dir, rounds, seconds, warmupFor(seconds)));
    if (json) printJson(results);
    else printTables(results, versions.ok ? versions.versions : null, rounds, seconds);
  } finally {
    await numpy?.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
