/**
 * Saving the weights as a model file and loading one back, in real Chromium: the download is
 * the documented format, a file with another architecture rebuilds the network, and a broken
 * file is refused with its reason while the run keeps its weights.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, SCREENSHOTS, waitUntilIdle } from './browser.ts';

let context: BrowserContext;
let page: Page;

interface ModelJson {
  format: string;
  layers: { units: number; activation?: string }[];
  loss: string;
  regularization: { kind: string; lambda: number };
  params: { W: number[][]; b: number[] }[];
}

const status = () => page.getByTestId('status').getAttribute('data-status');

async function save(): Promise<{ name: string; model: ModelJson }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save weights (JSON)' }).click();
  const file = await download;
  return { name: file.suggestedFilename(), model: JSON.parse(readFileSync((await file.path())!, 'utf8')) as ModelJson };
}

async function load(text: string): Promise<void> {
  await page.locator('.model-file input[type="file"]').setInputFiles({ name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(text) });
}

beforeAll(async () => {
  context = await launch();
  page = await context.newPage();
  await page.goto(inject('baseUrl'));
  await waitUntilIdle(page);
});

afterAll(async () => {
  await context?.close();
});

describe('model files', () => {
  it('saves the current weights in the documented format, named after the experiment and step', async () => {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(async () => Number(await page.getByTestId('step').textContent())).toBe(1);
    await page.getByRole('tab', { name: 'Settings' }).click();
    const { name, model } = await save();
    expect(name).toBe('planar-2-4-1-step-1.json');
    expect(model.format).toBe('backprop-lab/model@1');
    expect(model.layers.map((l) => l.units)).toEqual([2, 4, 1]);
    expect(model.params[0]!.W).toHaveLength(2);
    expect(model.params[0]!.W[0]).toHaveLength(4);
  });

  it('loads a file with another architecture: the network is rebuilt around its weights', async () => {
    const { model } = await save();
    const hidden = 6;
    const wider: ModelJson = {
      ...model,
      layers: [model.layers[0]!, { ...model.layers[1]!, units: hidden }, model.layers[2]!],
      params: [
        { W: [Array.from({ length: hidden }, (_, j) => 0.1 * (j + 1)), Array.from({ length: hidden }, (_, j) => -0.05 * j)], b: new Array(hidden).fill(0) },
        { W: Array.from({ length: hidden }, (_, i) => [0.2 - 0.05 * i]), b: [0.5] },
      ],
    };
    await load(JSON.stringify(wider));
    await expect.poll(() => page.getByLabel('Units of layer 1').inputValue()).toBe(String(hidden));
    const { model: back } = await save();
    expect(back.layers.map((l) => l.units)).toEqual([2, hidden, 1]);
    expect(JSON.stringify(back.params)).toBe(JSON.stringify(wider.params)); // as text: JSON has no −0
    await page.screenshot({ path: `${SCREENSHOTS}/model-file-loaded.png` });
  });

  it('refuses a broken file with the reason, and keeps the weights', async () => {
    const { model: before } = await save();
    await load('{"format":"backprop-lab/model@1","layers":[{"units":2}]}');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/layers|loss|params/);
    expect(await status()).not.toBe('diverged');
    const { model: after } = await save();
    expect(after.params).toEqual(before.params);
  });
});
