/**
 * The app trains in a real Web Worker in real Chromium, and the main thread stays free.
 * Nothing here depends on the machine's speed: waits are generous, and the main thread's
 * timings (longest task, timer lateness, frame times) are figures `npm run bench:ui` prints.
 */
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fullSpeed, launch, MAIN_THREAD_PROBE, READ_AND_RESET_PROBE, SCREENSHOTS, waitUntilIdle, type ProbeReading } from './browser.ts';

let context: BrowserContext;
let page: Page;

const stepCount = async () => Number(await page.getByTestId('step').textContent());
/** Long enough for a loaded two-core machine; a broken path never gets there at all. */
const GENEROUS = { timeout: 120_000 };

beforeAll(async () => {
  context = await launch();
  page = await context.newPage();
  await page.addInitScript({ content: MAIN_THREAD_PROBE });
  await page.goto(`${inject('baseUrl')}?debug`);
  await page.getByRole('button', { name: 'Play' }).waitFor();
  await waitUntilIdle(page);
  await fullSpeed(page);
});

afterAll(async () => {
  await context?.close();
});

describe('training in a real Worker', () => {
  it('loads from a sub-path with a worker running', async () => {
    expect(new URL(page.url()).pathname).toBe('/backprop-lab/');
    expect(page.workers().length).toBe(1);
    expect(page.workers()[0]!.url()).toMatch(/\/backprop-lab\/assets\/worker-[\w-]+\.js$/);
  });

  it('plays: the network learns while the main thread stays responsive', async () => {
    const accuracy = async () => Number(await page.getByTestId('train-accuracy').textContent());
    const before = await accuracy();
    await page.evaluate(READ_AND_RESET_PROBE);
    await page.getByRole('button', { name: 'Play' }).click();
    // The planar flower: about half right before training, 0.9 once the 2-4-1 net has learned.
    expect(before).toBeLessThan(0.7);
    await expect.poll(accuracy, GENEROUS).toBeGreaterThan(0.85);
    // The main thread kept running its own work during training: a 20 ms timer fired again and
    // again and frames were drawn. The bound on the timer's lateness is generous (a main thread
    // that trained would stall for seconds); how late it really is, `npm run bench:ui` prints.
    const { worstDelay, pings, frames } = await page.evaluate<ProbeReading>(READ_AND_RESET_PROBE);
    expect(pings).toBeGreaterThan(5);
    expect(frames.length).toBeGreaterThan(5);
    expect(worstDelay).toBeLessThan(2000);
  });

  it('pauses: the step count stops', async () => {
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => page.getByTestId('status').getAttribute('data-status')).toBe('paused');
    const at = await stepCount();
    await page.waitForTimeout(300);
    expect(await stepCount()).toBe(at);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/engine-paused.png` });
  });

  it('changes the learning rate while running, and the worker then updates by −η·g with the new η', async () => {
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => page.getByTestId('status').getAttribute('data-status')).toBe('running');
    const atChange = await stepCount();
    const field = page.getByLabel('Learning rate', { exact: true });
    await field.fill('0.01');
    await field.press('Enter');
    await expect.poll(stepCount, GENEROUS).toBeGreaterThan(atChange + 50); // no reset: it went on
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => page.getByTestId('status').getAttribute('data-status')).toBe('paused');
    expect(await field.inputValue()).toBe('0.01');
    // One more step, traced: every applied ΔW and Δb is −0.01·∂L/∂θ, bit for bit (plain SGD).
    await page.getByLabel('Step by').selectOption('batch');
    const at = await stepCount();
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(stepCount).toBe(at + 1);
    // trace.step counts the updates before the traced step: `at` for the step just taken.
    await expect.poll(() => page.evaluate<number>('window.backpropLab.run.getState().trace.step')).toBe(at);
    const mismatches = await page.evaluate<number>(`(() => {
      const t = window.backpropLab.run.getState().trace;
      let wrong = 0, checked = 0;
      for (const l of t.layers) {
        l.dW.data.forEach((g, s) => { checked++; if (l.updateW.data[s] !== -0.01 * g) wrong++; });
        l.db.forEach((g, j) => { checked++; if (l.updateB[j] !== -0.01 * g) wrong++; });
      }
      return checked === 0 ? -1 : wrong;
    })()`);
    expect(mismatches).toBe(0);
  });
});
