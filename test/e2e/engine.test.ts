/**
 * The app trains in a real Web Worker in real Chromium, and the main thread stays free.
 */
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fullSpeed, launch, MAIN_THREAD_PROBE, READ_AND_RESET_PROBE, SCREENSHOTS, waitUntilIdle, type ProbeReading } from './browser.ts';

let context: BrowserContext;
let page: Page;

const stepCount = async () => Number(await page.getByTestId('step').textContent());

beforeAll(async () => {
  context = await launch();
  page = await context.newPage();
  await page.addInitScript({ content: MAIN_THREAD_PROBE });
  await page.goto(inject('baseUrl'));
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

  it('plays: steps climb and the network learns while the main thread stays responsive', async () => {
    const accuracy = async () => Number(await page.getByTestId('train-accuracy').textContent());
    const before = await accuracy();
    await page.evaluate(READ_AND_RESET_PROBE);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(stepCount, { timeout: 30_000 }).toBeGreaterThan(3000);
    const { longTasks, worstDelay, pings, frames } = await page.evaluate<ProbeReading>(READ_AND_RESET_PROBE);
    expect(pings).toBeGreaterThan(5); // the probe really ran during training
    expect(frames.length).toBeGreaterThan(5);
    // The planar flower: about half right before training, 0.9 once the 2-4-1 net has learned.
    expect(before).toBeLessThan(0.7);
    await expect.poll(accuracy, { timeout: 30_000 }).toBeGreaterThan(0.85);
    // A long task is one over 50 ms; on a shared CI machine allow a little slack before failing.
    expect(Math.max(0, ...longTasks)).toBeLessThan(150);
    expect(worstDelay).toBeLessThan(150);
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

  it('changes the learning rate while running without a reset', async () => {
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => page.getByTestId('status').getAttribute('data-status')).toBe('running');
    const atChange = await stepCount();
    const field = page.getByLabel('Learning rate', { exact: true });
    await field.fill('0.01');
    await field.press('Enter');
    await expect.poll(stepCount).toBeGreaterThan(atChange + 500);
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(await field.inputValue()).toBe('0.01');
  });
});
