/**
 * The lab screen's main paths in real Chromium, on the production build served from a sub-path.
 */
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fullSpeed, launch, SCREENSHOTS, SHOWN_TEXT, waitUntilIdle } from './browser.ts';

let context: BrowserContext;
let page: Page;

const status = () => page.getByTestId('status').getAttribute('data-status');
const activeLayer = async () => {
  const active = page.locator('g.layer.active');
  return (await active.count()) === 0 ? null : active.first().getAttribute('data-layer');
};
const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
const shown = async (id: string) => Number(await page.getByTestId(id).textContent());
/** Long enough for a loaded two-core machine: results are awaited, never a speed. */
const GENEROUS = { timeout: 120_000 };

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  context = await launch();
  page = await context.newPage();
  await page.goto(inject('baseUrl'));
  await waitUntilIdle(page);
});

afterAll(async () => {
  await context?.close();
});

describe('the lab screen', () => {
  it('fits a 1280×720 projector without scrolling', async () => {
    const { scrollHeight, scrollWidth } = await page.evaluate(() => ({ scrollHeight: document.documentElement.scrollHeight, scrollWidth: document.documentElement.scrollWidth }));
    expect(scrollHeight).toBeLessThanOrEqual(720);
    expect(scrollWidth).toBeLessThanOrEqual(1280);
  });

  it('steps through every phase of one step: the highlighted layer moves forward, then backward', async () => {
    await page.getByLabel('Step by').selectOption('phase');
    const seen: { label: string; layer: string | null }[] = [];
    const counters: string[] = [];
    for (let i = 0; i < 6; i++) {
      const label = page.getByTestId('phase-label');
      const before = (await label.count()) === 0 ? null : await label.textContent();
      await page.getByRole('button', { name: 'Step' }).click();
      await expect.poll(() => page.getByTestId('phase-label').textContent()).not.toBe(before);
      seen.push({ label: await page.evaluate<string>(`(${SHOWN_TEXT})(document.querySelector('[data-testid="phase-label"]'))`), layer: await activeLayer() });
      counters.push(`${await page.getByTestId('step').textContent()}${await page.getByTestId('phase-of').textContent()}, epoch ${await page.getByTestId('epoch').textContent()}`);
      if (i === 3) await shot('screen-backward');
    }
    // The counters agree while stepping: every phase of step 1 says so, its update too, and no
    // epoch completed before the step is.
    expect(counters).toEqual([
      '1 · phase 1 of 6, epoch 0.00',
      '1 · phase 2 of 6, epoch 0.00',
      '1 · phase 3 of 6, epoch 0.00',
      '1 · phase 4 of 6, epoch 0.00',
      '1 · phase 5 of 6, epoch 0.00',
      '1 · phase 6 of 6, epoch 1.00',
    ]);
    expect(seen.map((s) => s.label.split(':')[0])).toEqual(['forward 1', 'forward 2', 'loss', 'backward 2', 'backward 1', 'update']);
    expect(seen.map((s) => s.layer)).toEqual(['1', '2', '2', '2', '1', null]);
    expect(seen[3]!.label).toContain('δ² = y − t');
    expect(Number(await page.getByTestId('step').textContent())).toBe(1);
  });

  it('shows the curves, heatmaps and decision boundary after training', async () => {
    await fullSpeed(page);
    await page.getByRole('button', { name: 'Play' }).click();
    // The planar flower is learned: 0.9 train accuracy is what the 2-4-1 net reaches.
    await expect.poll(() => shown('train-accuracy'), GENEROUS).toBeGreaterThan(0.85);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(status).toBe('paused');
    await page.getByRole('tab', { name: 'Curves' }).click();
    expect(await page.locator('svg[aria-label^="Loss"]').count()).toBe(1);
    await shot('screen-curves');
    await page.getByRole('tab', { name: 'Heatmaps' }).click();
    expect(await page.locator('canvas').count()).toBeGreaterThan(2);
    await shot('screen-heatmaps');
    await page.getByRole('tab', { name: 'Boundary' }).click();
    await expect.poll(() => page.getByText('Hidden units over the input plane').count()).toBe(1);
    await shot('screen-boundary');
  });

  it('switches to 简体中文, sets <html lang>, and remembers it', async () => {
    await page.getByLabel('Language').selectOption('zh');
    await page.getByRole('button', { name: '播放' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await shot('screen-zh');
    await page.reload();
    await page.getByRole('button', { name: '播放' }).waitFor();
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('button', { name: 'Play' }).waitFor();
  });

  it('loads MNIST with a progress bar and learns the digits', async () => {
    await expect.poll(status, { timeout: 30_000 }).toBe('idle');
    await page.getByLabel('Experiment').selectOption('mnist-two-layer-relu');
    await page.getByRole('progressbar').waitFor({ timeout: 30_000 });
    await expect.poll(status, { timeout: 120_000 }).toBe('idle');
    await page.getByRole('button', { name: 'Play' }).click();
    // The first evaluation (after 600 steps, one epoch of 100-image batches) on all 60 000 training
    // images: 784-50-10 ReLU at η = 0.1 is past 0.85 by then (chance is 0.1), and the training
    // loss has fallen from ln 10 ≈ 2.30 to well under 1.
    await expect.poll(() => shown('train-accuracy'), GENEROUS).toBeGreaterThan(0.85);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(status).toBe('paused');
    expect(await shown('step')).toBeGreaterThanOrEqual(600);
    expect(await shown('loss')).toBeLessThan(1);
    expect(await page.getByText('input image (28×28)').count()).toBe(1);
    await page.getByRole('tab', { name: 'Digits' }).click();
    await shot('screen-mnist-digits');
    await page.getByRole('tab', { name: 'Weights 28×28' }).click();
    await shot('screen-mnist-tiles');
  });
});
