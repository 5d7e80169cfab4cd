/**
 * Formulas in narrow places, in real Chromium: at a phone's 390×844 and at 1024×768, in English
 * and 简体中文, no fraction or partial derivative is broken across two lines ("∂L/" on one line,
 * "∂W" on the next) in the phase's formula, its sentence, the inspector or a lesson's text.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { LANGUAGE_KEY } from '../../src/app/saved-view.ts';
import { findLesson } from '../../src/lessons/catalog.ts';
import { launch, waitUntilIdle } from './browser.ts';
import { BROKEN_FRACTIONS } from './layout-checks.ts';

const contexts: BrowserContext[] = [];
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
});

async function open(size: { width: number; height: number }, hash: string): Promise<Page> {
  const context = await launch(size);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}#${hash}`);
  await waitUntilIdle(page);
  return page;
}

const broken = (page: Page) => page.evaluate(BROKEN_FRACTIONS) as Promise<unknown[]>;

describe.each([
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
])('fractions at $width×$height', (size) => {
  it.each(['en', 'zh'] as const)('stay whole in the phase formulas, the sentences and the inspector (%s)', async (lang) => {
    const page = await open(size, `theme=light&lang=${lang}&by=phase`);
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    const seen: string[] = [];
    for (let phase = 0; phase < 6; phase++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(200);
      seen.push((await page.getByTestId('phase-label').textContent())!);
      expect(await broken(page), `${lang} phase ${phase + 1}: ${seen.at(-1)}`).toEqual([]);
    }
    expect(seen.join(' ')).toContain('∂L/∂W');
    // The inspector of a weight: its headings and lines name ∂L/∂W.
    await page.locator('[data-weight="2:0:0"]').dispatchEvent('click');
    await page.getByRole('tab', { name: lang === 'en' ? 'Inspector' : '链式法则' }).click();
    await page.waitForSelector('.inspector .tex');
    expect(await page.locator('.inspector').textContent()).toContain('∂L/∂W');
    expect(await broken(page), `${lang} inspector`).toEqual([]);
  });

  it('stay whole in a lesson’s text', async () => {
    const lesson = findLesson('error-terms')!;
    const page = await open(size, `lesson=error-terms&step=1`);
    for (const lang of ['en', 'zh'] as const) {
      await page.evaluate(`localStorage.setItem('${LANGUAGE_KEY}', '${lang}')`);
      for (let step = 1; step <= lesson.steps.length; step++) {
        await page.goto(`${inject('baseUrl')}#lesson=error-terms&step=${step}`);
        await page.reload();
        await page.waitForSelector(`[data-testid="lesson-player"][data-step="${step}"]`);
        await page.waitForTimeout(150);
        expect(await page.evaluate('document.documentElement.lang')).toBe(lang === 'en' ? 'en' : 'zh-CN');
        expect(await broken(page), `${lang} lesson step ${step}`).toEqual([]);
      }
    }
  });
});
