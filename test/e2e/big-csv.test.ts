/**
 * A 20 MB CSV file in real Chromium (issue #13, "large files off the main thread"): the page
 * hands the file to the worker, which reads and parses it in slices with a progress bar on
 * screen, and the experiment trains on it; a broken 20 MB file is refused with its line and
 * column and the running experiment is kept. The page's longest task and the worker's longest
 * silence are printed (figures, not timed tests); the one bound asserted, 500 ms, is ten
 * times the target and only catches parsing on the page again (it took 205 ms and more there).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BIG_CSV_ROWS, bigCsv } from './big-csv-text.ts';
import { launch, MAIN_THREAD_PROBE, READ_AND_RESET_PROBE, SCREENSHOTS, waitUntilIdle, type ProbeReading } from './browser.ts';

let context: BrowserContext;
let page: Page;

const ROWS = BIG_CSV_ROWS;

/** From a file on disk: a buffer would be decoded by Playwright's own script in the page, a long task the lab has nothing to do with. */
function onDisk(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'bpl-big-csv-')), name);
  writeFileSync(path, text);
  return path;
}

const storeExperiment = () => page.evaluate('JSON.stringify({ ...window.backpropLab.config.getState().experiment, data: { ...window.backpropLab.config.getState().experiment.data, text: undefined } })') as Promise<string>;
const workerName = () => page.evaluate('window.backpropLab.run.getState().info?.name') as Promise<string>;
const longestSilence = () => page.evaluate('window.backpropLab.run.getState().workerLongestSilenceMs') as Promise<number | null>;
const step = async () => Number(await page.getByTestId('step').textContent());

beforeAll(async () => {
  context = await launch();
  page = await context.newPage();
  await page.goto(`${inject('baseUrl')}?debug`);
  await waitUntilIdle(page);
  await page.getByRole('tab', { name: 'Settings' }).click();
});

afterAll(async () => {
  await context?.close();
});

describe('a 20 MB CSV file', () => {
  it('is read and parsed in the worker with a progress bar, and trains; the page never blocks long', async () => {
    const text = bigCsv();
    expect(text.length).toBeGreaterThan(19_000_000);
    expect(text.length).toBeLessThanOrEqual(20_000_000);
    const path = onDisk('big.csv', text);
    await page.evaluate(MAIN_THREAD_PROBE);
    const bar = page.getByRole('progressbar');
    const sawBar = bar.waitFor({ timeout: 60_000 }).then(async () => ({ name: await bar.getAttribute('aria-label'), now: Number(await bar.getAttribute('aria-valuenow')) }));
    const chosen = performance.now();
    await page.locator('input[type="file"][accept^=".csv"]').setInputFiles(path);
    const seen = await sawBar;
    // The test's own screenshot (a full paint and capture on the page's thread) is left out of the measure.
    const beforeShot = (await page.evaluate(READ_AND_RESET_PROBE)) as ProbeReading;
    await page.screenshot({ path: `${SCREENSHOTS}/big-csv-progress.png` });
    await page.evaluate(READ_AND_RESET_PROBE);
    await expect.poll(() => page.getByText(`big.csv: ${ROWS} rows, 2 features, 2 classes`).count(), { timeout: 120_000 }).toBe(1);
    await expect.poll(workerName, { timeout: 120_000 }).toBe('big');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(step, { timeout: 120_000 }).toBeGreaterThan(0);
    const seconds = (performance.now() - chosen) / 1000;
    await page.getByRole('button', { name: 'Pause' }).click();
    const longTasks = [...beforeShot.longTasks, ...((await page.evaluate(READ_AND_RESET_PROBE)) as ProbeReading).longTasks];
    const longest = Math.max(0, ...longTasks);
    console.log(
      `a ${(text.length / 1e6).toFixed(1)} MB CSV, chosen to the first trained step in ${seconds.toFixed(1)} s: the page's longest task ${longest.toFixed(0)} ms ` +
        `(${longTasks.filter((t) => t > 50).length} over 50 ms); the worker's longest silence ${(await longestSilence())?.toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(1)}`,
    );
    expect(seen.name).toMatch(/^big\.csv: (Reading|Checking)\u00a0\d+\u00a0%$/);
    expect(seen.now).toBeGreaterThanOrEqual(0);
    expect(longest).toBeLessThan(500); // structural: parsing on the page again would exceed it
  });

  it('broken, is refused with its line and column, and the running experiment is kept', async () => {
    const before = await storeExperiment();
    const brokenLine = 1_100_001;
    const path = onDisk('broken.csv', bigCsv(brokenLine));
    await page.evaluate(READ_AND_RESET_PROBE);
    await page.locator('input[type="file"][accept^=".csv"]').setInputFiles(path);
    await expect.poll(() => page.getByText(`line ${brokenLine}, column "y": "oops" is not a number`, { exact: false }).count(), { timeout: 120_000 }).toBe(1);
    const { longTasks } = (await page.evaluate(READ_AND_RESET_PROBE)) as ProbeReading;
    console.log(`a broken 20 MB CSV refused at line ${brokenLine}; the page's longest task meanwhile ${Math.max(0, ...longTasks).toFixed(0)} ms`);
    await page.screenshot({ path: `${SCREENSHOTS}/big-csv-refused.png` });
    expect(await storeExperiment()).toBe(before);
    expect(await workerName()).toBe('big'); // store == worker: the worker still runs the experiment the store shows
    expect(await page.getByText(`big.csv: ${ROWS} rows, 2 features, 2 classes`).count()).toBe(1);
  });
});
