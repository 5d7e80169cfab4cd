/**
 * The reference screen (1280×720) at 150 % browser zoom. Chromium's page zoom shrinks the
 * viewport in CSS px (to 853×480) and raises devicePixelRatio to 1.5, which is what this
 * emulates. On every tab: no horizontal overflow, nothing cut off, the tabs on at most two rows,
 * and every colour legend whole.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { findPreset } from '../../src/presets/catalog.ts';
import { encodeLink } from '../../src/store/link.ts';
import { launch, SCREENSHOTS, waitUntilIdle } from './browser.ts';
import { expectNothingCut, tabNames } from './layout-checks.ts';

const ZOOM = 1.5;
const WINDOW = { width: 1280, height: 720 };
const VIEWPORT = { width: Math.floor(WINDOW.width / ZOOM), height: Math.floor(WINDOW.height / ZOOM) };

/** Legends (SVG) whose box leaves the page or a clipping ancestor. Runs in the page. */
const CUT_LEGENDS = `(() => {
  const cut = [];
  const pageRight = document.documentElement.clientWidth;
  for (const legend of document.querySelectorAll('svg.legend')) {
    const r = legend.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > pageRight + 1) { cut.push({ legend: legend.getAttribute('aria-label'), by: 'the page' }); continue; }
    for (let box = legend.parentElement; box !== null && box !== document.body; box = box.parentElement) {
      const s = getComputedStyle(box);
      if (['auto', 'scroll'].includes(s.overflowX) || ['auto', 'scroll'].includes(s.overflowY)) break;
      if (!['hidden', 'clip'].includes(s.overflowX) && !['hidden', 'clip'].includes(s.overflowY)) continue;
      const b = box.getBoundingClientRect();
      if (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1) cut.push({ legend: legend.getAttribute('aria-label'), by: box.className || box.tagName });
      break;
    }
  }
  return cut;
})()`;

/** The number of rows the tabs take: distinct tops of the visible tabs. */
async function tabRows(page: Page): Promise<number> {
  const tops = await page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
  return new Set(tops).size;
}

let close: (() => Promise<void>) | null = null;
afterAll(async () => close?.());
mkdirSync(SCREENSHOTS, { recursive: true });

describe('150 % browser zoom at 1280×720', () => {
  for (const [theme, language] of [['light', 'en'], ['dark', 'zh']] as const) {
    it(`${theme}, ${language}: the tabs take at most two rows; nothing overflows, is cut off or clips a legend, on any tab`, async () => {
      const context = await launch(VIEWPORT, ZOOM);
      close = () => context.close();
      const page = await context.newPage();
      await page.goto(`${inject('baseUrl')}#${encodeLink(findPreset('planar-2-4-1')!, { theme, language })}`);
      await waitUntilIdle(page);
      expect(await page.evaluate(() => [window.innerWidth, window.devicePixelRatio])).toEqual([VIEWPORT.width, ZOOM]);
      const step = page.getByRole('button', { name: language === 'en' ? 'Step' : '单步' });
      await step.click();
      await step.click();
      expect(await tabRows(page)).toBeLessThanOrEqual(2);
      for (const [index, tab] of (await tabNames(page)).entries()) {
        await page.getByRole('tab', { name: tab, exact: true }).click();
        await page.waitForTimeout(150);
        const where = `150 % ${theme} ${language} ${tab}`;
        await expectNothingCut(page, where);
        expect(await page.evaluate(CUT_LEGENDS), `${where}: legends cut off`).toEqual([]);
        await page.screenshot({ path: `${SCREENSHOTS}/zoom150-${theme}-${language}-${index}.png` });
      }
      await context.close();
      close = null;
    });
  }
});
