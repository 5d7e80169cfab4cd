/**
 * The teaching instruments in real Chromium: select a weight, step, read the inspector (its
 * numbers are the worker's); switch on a bug and see which check catches it.
 */
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fullSpeed, launch, SCREENSHOTS, waitUntilIdle } from './browser.ts';

let context: BrowserContext;
let page: Page;

const status = () => page.getByTestId('status').getAttribute('data-status');
const cell = async (name: string) => Number(await page.locator(`.inspector [data-cell="${name}"]`).first().getAttribute('data-value'));
/** A number of the latest trace in the run store, read through the ?debug hook. */
const traced = (expression: string) => page.evaluate<number>(`(() => { const t = window.backpropLab.run.getState().trace; return ${expression}; })()`);
const stepCount = async () => Number(await page.getByTestId('step').textContent());
/** Long enough for a loaded two-core machine: results are awaited, never a speed. */
const GENEROUS = { timeout: 120_000 };

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  context = await launch();
  page = await context.newPage();
  await page.goto(`${inject('baseUrl')}?debug`);
  await waitUntilIdle(page);
  await fullSpeed(page);
});

afterAll(async () => {
  await context?.close();
});

describe('teaching instruments', () => {
  it('select a weight, step, and the inspector shows the numbers the worker computed', async () => {
    await page.locator('[data-weight="2:1:0"]').click();
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(async () => Number(await page.getByTestId('step').textContent())).toBe(1);
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.locator('.inspector [data-cell="gradient"]').waitFor();
    // W² is 4 × 1, so W²[1][0] is entry 1.
    expect(await cell('gradient')).toBe(await traced('t.layers[1].dW.data[1]'));
    expect(await cell('old')).toBe(await traced('t.layers[1].W.data[1]'));
    expect(await cell('update')).toBe(await traced('t.layers[1].updateW.data[1]'));
    // The new value is the weight the worker holds after the step (its snapshot), not a sum.
    expect(await cell('new')).toBe(await page.evaluate<number>('window.backpropLab.run.getState().snapshot.params[1].W.data[1]'));
    expect(await cell('new')).not.toBe(await cell('old'));
    expect(await page.locator('.inspector .katex').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/instruments-inspector.png` });
  });

  it('the forgotten b¹ update: the banner says so, the gradient check passes, the update check catches it', async () => {
    await page.getByRole('tab', { name: 'Check & bugs' }).click();
    await page.getByRole('switch', { name: /first layer’s bias update is forgotten/ }).check();
    await expect.poll(() => page.evaluate<number>('window.backpropLab.run.getState().info.bugs.length')).toBe(1);
    await expect(page.getByTestId('bug-banner').textContent()).resolves.toMatch(/^Bug 2 is on: The first layer’s bias update is forgotten/);
    await expect.poll(status).toBe('idle');
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(async () => Number(await page.getByTestId('step').textContent())).toBe(1);
    await page.getByRole('button', { name: 'Gradient check' }).click();
    await page.locator('tr[data-update-tensor="b1"]').waitFor();
    const verdicts = (selector: string) => page.locator(selector).evaluateAll((rows) => rows.map((r) => r.textContent!.includes('✗')));
    expect(await verdicts('tr[data-tensor]')).toEqual([false, false, false, false]);
    expect(await verdicts('tr[data-update-tensor]')).toEqual([false, true, false, false]);
    await page.screenshot({ path: `${SCREENSHOTS}/instruments-check.png` });
  });

  it("shows the step as NumPy code with the lab's settings, and the gradient flow of the worker's steps", async () => {
    await page.getByRole('tab', { name: 'Code' }).click();
    await page.getByText('import numpy as np').first().waitFor();
    const code = () => page.locator('.code-listing').textContent();
    expect(await code()).toContain('def step(x, t, params, lr=1.2)'); // the planar preset's η
    expect(await code()).toContain('params holds W1 (2, 4), b1 (4,), W2 (4, 1), b2 (1,)');
    const field = page.getByLabel('Learning rate', { exact: true });
    await field.fill('0.5');
    await field.press('Enter');
    await expect.poll(code).toContain('def step(x, t, params, lr=0.5)');
    await page.screenshot({ path: `${SCREENSHOTS}/instruments-code.png` });
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(stepCount, GENEROUS).toBeGreaterThan(100);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(status).toBe('paused');
    await page.getByRole('tab', { name: 'Curves' }).click();
    await page.screenshot({ path: `${SCREENSHOTS}/instruments-twin-curves.png` });
    // One traced step: the flow's newest point of each layer is ‖∂L/∂Wˡ‖ of that step's trace.
    const at = await stepCount();
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(stepCount).toBe(at + 1);
    await expect.poll(() => traced('t.step')).toBe(at);
    const flow = await page.evaluate<{ shown: number[]; traced: number[] }>(`(() => {
      const h = window.backpropLab.history.getState();
      const t = window.backpropLab.run.getState().trace;
      return {
        shown: h.gradNorm.map((s) => s.last[s.length - 1]),
        traced: t.layers.map((l) => Math.sqrt(l.dW.data.reduce((a, g) => a + g * g, 0))),
      };
    })()`);
    expect(flow.shown).toHaveLength(2);
    flow.shown.forEach((v, l) => expect(v / flow.traced[l]!).toBeCloseTo(1, 12));
    await page.getByRole('tab', { name: 'Gradient flow' }).click();
    expect(await page.locator('.flow path.layer').count()).toBe(4); // two layers, two plots
    await page.screenshot({ path: `${SCREENSHOTS}/instruments-flow.png` });
  });
});
