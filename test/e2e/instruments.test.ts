/**
 * The teaching instruments in real Chromium: select a weight, step, read the inspector (its
 * numbers are the worker's); switch on a bug and see the gradient check mark its tensor.
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
    expect(await cell('new')).toBe(await traced('t.layers[1].W.data[1] + t.layers[1].updateW.data[1]'));
    expect(await page.locator('.inspector .katex').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/instruments-inspector.png` });
  });

  it('a bug switched on is caught by the gradient check in exactly its tensor', async () => {
    await page.getByRole('tab', { name: 'Check & bugs' }).click();
    await page.getByRole('switch', { name: /first layer’s bias is never updated/ }).check();
    await expect.poll(() => page.evaluate<number>('window.backpropLab.run.getState().info.bugs.length')).toBe(1);
    await expect.poll(status).toBe('idle');
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(async () => Number(await page.getByTestId('step').textContent())).toBe(1);
    await page.getByRole('button', { name: 'Gradient check' }).click();
    await page.locator('tr[data-tensor="b1"]').waitFor();
    const verdicts = await page.locator('tr[data-tensor]').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-tensor'), r.textContent!.includes('✗')]));
    expect(verdicts).toEqual([
      ['W1', false],
      ['b1', true],
      ['W2', false],
      ['b2', false],
    ]);
    await page.screenshot({ path: `${SCREENSHOTS}/instruments-check.png` });
  });

  it('shows the step as NumPy code and the gradient flow', async () => {
    await page.getByRole('tab', { name: 'Code' }).click();
    await page.getByText('import numpy as np').first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/instruments-code.png` });
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => Number(await page.getByTestId('step').textContent())).toBeGreaterThan(500);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('tab', { name: 'Curves' }).click();
    await page.screenshot({ path: `${SCREENSHOTS}/instruments-twin-curves.png` });
    await page.getByRole('tab', { name: 'Gradient flow' }).click();
    await page.screenshot({ path: `${SCREENSHOTS}/instruments-flow.png` });
  });
});
