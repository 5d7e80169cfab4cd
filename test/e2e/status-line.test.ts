/**
 * The status line on a phone while stepping by phase after a long run: "step 1468 · phase 6 of
 * 6" and "0.2209 · step 1468" take the line under their numbers (kept when empty), so the line
 * never wraps and the page never moves between running free and stepping by phase.
 */
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, SCREENSHOTS, waitUntilIdle } from './browser.ts';

let context: BrowserContext;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  context = await launch({ width: 390, height: 844 });
});

afterAll(async () => {
  await context?.close();
});

const height = (page: Page) => page.evaluate<number>(`document.querySelector('.run-status').getBoundingClientRect().height`);
/** Lines a cell's value takes: its height over its line height. */
const lines = (page: Page, id: string) =>
  page.evaluate<number>(`(() => { const e = document.querySelector('[data-testid="${id}"]').closest('dd'); return Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)); })()`);

describe('the status line on a phone', () => {
  for (const language of ['en', 'zh'] as const) {
    it(`keeps its height from free running to every phase of step 1000 and more (${language})`, async () => {
      const page = await context.newPage();
      await page.addInitScript(`localStorage.setItem('backprop-lab.language', '${language}')`);
      await page.goto(`${inject('baseUrl')}?debug`);
      await waitUntilIdle(page);
      await page.evaluate(`window.backpropLab.config.getState().setSpeed({ kind: 'full' })`);
      await page.evaluate(`window.backpropLab.playback.getState().play()`);
      await page.waitForFunction(`window.backpropLab.run.getState().step > 1000`, null, { timeout: 60_000 });
      await page.evaluate(`window.backpropLab.playback.getState().pause()`);
      await page.waitForFunction(`window.backpropLab.run.getState().status === 'paused'`);
      const free = await height(page);
      await page.evaluate(`window.backpropLab.config.getState().setGranularity('phase')`);
      for (let i = 0; i < 6; i++) {
        await page.locator('body').press('ArrowRight');
        await expect.poll(() => page.getByTestId('phase-of').textContent()).toContain(language === 'en' ? `phase ${i + 1} of 6` : `第 ${i + 1} / 6 阶段`);
        expect(await height(page), `phase ${i + 1}`).toBe(free);
      }
      // The number, then its note on the line under it: two lines, never three.
      expect(await lines(page, 'step')).toBe(2);
      expect(await lines(page, 'loss')).toBe(2);
      await page.screenshot({ path: `${SCREENSHOTS}/status-line-phone-${language}.png` });
      await page.close();
    }, 120_000);
  }
});
