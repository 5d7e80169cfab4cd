/**
 * `npm run bench:ui`: the lab in headless Chromium training the 784-50-10 MNIST net at full
 * speed with snapshots streaming. Prints snapshots/s reaching the store and the main thread's
 * longest task, worst lateness of a 20 ms timer and 95th-percentile frame time over a window
 * of free running; then the worker's examples/s against the Node core's on the same step, the
 * two taking turns (bench-rounds.ts), so that both see the same machine, with the ratio taken
 * round by round. Figures, never assertions (the browser tests check only what does not
 * depend on speed). The Node core takes its turn twice: stepping through batches drawn
 * beforehand (the core alone, as `npm run bench` times it) and drawing each batch at random
 * from all of MNIST as the worker does (the same work). Options: --seconds=S (the window,
 * default 6), --rounds=R (default 8).
 */
import type { Page } from 'playwright-core';
import { formatRatio, interleave, median, ratioByRound, wallMsPerStep, type RoundTiming, type Timed } from '../../src/cli/bench-rounds.ts';
import { labContestant, labVariant, THE_LAB } from '../../src/cli/bench-lab.ts';
import { WORKLOADS } from '../../src/cli/bench-workloads.ts';
import { findPreset } from '../../src/presets/catalog.ts';
import { buildSite, serveSite } from './built-site.ts';
import { launch, MAIN_THREAD_PROBE, READ_AND_RESET_PROBE, type ProbeReading } from './browser.ts';

const option = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SECONDS = option('seconds', 6);
const ROUNDS = option('rounds', 8);
/** Each side's turn in a round. */
const TURN_SECONDS = 1;
const log = (m: string) => process.stderr.write(`${m}\n`);
const WORKLOAD = WORKLOADS.find((w) => w.key === 'mnist-relu')!;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : NaN;
}

interface Reading {
  readonly t: number;
  readonly steps: number;
  readonly snapshots: number;
}

const read = (page: Page) =>
  page.evaluate<Reading>('({ t: performance.now(), steps: window.backpropLab.history.getState().loss.count, snapshots: window.backpropLab.run.getState().snapshotCount })');

/** The worker as a contestant: a turn is Play, a moment to get going, the steps counted over `seconds` of page time, Pause. */
function workerTurns(page: Page): Timed {
  return {
    name: 'worker',
    async run(seconds): Promise<RoundTiming> {
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForTimeout(200);
      const a = await read(page);
      await page.waitForTimeout(seconds * 1000);
      const b = await read(page);
      await page.getByRole('button', { name: 'Pause' }).click();
      return { steps: b.steps - a.steps, seconds: (b.t - a.t) / 1000, cpuSeconds: NaN };
    },
  };
}

async function main() {
  log('building the site…');
  buildSite();
  const site = await serveSite();
  const context = await launch();
  const node = labContestant(WORKLOAD.key, THE_LAB);
  const nodeDrawing = labContestant(WORKLOAD.key, labVariant('straight'));
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: MAIN_THREAD_PROBE });
    await page.goto(`${site.url}?debug`);
    await page.waitForFunction("'backpropLab' in window");
    const preset = findPreset('mnist-two-layer-relu')!;
    // Measure training alone: no whole-set evaluations during the window.
    const config = { ...preset, schedule: { ...preset.schedule, evaluateEvery: 100_000_000, iterations: 100_000_000 } };
    log('loading MNIST in the worker…');
    const loadStart = Date.now();
    await page.evaluate(`window.backpropLab.config.getState().configure(${JSON.stringify(config)})`);
    // Full speed (the lab opens on the flower, at a speed a class can follow).
    await page.evaluate(`window.backpropLab.config.getState().setSpeed({ kind: 'full' })`);
    await page.waitForFunction(
      "(() => { const s = window.backpropLab.run.getState(); return s.info && s.info.name === 'mnist-two-layer-relu' && s.status === 'idle'; })()",
      null,
      { timeout: 300_000 },
    );
    const loadSeconds = (Date.now() - loadStart) / 1000;
    log(`loaded in ${loadSeconds.toFixed(1)} s; the screen over ${SECONDS} s of training…`);
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(2000); // warm up
    await page.evaluate(READ_AND_RESET_PROBE);
    const a = await read(page);
    await page.waitForTimeout(SECONDS * 1000);
    const b = await read(page);
    const screen = await page.evaluate<ProbeReading>(READ_AND_RESET_PROBE);
    await page.getByRole('button', { name: 'Pause' }).click();
    const seconds = (b.t - a.t) / 1000;
    log(`the worker and the Node core taking turns, ${ROUNDS} rounds of ${TURN_SECONDS} s each…`);
    const [worker, core, drawing] = await interleave([workerTurns(page), node, nodeDrawing], ROUNDS, TURN_SECONDS, 1);
    const rate = (ts: readonly RoundTiming[]) => (WORKLOAD.batchSize * 1000) / median(ts.map(wallMsPerStep));
    const ratio = ratioByRound(worker!, core!, wallMsPerStep);
    const likeForLike = ratioByRound(worker!, drawing!, wallMsPerStep);
    const rows = [
      ['MNIST load + parse in the worker', `${loadSeconds.toFixed(1)} s`, ''],
      ['snapshots/s reaching the store', ((b.snapshots - a.snapshots) / seconds).toFixed(1), 'target ≥ 20'],
      ['longest main-thread task', screen.longTasks.length ? `${Math.max(...screen.longTasks).toFixed(0)} ms` : 'none over 50 ms', 'target: none over 50 ms'],
      ['95th-percentile frame time', `${percentile(screen.frames, 0.95).toFixed(1)} ms`, 'target ≤ 20 ms'],
      ['worst lateness of a 20 ms timer on the main thread', `${screen.worstDelay.toFixed(0)} ms`, ''],
      ['examples/s in the worker (784-50-10, batch 100)', Math.round(rate(worker!)).toLocaleString('en'), 'median of the rounds'],
      ['examples/s in Node, batches drawn beforehand', Math.round(rate(core!)).toLocaleString('en'), 'median of the rounds'],
      ['examples/s in Node, drawing as the worker does', Math.round(rate(drawing!)).toLocaleString('en'), 'median of the rounds'],
      ['worker / Node core', formatRatio(ratio), 'median (range) of the rounds; target ≥ 0.8 (#17: ≥ 0.95)'],
      ['worker / Node drawing as the worker does', formatRatio(likeForLike), 'the same work on both sides'],
    ];
    const width = Math.max(...rows.map((r) => r[0]!.length));
    console.log(`UI benchmark, headless Chromium: the screen over a ${seconds.toFixed(1)} s window, then ${ROUNDS} rounds of ${TURN_SECONDS} s turns\n`);
    for (const [k, v, note] of rows) console.log(`${k!.padEnd(width)}  ${v!.padStart(20)}  ${note}`);
  } finally {
    await Promise.all([node.close(), nodeDrawing.close()]);
    await context.close();
    await site.close();
  }
}

await main();
