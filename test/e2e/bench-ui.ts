/**
 * `npm run bench:ui`: the lab in headless Chromium training the 784-50-10 MNIST net at full
 * speed with snapshots streaming. Prints examples/s in the worker and its ratio to the Node
 * core on the same step (measured in this same run), snapshots/s reaching the store, and the
 * main thread's longest task, worst lateness of a 20 ms timer and 95th-percentile frame time.
 * Figures, never assertions (the browser tests check only what does not depend on speed).
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { preview } from 'vite';
import { Trainer } from '../../src/core/trainer.ts';
import { fromPool, prepare, sgd, timeSteps, WORKLOADS } from '../../src/cli/bench-workloads.ts';
import { findPreset } from '../../src/presets/catalog.ts';
import { launch, MAIN_THREAD_PROBE, READ_AND_RESET_PROBE, type ProbeReading } from './browser.ts';

const SECONDS = Number(process.argv.find((a) => a.startsWith('--seconds='))?.split('=')[1] ?? 10);
const log = (m: string) => process.stderr.write(`${m}\n`);

function nodeExamplesPerSecond(): number {
  const workload = WORKLOADS.find((w) => w.name.startsWith('784-50-10'))!;
  const prepared = prepare(workload, 1);
  const trainer = new Trainer(prepared.network, sgd(workload.learningRate));
  timeSteps(trainer, fromPool(prepared.pool), 1);
  const t = timeSteps(trainer, fromPool(prepared.pool), 3);
  return (t.steps * workload.batchSize) / t.seconds;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : NaN;
}

async function main() {
  log('building the site…');
  const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  execFileSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const server = await preview({ base: '/backprop-lab/', preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('vite preview did not start');
  const context = await launch();
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: MAIN_THREAD_PROBE });
    await page.goto(`http://127.0.0.1:${address.port}/backprop-lab/?debug`);
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
    log(`loaded in ${loadSeconds.toFixed(1)} s; training for ${SECONDS} s…`);
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(2000); // warm up
    const read = () =>
      page.evaluate<{ t: number; steps: number; snapshots: number }>(
        '({ t: performance.now(), steps: window.backpropLab.history.getState().loss.count, snapshots: window.backpropLab.run.getState().snapshotCount })',
      );
    await page.evaluate(READ_AND_RESET_PROBE);
    const a = await read();
    await page.waitForTimeout(SECONDS * 1000);
    const b = await read();
    const window_ = await page.evaluate<ProbeReading>(READ_AND_RESET_PROBE);
    await page.getByRole('button', { name: 'Pause' }).click();
    const seconds = (b.t - a.t) / 1000;
    const workerRate = ((b.steps - a.steps) * 100) / seconds;
    log('measuring the same step in Node…');
    const nodeRate = nodeExamplesPerSecond();
    const rows = [
      ['MNIST load + parse in the worker', `${loadSeconds.toFixed(1)} s`, ''],
      ['examples/s in the worker (784-50-10, batch 100)', Math.round(workerRate).toLocaleString('en'), ''],
      ['examples/s in Node, same step, same run', Math.round(nodeRate).toLocaleString('en'), ''],
      ['worker / Node', `${(workerRate / nodeRate).toFixed(2)}×`, 'target ≥ 0.8'],
      ['snapshots/s reaching the store', ((b.snapshots - a.snapshots) / seconds).toFixed(1), 'target ≥ 20'],
      ['longest main-thread task', window_.longTasks.length ? `${Math.max(...window_.longTasks).toFixed(0)} ms` : 'none over 50 ms', 'target: none over 50 ms'],
      ['95th-percentile frame time', `${percentile(window_.frames, 0.95).toFixed(1)} ms`, 'target ≤ 20 ms'],
      ['worst lateness of a 20 ms timer on the main thread', `${window_.worstDelay.toFixed(0)} ms`, ''],
    ];
    const width = Math.max(...rows.map((r) => r[0]!.length));
    console.log(`UI benchmark, headless Chromium, ${seconds.toFixed(1)} s window\n`);
    for (const [k, v, note] of rows) console.log(`${k!.padEnd(width)}  ${v!.padStart(16)}  ${note}`);
  } finally {
    await context.close();
    server.httpServer.close();
  }
}

await main();
