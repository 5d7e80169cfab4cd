/**
 * Save menu: every export downloads a non-empty file of the right type, named after the
 * experiment and the step, holding the numbers the lab computed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, SCREENSHOTS, waitUntilIdle } from './browser.ts';

let context: BrowserContext;
let page: Page;
let name: string;
let step: number;

async function save(key: string): Promise<{ file: string; bytes: Buffer }> {
  const menu = page.locator('.export-menu');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }).catch(async (e) => {
      throw new Error(`no download: ${await menu.locator('[role=alert]').textContent().catch(() => 'no message')} (${e})`);
    }),
    menu.locator(`[data-export="${key}"]`).click(),
  ]);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.length).toBeGreaterThan(0);
  writeFileSync(`${SCREENSHOTS}/export-${download.suggestedFilename()}`, bytes); // to look at
  return { file: download.suggestedFilename(), bytes };
}

/** Width and height from a PNG's IHDR, after checking its signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** How many different colours the PNG has (decoded by the browser): a blank picture has one or two. */
const colours = (bytes: Buffer) =>
  page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
    return seen.size;
  }, bytes.toString('base64'));

const widthOf = (selector: string) => page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().width);

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  context = await launch();
  page = await context.newPage();
  await page.goto(`${inject('baseUrl')}?debug`);
  await waitUntilIdle(page);
  // Train past the first evaluation (every 1000 steps), then take one traced step. At full
  // speed: the opening 20 steps/s would need 55 s on an idle machine, too close to the wait.
  await page.evaluate("window.backpropLab.config.getState().setSpeed({ kind: 'full' })");
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction("Number(document.querySelector('[data-testid=\"step\"]')?.textContent) > 1100", null, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForFunction('document.querySelector(\'[data-testid="status"]\')?.getAttribute("data-status") === "paused"');
  await page.getByLabel('Step by').selectOption('batch');
  const before = Number(await page.getByTestId('step').textContent());
  await page.getByRole('button', { name: 'Step' }).click();
  await page.waitForFunction(`(() => { const s = window.backpropLab.run.getState(); return s.step === ${before + 1} && s.trace !== null && s.trace.step + 1 === s.step && s.snapshot.step === s.step; })()`);
  name = (await page.evaluate('window.backpropLab.run.getState().info.name')) as string;
  step = before + 1;
});

afterAll(async () => {
  await context?.close();
});

describe('saving what is on the screen', () => {
  it('saves the graph as a PNG at twice its size and as an SVG with every unit', async () => {
    const png = await save('graph-png');
    expect(png.file).toBe(`${name}-step-${step}-graph.png`);
    const size = pngSize(png.bytes);
    expect(Math.abs(size.width - 2 * (await widthOf('.lab-graph .network-graph')))).toBeLessThanOrEqual(2);
    expect(await colours(png.bytes)).toBeGreaterThan(20);

    const svg = await save('graph-svg');
    expect(svg.file).toBe(`${name}-step-${step}-graph.svg`);
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text.match(/<circle/g)?.length).toBe(await page.locator('.network-graph svg[role="img"] circle').count());
    expect(text).not.toContain('class=');
  });

  it('saves the curves as PNG and SVG, and the heatmaps and decision boundary as PNG', async () => {
    await page.getByRole('tab', { name: 'Curves' }).click();
    const svg = await save('view-svg');
    expect(svg.file).toBe(`${name}-step-${step}-curves.svg`);
    expect(svg.bytes.toString('utf8')).toContain('<path');
    expect(pngSize((await save('view-png')).bytes).width).toBeGreaterThan(400);

    for (const tab of ['Heatmaps', 'Boundary']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.locator('.lab-panel [role="tabpanel"] canvas').first().waitFor();
      expect(await page.locator('[data-export="view-svg"]').count()).toBe(0); // drawn on canvas: no SVG offered
      await page.locator('.lab-panel').screenshot({ path: `${SCREENSHOTS}/export-screen-${tab}.png` }); // to compare
      const png = await save('view-png');
      expect(png.file).toBe(`${name}-step-${step}-${tab.toLowerCase()}.png`);
      const size = pngSize(png.bytes);
      expect(Math.abs(size.width - 2 * (await widthOf('.lab-panel [role="tabpanel"]')))).toBeLessThanOrEqual(2);
      expect(await colours(png.bytes)).toBeGreaterThan(20);
    }
  });

  it('saves the history as CSV with the numbers of the history store', async () => {
    const csv = await save('history');
    expect(csv.file).toBe(`${name}-step-${step}-history.csv`);
    const [header, ...rows] = csv.bytes.toString('utf8').trim().split('\n').map((l) => l.split(','));
    expect(header).toEqual(['step', 'loss_mean', 'loss_min', 'loss_max', 'steps_in_bucket', 'learning_rate', 'train_loss', 'train_accuracy', 'test_loss', 'test_accuracy']);
    const store = (await page.evaluate(`(() => {
      const h = window.backpropLab.history.getState();
      return { buckets: h.loss.length, x0: h.loss.x[0], mean0: h.loss.sum[0] / h.loss.n[0], evaluations: h.evaluations };
    })()`)) as { buckets: number; x0: number; mean0: number; evaluations: { iteration: number; trainAccuracy: number; loss: number }[] };
    expect(rows.filter((r) => r[1] !== '').length).toBe(store.buckets);
    expect(Number(rows[0]![0])).toBe(store.x0);
    expect(Number(rows[0]![1])).toBe(store.mean0);
    expect(Number(rows[0]![5])).toBe(1.2); // planar-2-4-1's learning rate
    const evaluated = rows.filter((r) => r[7] !== '');
    expect(evaluated.length).toBe(store.evaluations.length);
    expect(store.evaluations.length).toBeGreaterThan(0);
    const last = store.evaluations.at(-1)!;
    const row = evaluated.find((r) => Number(r[0]) === last.iteration)!;
    expect(Number(row[7])).toBe(last.trainAccuracy);
    expect(Number(row[6])).toBe(last.loss);
  });

  it('saves the step’s trace as trace@1 JSON whose ∂L/∂W is (1/m)·aᵀ·δ of its own numbers', async () => {
    const json = await save('trace');
    expect(json.file).toBe(`${name}-step-${step}-trace.json`);
    const trace = JSON.parse(json.bytes.toString('utf8'));
    expect(trace.format).toBe('backprop-lab/trace@1');
    expect(trace.layers.map((l: { layer: number }) => l.layer)).toEqual([1, 2]);
    const [l1, l2] = trace.layers as { a: number[][]; delta: number[][]; dW: number[][]; W: number[][]; updateW: number[][] }[];
    const m = l1!.a.length;
    expect(m).toBe(400);
    expect(l1!.dW.length).toBe(2);
    expect(l1!.dW[0]!.length).toBe(4);
    // ∂L/∂W² = (1/m)·(a¹)ᵀ·δ² (no regularization in this preset)
    for (let i = 0; i < 4; i++) {
      let sum = 0;
      for (let s = 0; s < m; s++) sum += l1!.a[s]![i]! * l2!.delta[s]![0]!;
      expect(l2!.dW[i]![0]).toBeCloseTo(sum / m, 12);
    }
    // the same numbers as the lab's own trace and weights
    const lab = (await page.evaluate(`(() => {
      const s = window.backpropLab.run.getState();
      return { dW: Array.from(s.trace.layers[0].dW.data), W: Array.from(s.snapshot.params[1].W.data), lr: s.trace.learningRate };
    })()`)) as { dW: number[]; W: number[]; lr: number };
    expect(l1!.dW.flat()).toEqual(lab.dW);
    expect(l2!.W.flat()).toEqual(lab.W);
    expect(trace.learningRate).toBe(lab.lr);
    expect(l2!.updateW[0]![0]).toBeCloseTo(-1.2 * l2!.dW[0]![0]!, 14); // SGD: ΔW = −η·∂L/∂W
  });
});
