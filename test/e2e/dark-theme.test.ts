/**
 * Zero is the least visible colour in the dark theme too, on the real screen: on the graph each
 * weight's line is as wide as |W| is large, so sorted by width the lines must move away from the
 * page's background in colour; and the legends put the background at zero. Screenshot:
 * screenshots/dark-emphasis.png.
 */
import { mkdirSync } from 'node:fs';
import { rgb } from 'd3';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { findPreset } from '../../src/presets/catalog.ts';
import { encodeLink } from '../../src/store/link.ts';
import { contrast, deltaE } from '../colour-science.ts';
import { launch, SCREENSHOTS, waitUntilIdle } from './browser.ts';

let close: (() => Promise<void>) | null = null;
afterAll(async () => close?.());
mkdirSync(SCREENSHOTS, { recursive: true });

describe('the dark theme', () => {
  it('draws strong weights far from the background and weak ones close to it', async () => {
    const context = await launch({ width: 1280, height: 720 });
    close = () => context.close();
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}#${encodeLink(findPreset('planar-2-4-1')!, { theme: 'dark' })}`);
    await waitUntilIdle(page);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step' }).click();
    await page.waitForTimeout(200);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const lines = await page.locator('[data-weight]').evaluateAll((els) => els.map((e) => ({ stroke: e.getAttribute('stroke')!, width: Number(e.getAttribute('stroke-width')) })));
    const drawn = lines.filter((l) => l.stroke.startsWith('rgb')).sort((a, b) => a.width - b.width);
    expect(drawn.length).toBeGreaterThanOrEqual(8);
    // Each sign on its own (red above zero, blue below): ΔE non-decreasing in |W|, allowing a byte's rounding.
    const isRed = (c: string) => rgb(c).r > rgb(c).b;
    const strongest: number[] = [];
    for (const sign of [true, false]) {
      const same = drawn.filter((l) => isRed(l.stroke) === sign);
      const distances = same.map((l) => deltaE(l.stroke, background));
      for (let i = 1; i < distances.length; i++) expect(distances[i]!, JSON.stringify(same.slice(i - 1, i + 1))).toBeGreaterThanOrEqual(distances[i - 1]! - 1);
      if (distances.length > 0) strongest.push(distances.at(-1)!);
    }
    expect(Math.max(...strongest)).toBeGreaterThan(50); // the strongest weight stands out
    // and the weakest line is the closest to the background
    expect(deltaE(drawn[0]!.stroke, background)).toBeLessThan(Math.min(...strongest) - 20);
    // Each line's neutral edge stays visible on the real page (a zero weight is drawn as the background).
    const edges = await page.locator('.edge-floor').evaluateAll((gs) => gs.map((g) => getComputedStyle(g).stroke));
    expect(edges.length).toBeGreaterThanOrEqual(2);
    for (const e of edges) expect(contrast(e, background)).toBeGreaterThanOrEqual(1.8);
    // Every legend's middle stop (zero) is the background.
    const middles = await page.locator('svg.legend stop').evaluateAll((stops) => stops.filter((s) => s.getAttribute('offset') === '50%').map((s) => getComputedStyle(s).stopColor));
    expect(middles.length).toBeGreaterThanOrEqual(3);
    for (const c of middles) expect(deltaE(c, background)).toBeLessThan(1);
    await page.screenshot({ path: `${SCREENSHOTS}/dark-emphasis.png` });
    await context.close();
    close = null;
  });
});
