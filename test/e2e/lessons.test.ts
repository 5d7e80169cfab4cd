/**
 * Guided lessons in real Chromium: every shipped lesson played from its link to the end,
 * answering each number question from the lab's own trace (read from the page and resolved with
 * the lesson's placeholder), each choice with the lesson's answer, each condition by training.
 * One question is first answered wrong twice to reach the reveal. Screenshots of every step
 * (English, 1280×720), and of one step in 简体中文, dark, presenter-size (1920×1080), 1024×768
 * and a phone (390×844).
 */
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Matrix } from '../../src/core/tensor.ts';
import type { Trace } from '../../src/core/trace.ts';
import { LESSONS } from '../../src/lessons/catalog.ts';
import { expectedValue } from '../../src/lessons/answers.ts';
import { formatValue } from '../../src/lessons/placeholders.ts';
import { launch, SCREENSHOTS, waitUntilIdle } from './browser.ts';

let context: BrowserContext;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  context = await launch();
});

afterAll(async () => {
  await context?.close();
});

/** The page's current trace, copied out as plain arrays and rebuilt with typed arrays. */
async function traceOf(page: Page): Promise<Trace | null> {
  const plain = await page.evaluate(`(() => {
    const t = window.backpropLab.run.getState().trace;
    if (t === null) return null;
    const m = (x) => x === undefined ? undefined : { rows: x.rows, cols: x.cols, data: Array.from(x.data) };
    const v = (x) => x === undefined ? undefined : Array.from(x);
    return { step: t.step, x: m(t.x), t: m(t.t), y: m(t.y), perSampleLoss: v(t.perSampleLoss), loss: t.loss, phases: t.phases, learningRate: t.learningRate,
      layers: t.layers.map((l) => ({ W: m(l.W), b: v(l.b), z: m(l.z), a: m(l.a), delta: m(l.delta), dW: m(l.dW), db: v(l.db), updateW: m(l.updateW), updateB: v(l.updateB) })) };
  })()`);
  if (plain === null) return null;
  type PlainMatrix = { rows: number; cols: number; data: number[] } | undefined;
  const m = (x: PlainMatrix): Matrix | undefined => (x === undefined ? undefined : { rows: x.rows, cols: x.cols, data: Float64Array.from(x.data) });
  const v = (x: number[] | undefined) => (x === undefined ? undefined : Float64Array.from(x));
  const p = plain as Record<string, any>;
  const strip = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined)) as T;
  return strip({
    ...p,
    x: m(p['x'])!,
    t: m(p['t'])!,
    y: m(p['y']),
    perSampleLoss: v(p['perSampleLoss']),
    layers: (p['layers'] as Record<string, any>[]).map((l) => strip({ W: m(l['W'])!, b: v(l['b'])!, z: m(l['z']), a: m(l['a']), delta: m(l['delta']), dW: m(l['dW']), db: v(l['db']), updateW: m(l['updateW']), updateB: v(l['updateB']) })),
  }) as Trace;
}

async function waitForStep(page: Page, step: number) {
  await page.waitForSelector(`[data-testid="lesson-player"][data-step="${step}"][data-ready="true"]`, { timeout: 60_000 });
}

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (id, lesson) => {
  it('plays from its link to the end, every question answered from the trace', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${inject('baseUrl')}?debug#lesson=${id}&step=1`);
    await waitUntilIdle(page);
    for (let k = 0; k < lesson.steps.length; k++) {
      const step = lesson.steps[k]!;
      await waitForStep(page, k + 1);
      expect(page.url()).toContain(`#lesson=${id}&step=${k + 1}`);
      const narration = (await page.getByTestId('lesson-narration').textContent())!;
      expect(narration, `step ${k + 1}`).not.toMatch(/\?/); // every placeholder resolved
      if (step.callout !== undefined) {
        const ring = (await page.getByTestId('lesson-ring').boundingBox())!;
        const note = (await page.getByTestId('lesson-note').boundingBox())!;
        // The note is beside the ring, not over what it rings (unless nothing has room).
        const overlaps = note.x < ring.x + ring.width - 4 && note.x + note.width > ring.x + 4 && note.y < ring.y + ring.height - 4 && note.y + note.height > ring.y + 4;
        const panel = (await page.getByTestId('lesson-panel').boundingBox())!;
        expect(overlaps && ring.width < 1200, `step ${k + 1}: the callout's note covers its target`).toBe(false);
        expect(ring.y + ring.height, `step ${k + 1}: the target is under the panel`).toBeLessThanOrEqual(panel.y + 6);
      }
      await page.screenshot({ path: `${SCREENSHOTS}/lesson-${id}-${k + 1}-en.png` });
      const q = step.question;
      if (q?.kind === 'number') {
        const expected = expectedValue(q.value, await traceOf(page));
        expect(typeof expected, `step ${k + 1}: ${JSON.stringify(expected)}`).toBe('number');
        if (k === 1 && id === 'forward-pass') {
          // Twice wrong, then the answer can be revealed; here the student goes on and answers.
          for (let i = 0; i < 2; i++) {
            await page.getByTestId('lesson-answer').fill(String((expected as number) + 1));
            await page.getByTestId('lesson-check').click();
          }
          await expect.poll(() => page.getByTestId('lesson-feedback').textContent()).toBe('Not yet.');
          expect(await page.getByTestId('lesson-reveal').count()).toBe(1);
          expect(await page.getByTestId('lesson-next').isDisabled()).toBe(true);
        }
        await page.getByTestId('lesson-answer').fill(formatValue(expected as number));
        await page.getByTestId('lesson-check').click();
      } else if (q?.kind === 'choice') {
        await page.getByTestId(`lesson-choice-${(q.correct + 1) % q.options.length}`).check();
        await page.getByTestId('lesson-check').click();
        await expect.poll(() => page.getByTestId('lesson-feedback').textContent()).toBe('Not yet. Try again.');
        await page.getByTestId(`lesson-choice-${q.correct}`).check();
        await page.getByTestId('lesson-check').click();
      } else if (q?.kind === 'condition') {
        await page.getByRole('button', { name: 'Play' }).click();
      }
      if (q !== undefined) {
        await page.waitForSelector('[data-testid="lesson-feedback"][data-outcome="right"]', { timeout: 90_000 });
        expect(await page.getByTestId('lesson-explanation').textContent()).not.toMatch(/\?/);
        if (q.kind === 'condition') await page.getByRole('button', { name: 'Pause' }).click();
      }
      await page.getByTestId('lesson-next').click();
    }
    // Finished: the list shows it done, and the progress survives a reload.
    await expect.poll(() => page.getByTestId(`lesson-${id}`).count()).toBe(1);
    await page.reload();
    await waitUntilIdle(page);
    await page.getByTestId('lessons-open').click();
    expect(await page.getByTestId(`lesson-${id}`).locator('xpath=..').textContent()).toContain('done');
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);
});

describe('the lesson player on other screens', () => {
  it('opens a handed-out step directly, in 简体中文, dark, at 1280×720, 1920×1080, 1024×768 and 390×844', async () => {
    const sizes = [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
      { width: 1024, height: 768 },
      { width: 390, height: 844 },
    ];
    for (const size of sizes) {
      for (const [language, theme] of [['en', 'light'], ['zh', 'dark']] as const) {
        const page = await context.newPage();
        await page.setViewportSize(size);
        await page.addInitScript(`localStorage.setItem('backprop-lab.language', '${language}'); localStorage.setItem('backprop-lab.theme', '${theme}');`);
        await page.goto(`${inject('baseUrl')}#lesson=vanishing-gradients&step=5`);
        await waitUntilIdle(page);
        await waitForStep(page, 5);
        const narration = (await page.getByTestId('lesson-narration').textContent())!;
        expect(narration).toMatch(language === 'zh' ? /反向传播已到达第 1 层/ : /The backward pass has reached layer 1/);
        expect(narration).not.toMatch(/\?/);
        // The panel and its question fit on screen, with the Next button reachable.
        const panel = (await page.getByTestId('lesson-panel').boundingBox())!;
        expect(panel.y + panel.height).toBeLessThanOrEqual(size.height + 1);
        expect(panel.width).toBeGreaterThanOrEqual(size.width - 1);
        await page.getByTestId('lesson-next').scrollIntoViewIfNeeded();
        expect(await page.getByTestId('lesson-next').isVisible()).toBe(true);
        await page.screenshot({ path: `${SCREENSHOTS}/lesson-step5-${size.width}x${size.height}-${language}-${theme}.png` });
        await page.close();
      }
    }
  }, 300_000);

  it('refuses a malformed lesson file naming the field, and the lab keeps working; resets progress', async () => {
    const page = await context.newPage();
    await page.addInitScript(`localStorage.setItem('backprop-lab.language', 'en'); localStorage.setItem('backprop-lab.theme', 'light');`);
    await page.goto(inject('baseUrl'));
    await waitUntilIdle(page);
    await page.getByTestId('lessons-open').click();
    await page.getByTestId('lesson-reset').click(); // the lessons played above left progress in this profile
    await page.getByTestId('lesson-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ id: 'mine', title: { en: 'Mine', zh: '我的' }, steps: [{ setup: { preset: 'nope' }, narration: { en: 'x', zh: 'x' } }] })) });
    await expect.poll(() => page.getByTestId('lesson-problem').textContent()).toContain('lesson.steps[0].setup.preset');
    await page.getByTestId('lesson-forward-pass').click();
    await waitForStep(page, 1);
    await page.getByTestId('lesson-close').click();
    expect(page.url()).not.toContain('lesson=');
    await page.getByTestId('lessons-open').click();
    expect(await page.getByTestId('lesson-forward-pass').locator('xpath=..').textContent()).toContain('step 1 of 8');
    await page.getByTestId('lesson-reset').click();
    expect(await page.getByTestId('lesson-forward-pass').locator('xpath=..').textContent()).toContain('not started');
    expect(await page.evaluate(`localStorage.getItem('backprop-lab/lessons@1')`)).toBeNull();
    await page.getByRole('button', { name: 'Step' }).click(); // the lab still answers
    await page.close();
  }, 120_000);
});
