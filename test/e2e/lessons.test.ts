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
import { fillText, formatValue, type Checks } from '../../src/lessons/placeholders.ts';
import { hiddenExpression, maskAnswer } from '../../src/lessons/reveals.ts';
import { launch, SCREENSHOTS, SHOWN_TEXT, waitUntilIdle } from './browser.ts';

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

/** The page's latest gradient and update checks, copied out as plain arrays (indexable like the typed ones). */
async function checksOf(page: Page): Promise<Checks> {
  const plain = await page.evaluate(`(() => {
    const s = window.backpropLab.run.getState();
    const g = s.gradcheck;
    return {
      gradcheck: g === null ? null : { ...g, tensors: g.tensors.map((t) => ({ ...t, indices: Array.from(t.indices), analytic: Array.from(t.analytic), numeric: Array.from(t.numeric), relativeErrors: Array.from(t.relativeErrors), kinks: Array.from(t.kinks) })) },
      updateCheck: s.updateCheck,
    };
  })()`);
  return plain as Checks;
}

/** What a student does in the lab before a condition can be reached, beyond pressing Play. */
const ACTIONS: Record<string, (page: Page) => Promise<void>> = {
  // "Raise η to 3 now, without resetting": typed into the learning-rate field.
  'learning-rate:7': async (page) => {
    const field = page.locator('.learning-rate input[type="text"]');
    await field.fill('3');
    await field.press('Enter');
    await expect.poll(() => page.evaluate('window.backpropLab.config.getState().experiment.hyper.learningRate')).toBe(3);
  },
};

function intersects(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width - 1 && a.x + a.width > b.x + 1 && a.y < b.y + b.height - 1 && a.y + a.height > b.y + 1;
}

/**
 * Every text on the page outside the lesson's panel (whose texts give the operands): text nodes
 * (SVG and KaTeX's too), tooltips and accessible labels. What a <sup> or <sub> holds is read as
 * the student reads it, with what comes before: 57.2×10<sup>−6</sup> is 57.2×10⁻⁶.
 */
const PAGE_TEXT = `(() => {
  const SCRIPT = { SUP: '⁰¹²³⁴⁵⁶⁷⁸⁹⁻', SUB: '₀₁₂₃₄₅₆₇₈₉₋' };
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const element = n.nodeType === 1 ? n : n.parentElement;
    if (element.closest('[data-testid="lesson-panel"], script, style')) continue;
    const script = SCRIPT[element.tagName];
    if (n.nodeType === 3 && script && out.length > 0) out[out.length - 1] += [...n.data].map((c) => (c === '−' || c === '-' ? script[10] : /\\d/.test(c) ? script[Number(c)] : c)).join('');
    else if (n.nodeType === 3) out.push(n.data);
    else for (const name of ['title', 'aria-label']) if (n.hasAttribute(name)) out.push(n.getAttribute(name));
  }
  return out.join(' | ');
})()`;

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
      // Every placeholder resolves against what the page holds (trace and checks).
      const live = [await traceOf(page), await checksOf(page)] as const;
      const texts = [step.narration, ...(step.callout ? [step.callout.text] : []), ...(step.question ? [step.question.prompt] : [])];
      for (const text of texts) expect(fillText(text.en, ...live).problems, `step ${k + 1}`).toEqual([]);
      if (step.callout !== undefined) {
        const ring = (await page.getByTestId('lesson-ring').boundingBox())!;
        const note = (await page.getByTestId('lesson-note').boundingBox())!;
        const panel = (await page.getByTestId('lesson-panel').boundingBox())!;
        // The note is written in the lesson panel; the ring is outside it, so neither covers the target.
        expect(intersects(note, panel) && !intersects(note, ring), `step ${k + 1}: the callout's note is not in the panel, or covers its target`).toBe(true);
        expect(intersects(ring, panel), `step ${k + 1}: the target is under the panel`).toBe(false);
      }
      await page.screenshot({ path: `${SCREENSHOTS}/lesson-${id}-${k + 1}-en.png` });
      const q = step.question;
      if (q?.kind === 'number') {
        const expected = expectedValue(q.value, await traceOf(page), await checksOf(page));
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
        // Until it is answered, the number asked for is printed nowhere else on the page (the
        // phase sentence, the graph's labels and legends, the readouts, the open view).
        const hidden = hiddenExpression(q) !== null;
        // Read as the student reads it: 136×10<sup>−6</sup> is 136×10⁻⁶.
        const sentence = () => page.evaluate<string | null>(`(${SHOWN_TEXT})(document.querySelector('[data-testid="narration"]'))`);
        const sentenceBefore = (await page.getByTestId('narration').count()) > 0 ? await sentence() : null;
        if (hidden) expect(maskAnswer(await page.evaluate<string>(PAGE_TEXT), expected as number, q.tolerance), `step ${k + 1}: the page shows the answer to ${q.value}`).toBeNull();
        await page.getByTestId('lesson-answer').fill(formatValue(expected as number));
        await page.getByTestId('lesson-check').click();
        // Answered, it appears again where it was hidden.
        if (hidden && sentenceBefore?.includes('?')) {
          await page.waitForSelector('[data-testid="lesson-feedback"][data-outcome="right"]');
          expect(maskAnswer((await sentence())!, expected as number, q.tolerance), `step ${k + 1}: the sentence after answering`).not.toBeNull();
        }
      } else if (q?.kind === 'choice') {
        await page.getByTestId(`lesson-choice-${(q.correct + 1) % q.options.length}`).check();
        await page.getByTestId('lesson-check').click();
        await expect.poll(() => page.getByTestId('lesson-feedback').textContent()).toBe('Not yet. Try again.');
        await page.getByTestId(`lesson-choice-${q.correct}`).check();
        await page.getByTestId('lesson-check').click();
      } else if (q?.kind === 'condition') {
        await ACTIONS[`${id}:${k + 1}`]?.(page);
        await page.getByRole('button', { name: 'Play' }).click();
      }
      if (q !== undefined) {
        await page.waitForSelector('[data-testid="lesson-feedback"][data-outcome="right"]', { timeout: 120_000 });
        expect(fillText(q.explanation.en, await traceOf(page), await checksOf(page)).problems, `step ${k + 1}`).toEqual([]);
        expect(await page.getByTestId('lesson-explanation').textContent()).not.toBe('');
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
  }, 600_000);
});

/** The step of each lesson pictured in docs/lessons.md (counted from 1). */
const PICTURED_STEPS: Record<string, number> = {
  'forward-pass': 2,
  'error-terms': 2,
  'batch-and-m': 2,
  layers: 3,
  'learning-rate': 5,
  debugging: 4,
  'vanishing-gradients': 5,
};

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
        if (size.width === 1920 && language === 'en') {
          await page.getByLabel('Presenter').check();
          await expect.poll(() => page.evaluate('document.documentElement.hasAttribute("data-presenter")')).toBe(true);
        }
        // The panel fits on screen, docked beside the lab on a wide screen and under it on a
        // narrow one; on a wide screen the graph keeps most of the height and nothing covers it.
        const panel = (await page.getByTestId('lesson-panel').boundingBox())!;
        expect(panel.y + panel.height).toBeLessThanOrEqual(size.height + 1);
        expect(panel.x + panel.width).toBeLessThanOrEqual(size.width + 1);
        if (size.width >= 1000) {
          const graph = (await page.locator('.lab-graph').boundingBox())!;
          expect(intersects(graph, panel), `${size.width}×${size.height}: the panel covers the graph`).toBe(false);
          expect(graph.height, `${size.width}×${size.height}: the graph's height`).toBeGreaterThan(size.height * 0.45);
          expect(panel.height).toBeGreaterThanOrEqual(size.height - 1);
        } else {
          expect(panel.width).toBeGreaterThanOrEqual(size.width - 1);
        }
        // The network itself, not only its column: at 1024×768 the wrapped controls and stacked
        // legends once left it 30 px, a line of dots.
        const drawing = (await page.locator('.graph-svg').boundingBox())!;
        expect(drawing.height, `${size.width}×${size.height}: the network's drawing`).toBeGreaterThanOrEqual(160);
        await page.getByTestId('lesson-next').scrollIntoViewIfNeeded();
        expect(await page.getByTestId('lesson-next').isVisible()).toBe(true);
        await page.screenshot({ path: `${SCREENSHOTS}/lesson-step5-${size.width}x${size.height}-${language}-${theme}${size.width === 1920 && language === 'en' ? '-presenter' : ''}.png` });
        await page.close();
      }
    }
  }, 300_000);

  it('shows one step of every lesson in English and in 简体中文 at 1280×720 (the pictures of docs/lessons.md)', async () => {
    expect(Object.keys(PICTURED_STEPS).sort()).toEqual(LESSONS.map((l) => l.id).sort());
    for (const [id, step] of Object.entries(PICTURED_STEPS)) {
      for (const language of ['en', 'zh'] as const) {
        const page = await context.newPage();
        await page.addInitScript(`localStorage.setItem('backprop-lab.language', '${language}'); localStorage.setItem('backprop-lab.theme', 'light');`);
        await page.goto(`${inject('baseUrl')}#lesson=${id}&step=${step}`);
        await waitUntilIdle(page);
        await waitForStep(page, step);
        await page.waitForSelector('[data-testid="lesson-narration"] .katex, [data-testid="lesson-narration"]:not(:has(.lesson-tex-source))');
        expect(await page.getByTestId('lesson-narration').textContent()).not.toMatch(/\?/);
        await page.screenshot({ path: `${SCREENSHOTS}/lesson-${id}-${language}.png` });
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
