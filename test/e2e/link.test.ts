/**
 * Settings travel in the address: a prepared link opens that experiment, changes keep the
 * address up to date (so a reload or a copied link brings them back), and a damaged link
 * says why and starts the default experiment.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findPreset } from '../../src/presets/catalog.ts';
import { decodeLink, encodeLink } from '../../src/store/link.ts';
import { launch, SCREENSHOTS, waitUntilIdle } from './browser.ts';

let context: BrowserContext;
let page: Page;

const open = async (hash: string) => {
  await page.goto('about:blank'); // a new load, not a jump within the page
  await page.goto(`${inject('baseUrl')}${hash}`);
  await waitUntilIdle(page);
};
const linked = () => decodeLink(new URL(page.url()).hash);
const rateField = () => page.getByLabel('Learning rate', { exact: true });

beforeAll(async () => {
  context = await launch();
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
});

describe('settings in the address', () => {
  const preset = findPreset('planar-2-4-1')!;
  const prepared = {
    ...preset,
    hyper: { ...preset.hyper, learningRate: 0.5 },
    network: { ...preset.network, layers: [preset.network.layers[0]!, { units: 5, activation: 'relu' as const }, preset.network.layers[2]!] },
  };

  it('opens the experiment a link holds', async () => {
    await open(`#${encodeLink(prepared)}`);
    expect(await rateField().inputValue()).toBe('0.5');
    await page.getByRole('tab', { name: 'Settings' }).click();
    expect(await page.getByLabel('Units of layer 1').inputValue()).toBe('5');
    expect(await page.getByLabel('Activation of layer 1').inputValue()).toBe('relu');
  });

  it('keeps the address up to date, so a reload brings the settings back', async () => {
    await rateField().fill('0.25');
    await rateField().press('Enter');
    await expect.poll(() => linked()?.experiment, { timeout: 5000 }).toEqual({ ...prepared, hyper: { ...prepared.hyper, learningRate: 0.25 } });
    await page.reload();
    await waitUntilIdle(page);
    expect(await rateField().inputValue()).toBe('0.25');
  });

  it('opens a link pasted into the address bar of a lab already open', async () => {
    const pasted = { ...prepared, hyper: { ...prepared.hyper, learningRate: 0.125 } };
    await page.evaluate(`location.hash = ${JSON.stringify(encodeLink(pasted))}`);
    await expect.poll(() => rateField().inputValue()).toBe('0.125');
  });

  it('takes the screen’s words added to the address of an open lab, keeping its experiment', async () => {
    await open('');
    expect(new URL(page.url()).hash).toBe(''); // the default experiment writes no link until something changes
    const rate = await rateField().inputValue();
    await page.evaluate(`location.hash = '#presenter=1&theme=dark&lang=zh'`);
    await expect.poll(() => page.evaluate(() => [document.documentElement.dataset['theme'], document.documentElement.hasAttribute('data-presenter'), document.documentElement.lang])).toEqual(['dark', true, 'zh-CN']);
    expect(await page.getByLabel('学习率', { exact: true }).inputValue()).toBe(rate);
    expect(linked()?.lesson).toMatchObject({ presenter: true, theme: 'dark', language: 'zh' }); // the address now holds the whole lesson
    expect(linked()?.experiment).not.toBeNull();
    // And back (the screen's choices are kept in this browser's storage for the tests after this one).
    await page.evaluate(`location.hash = '#presenter=0&theme=system&lang=en'`);
    await expect.poll(() => page.evaluate(() => [document.documentElement.hasAttribute('data-theme'), document.documentElement.hasAttribute('data-presenter'), document.documentElement.lang])).toEqual([false, false, 'en']);
  });

  it('opens a link’s notation and bug switches; a pasted link that names no bugs turns them off', async () => {
    await open(`#${encodeLink(prepared, { convention: 'columns', bugs: ['batch-summed'] })}`);
    expect(await page.getByRole('combobox', { name: 'Notation' }).inputValue()).toBe('columns');
    await page.getByTestId('bug-banner').waitFor();
    expect(await page.getByTestId('bug-banner').textContent()).toContain('Bug 6 is on: Gradients summed over the batch instead of averaged.');
    await expect.poll(() => linked()?.lesson, { timeout: 5000 }).toMatchObject({ convention: 'columns', bugs: ['batch-summed'] });
    await page.getByRole('combobox', { name: 'Notation' }).selectOption('rows');
    await expect.poll(() => linked()?.lesson.convention).toBe('rows');
    await page.evaluate(`location.hash = ${JSON.stringify(encodeLink(prepared))}`);
    await expect.poll(() => page.getByTestId('bug-banner').count()).toBe(0);
  });

  it('remembers the notation chosen in this browser, as it remembers the theme and language', async () => {
    await open('');
    const notation = () => page.getByRole('combobox', { name: 'Notation' });
    await notation().selectOption('columns');
    await open(''); // a new visit, with no link
    expect(await notation().inputValue()).toBe('columns');
    await notation().selectOption('rows');
    await open('');
    expect(await notation().inputValue()).toBe('rows');
  });

  it('says why a damaged link cannot be used, and starts the default experiment', async () => {
    const bad = encodeLink({ ...preset, schedule: { ...preset.schedule, batchSize: 0 } });
    await open(`#${bad}`);
    const notice = page.locator('.link-notice');
    expect(await notice.textContent()).toMatch(/could not be used \(config\.schedule\.batchSize: must be/);
    expect(await rateField().inputValue()).toBe(String(preset.hyper.learningRate));
    await page.screenshot({ path: `${SCREENSHOTS}/link-refused.png` });
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice.count()).toBe(0);
  });
});
