/**
 * The user's own data in real Chromium: a CSV file fits the network and trains, with the
 * decision boundary drawn for two features; a broken file is refused with its line and column.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fullSpeed, launch, SCREENSHOTS, waitUntilIdle } from './browser.ts';

let context: BrowserContext;
let page: Page;

const choose = (name: string, text: string) =>
  page.locator('input[type="file"][accept^=".csv"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

/** Two rings: class "inner" within radius 0.5 of the origin, "outer" beyond 0.8. */
function rings(n: number): string {
  const rows = ['x,y,class'];
  for (let i = 0; i < n; i++) {
    const angle = (i * 2.399963) % (2 * Math.PI);
    const inner = i % 2 === 0;
    const r = inner ? 0.1 + 0.4 * ((i * 0.618) % 1) : 0.8 + 0.4 * ((i * 0.618) % 1);
    rows.push(`${(r * Math.cos(angle)).toFixed(4)},${(r * Math.sin(angle)).toFixed(4)},${inner ? 'inner' : 'outer'}`);
  }
  return rows.join('\n');
}

beforeAll(async () => {
  context = await launch();
  page = await context.newPage();
  await page.goto(inject('baseUrl'));
  await waitUntilIdle(page);
  await fullSpeed(page);
  await page.getByRole('tab', { name: 'Settings' }).click();
});

afterAll(async () => {
  await context?.close();
});

describe('CSV data', () => {
  it('fits the network to the file and learns it', async () => {
    await choose('rings.csv', rings(200));
    await expect.poll(() => page.getByText('rings.csv: 200 rows, 2 features, 2 classes').count()).toBe(1);
    expect(await page.getByLabel('Units of layer 2', { exact: true }).inputValue()).toBe('2');
    await page.getByRole('button', { name: 'Play' }).click();
    // A result, awaited as long as a loaded machine needs: not a step count inside 20 s.
    await expect.poll(async () => Number(await page.getByTestId('train-accuracy').textContent()), { timeout: 120_000 }).toBeGreaterThan(0.9);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('tab', { name: 'Boundary' }).click();
    await page.screenshot({ path: `${SCREENSHOTS}/csv-rings.png` });
  });

  it('refuses a broken file with its line and column, and keeps the data it had', async () => {
    await page.getByRole('tab', { name: 'Settings' }).click();
    await choose('broken.csv', 'x,y,class\n0.1,0.2,inner\n0.3,,outer');
    await expect.poll(() => page.getByText('line 3, column "y": empty cell, a number is needed', { exact: false }).count()).toBe(1);
    expect(await page.getByText('rings.csv: 200 rows, 2 features, 2 classes').count()).toBe(1);
  });
});
