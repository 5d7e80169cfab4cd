/**
 * The screen at the four sizes a class meets (1280×720 the reference, 1920×1080, 1024×768 and
 * a 390×844 phone), in both themes and both languages: no horizontal overflow, no text cut off
 * by the box that holds it, on every tab; and presenter mode's type sizes measured on every
 * visible text node. Screenshots go to screenshots/layout-*.png.
 */
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { findPreset } from '../../src/presets/catalog.ts';
import { encodeLink } from '../../src/store/link.ts';
import { launch, SCREENSHOTS, waitUntilIdle } from './browser.ts';
import { expectNothingCut, tabNames } from './layout-checks.ts';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
] as const;

/** The rendered size (CSS px × zoom) of every visible text node, smallest first. */
const TEXT_SIZES = `(() => {
  const sizes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.textContent.trim() === '') continue;
    const el = node.parentElement;
    if (el === null || el.closest('[aria-hidden="true"], option, script, style, .katex-mathml') !== null) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    // Rounded to 0.01 px: 10 px × 1.4 comes out as 13.9999998 in single precision.
    sizes.push({ text: node.textContent.trim().slice(0, 30), px: Math.round(parseFloat(style.fontSize) * (el.currentCSSZoom ?? 1) * 100) / 100 });
  }
  return sizes.sort((a, b) => a.px - b.px);
})()`;

const contexts: BrowserContext[] = [];
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
});

async function open(size: { width: number; height: number }, hash = ''): Promise<Page> {
  const context = await launch(size);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}${hash}`);
  await waitUntilIdle(page);
  return page;
}

mkdirSync(SCREENSHOTS, { recursive: true });
const flower = findPreset('planar-2-4-1')!;

describe('the screen at every size', () => {
  for (const size of SIZES) {
    const name = `${size.width}x${size.height}`;
    it(`${name}: nothing overflows or is cut off, on any tab, in light and dark, English and 简体中文`, async () => {
      for (const [theme, lang] of [['light', 'en'], ['dark', 'zh']] as const) {
        const page = await open(size, `#${encodeLink(flower, { theme, language: lang })}`);
        // Train a little, so that curves, heatmaps and the boundary have something to show.
        await page.getByRole('button', { name: lang === 'en' ? 'Step' : '单步' }).click();
        await page.getByRole('button', { name: lang === 'en' ? 'Step' : '单步' }).click();
        for (const [index, tab] of (await tabNames(page)).entries()) {
          await page.getByRole('tab', { name: tab, exact: true }).click();
          await page.waitForTimeout(150);
          if (size.width < 720) await page.getByRole('tab', { name: tab, exact: true }).scrollIntoViewIfNeeded();
          await expectNothingCut(page, `${name} ${theme} ${lang} ${tab}`);
          if (size.width < 720) await page.evaluate('window.scrollTo(0, 0)'); // a whole page from the top (the toolbar is sticky)
          await page.screenshot({ path: `${SCREENSHOTS}/layout-${name}-${theme}-${lang}-${index}.png`, fullPage: size.width < 720 });
        }
        if (size.width < 720) {
          // One column on a phone: the graph above the views, every switch on the page.
          const graph = await page.locator('.lab-graph').boundingBox();
          const panel = await page.locator('.lab-panel').boundingBox();
          expect(panel!.y).toBeGreaterThanOrEqual(graph!.y + graph!.height - 1);
          // The preset's readable title wraps on a phone rather than end in an ellipsis.
          const title = await page.locator('.provenance-title').evaluate((e) => ({ cut: e.scrollWidth > e.clientWidth, right: e.getBoundingClientRect().right }));
          expect(title.cut).toBe(false);
          expect(title.right).toBeLessThanOrEqual(size.width);
          // Scrolled down to the graph, Step is still at the top of the screen (the toolbar is sticky).
          await page.evaluate('window.scrollTo(0, 700)');
          const stepButton = (await page.getByRole('button', { name: lang === 'en' ? 'Step' : '单步', exact: true }).boundingBox())!;
          expect(stepButton.y).toBeGreaterThanOrEqual(0);
          expect(stepButton.y + stepButton.height).toBeLessThanOrEqual(200);
          await page.evaluate('window.scrollTo(0, 0)');
          for (const label of lang === 'en' ? ['Theme', 'Language', 'Notation'] : ['主题', '语言', '记法']) {
            const box = await page.getByRole('combobox', { name: label }).boundingBox();
            expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
          }
        }
        await page.context().close();
      }
    });
  }

  it('shows the decision boundary on the first screen for 2-D data', async () => {
    const page = await open({ width: 1280, height: 720 });
    const boundary = await page.getByRole('tab', { name: 'Boundary' }).getAttribute('aria-selected');
    expect(boundary).toBe('true');
    const canvas = await page.locator('.lab-panel canvas').first().boundingBox();
    expect(canvas!.y + canvas!.height).toBeLessThanOrEqual(720);
  });

  it('keeps the toolbar still when Play becomes Pause and the speed readout changes', async () => {
    const page = await open({ width: 1280, height: 720 });
    const boxes = () => page.locator('.lab-toolbar button, .lab-toolbar select, .lab-toolbar input').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return [Math.round(r.x), Math.round(r.width)]; }));
    const before = await boxes();
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    const slider = page.getByLabel(/^Steps per second/);
    await slider.fill('0.2'); // 1.6 steps/s: a different readout
    expect(await page.getByTestId('speed-readout').textContent()).toBe('1.6 steps/s');
    expect(await boxes()).toEqual(before);
    await page.getByRole('button', { name: 'Pause' }).click();
  });

  it('keeps the graph and the views still while a note comes and goes (the loading bar of MNIST)', async () => {
    const page = await open({ width: 1280, height: 720 });
    // Measured from the status strip's bottom, without heights: the header above may wrap
    // differently for the new experiment's title, which moves and shortens everything below alike
    // and is not the note's doing.
    const boxes = () =>
      page.evaluate(() => {
        const strip = document.querySelector('.run-status dl')!.getBoundingClientRect().bottom;
        return [...document.querySelectorAll('.lab-graph, .lab-panel')].map((e) => { const r = e.getBoundingClientRect(); return [Math.round(r.x), Math.round(r.y - strip), Math.round(r.width)]; });
      });
    const before = await boxes();
    await page.getByLabel('Experiment').selectOption('mnist-two-layer-relu');
    await page.locator('.run-notes .loading').waitFor();
    expect(await boxes()).toEqual(before);
  });
});

describe('a note over the graph', () => {
  const relu = findPreset('regression-relu')!;
  const diverging = { ...relu, hyper: { ...relu.hyper, learningRate: 10 } };
  for (const [size, presenter] of [[{ width: 1280, height: 720 }, false], [{ width: 1920, height: 1080 }, true]] as const) {
    it(`stays over the graph's column, leaving every view tab reachable (${size.width}×${size.height}${presenter ? ', presenter' : ''})`, async () => {
      const page = await open(size, `#${encodeLink(diverging, { speed: { kind: 'full' }, presenter, tab: 'curves' })}`);
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForFunction("document.querySelector('[data-testid=\"status\"]')?.getAttribute('data-status') === 'diverged'", null, { timeout: 20_000 });
      const note = (await page.locator('.run-notes > *').first().boundingBox())!;
      const graph = (await page.locator('.lab-graph').boundingBox())!;
      expect(note.x + note.width).toBeLessThanOrEqual(graph.x + graph.width + 1);
      // What is under the middle of each tab is that tab (zoom included: boundingBox is in screen px).
      for (const tab of await page.locator('.lab-panel [role="tab"]').all()) {
        const box = (await tab.boundingBox())!;
        const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('[role="tab"]')?.textContent ?? null, [box.x + box.width / 2, box.y + box.height / 2]);
        expect(hit).toBe(await tab.textContent());
      }
      await page.screenshot({ path: `${SCREENSHOTS}/layout-note-${size.width}x${size.height}.png` });
    });
  }
});

describe('presenter mode', () => {
  it('at 1920×1080: body text ≥ 18 px, nothing under 14 px, secondary controls hidden, graph and boundary side by side', async () => {
    const page = await open({ width: 1920, height: 1080 });
    await page.keyboard.press('p');
    await expect.poll(() => page.evaluate(() => document.documentElement.hasAttribute('data-presenter'))).toBe(true);
    await page.getByRole('button', { name: 'Step' }).click();
    await page.waitForTimeout(300);
    const sizes = await page.evaluate<{ text: string; px: number }[]>(TEXT_SIZES);
    expect(sizes.length).toBeGreaterThan(20);
    expect(sizes[0]!.px, `smallest: ${JSON.stringify(sizes.slice(0, 5))}`).toBeGreaterThanOrEqual(14);
    const body = await page.evaluate(() => { const lab = document.querySelector('.lab')!; return parseFloat(getComputedStyle(lab).fontSize) * (lab as HTMLElement & { currentCSSZoom: number }).currentCSSZoom; });
    expect(body).toBeGreaterThanOrEqual(18);
    // Secondary controls are gone: theme, language, the exact rate field, the code and settings tabs.
    expect(await page.getByRole('combobox', { name: 'Theme' }).isVisible()).toBe(false);
    expect(await page.getByLabel('Learning rate', { exact: true }).isVisible()).toBe(false);
    // but the rate in force is still written out for the room
    expect(await page.getByTestId('lr-readout').textContent()).toBe('η = 1.2');
    expect(await page.getByTestId('lr-readout').isVisible()).toBe(true);
    expect(await page.getByRole('tab', { name: 'Settings' }).count()).toBe(0);
    // The graph and the boundary side by side.
    expect(await page.getByRole('tab', { name: 'Boundary' }).getAttribute('aria-selected')).toBe('true');
    const graph = (await page.locator('.lab-graph').boundingBox())!;
    const canvas = (await page.locator('.lab-panel canvas').first().boundingBox())!;
    expect(canvas.x).toBeGreaterThanOrEqual(graph.x + graph.width - 1);
    expect(canvas.y + canvas.height).toBeLessThanOrEqual(1080);
    expect(await page.getByRole('button', { name: 'Fullscreen' }).isEnabled()).toBe(true);
    await expectNothingCut(page, 'presenter 1920×1080');
    await page.screenshot({ path: `${SCREENSHOTS}/layout-presenter-1920x1080.png` });
    // It travels in the link.
    await expect.poll(() => new URL(page.url()).hash, { timeout: 5000 }).toContain('presenter=1');
  });

  it('opens from a link, and "?" shows the shortcut sheet', async () => {
    const page = await open({ width: 1280, height: 720 }, `#${encodeLink(flower, { presenter: true })}`);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-presenter'))).toBe(true);
    await expectNothingCut(page, 'presenter 1280×720');
    await page.screenshot({ path: `${SCREENSHOTS}/layout-presenter-1280x720.png` });
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/layout-shortcuts.png` });
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});
