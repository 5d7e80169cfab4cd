/**
 * The backward pass you can watch (issue #11), in real Chromium: one whole step taken phase by
 * phase, in English and in 简体中文. Saves a screenshot of every phase (docs/backward-pass.md
 * lists them).
 */
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fullSpeed, launch, SCREENSHOTS, waitUntilIdle } from './browser.ts';

let context: BrowserContext;
let page: Page;

const PHASES = ['forward-1', 'forward-2', 'loss', 'backward-2', 'backward-1', 'update'];

const label = () => page.getByTestId('phase-label').textContent();
const narration = async () => (await page.getByTestId('narration').textContent())!;
const headerLoss = async () => (await page.getByTestId('loss').textContent())!;
const graphBox = () => page.getByTestId('network-svg').boundingBox();

/** One phase forward with the → key; waits for the label to change and the motion to end. */
async function stepPhase(): Promise<void> {
  const before = (await page.getByTestId('phase-label').count()) === 0 ? null : await label();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => ((await page.getByTestId('phase-label').count()) === 0 ? null : label())).not.toBe(before);
  await page.waitForTimeout(800); // the phase's motion (700 ms when stepping by hand)
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  context = await launch();
  page = await context.newPage();
  await page.goto(inject('baseUrl'));
  await waitUntilIdle(page);
  await page.getByLabel('Step by').selectOption('phase');
  await page.locator('body').click({ position: { x: 2, y: 2 } }); // keys go to the page, not the select
});

afterAll(async () => {
  await context?.close();
});

describe('the backward pass you can watch', () => {
  it('steps one whole step by phase: a new sentence with numbers each phase, the step\'s loss in the header from the loss phase on (step 0\'s before), the graph never moves', async () => {
    const sentences: string[] = [];
    const boxes: string[] = [];
    // Before any step the loss is the step-0 evaluation's, beside its accuracy, and says so.
    const atStart = await headerLoss();
    expect(Number(atStart)).toBeGreaterThan(0);
    expect(await page.getByTestId('loss-of').textContent()).toBe(' · step 0');
    for (let i = 0; i < PHASES.length; i++) {
      await stepPhase();
      expect((await label())!.replace(/:.*/, '').replace(' ', '-')).toBe(PHASES[i]);
      const sentence = await narration();
      expect(sentence).toMatch(/= −?\d/); // an equation with its number
      sentences.push(sentence);
      boxes.push(JSON.stringify(await graphBox()));
      // Before the loss phase, step 1's loss is not computed yet: step 0's is shown, named.
      if (i < 2) expect(`${await headerLoss()}${await page.getByTestId('loss-of').textContent()}`).toBe(`${atStart} · step 0`);
      else expect(await page.getByTestId('loss-of').textContent()).toBe(' · step 1');
      if (i === 2) {
        const node = Number((await page.getByTestId('loss-node-value').textContent())!.replace('−', '-'));
        const header = Number(await headerLoss());
        expect(header).toBeGreaterThan(0);
        expect(Math.abs(header - node)).toBeLessThan(0.005 * header);
        expect(sentence).toContain(`L = ${(await page.getByTestId('loss-node-value').textContent())!}`);
      }
      await page.screenshot({ path: `${SCREENSHOTS}/backward-en-${i + 1}-${PHASES[i]}.png` });
    }
    expect(new Set(sentences).size).toBe(PHASES.length);
    expect(new Set(boxes).size).toBe(1);
    expect(JSON.parse(boxes[0]!).height).toBeGreaterThan(200);
  });

  it('← shows the previous phase of the step again, and the graph still does not move', async () => {
    const box = JSON.stringify(await graphBox());
    await page.keyboard.press('ArrowLeft');
    await expect.poll(label).toMatch(/^backward 1:/);
    expect(await narration()).toMatch(/^Backward, layer 1:/);
    expect(JSON.stringify(await graphBox())).toBe(box);
    await page.keyboard.press('ArrowRight');
    await expect.poll(label).toMatch(/^update:/);
  });

  it('narrates every phase in 简体中文', async () => {
    await page.getByLabel('Language').selectOption('zh');
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    const sentences: string[] = [];
    for (let i = 0; i < PHASES.length; i++) {
      await stepPhase();
      const sentence = await narration();
      expect(sentence).toMatch(/[前损反更]/);
      expect(sentence).toMatch(/= −?\d/); // an equation with its number
      sentences.push(sentence);
      await page.screenshot({ path: `${SCREENSHOTS}/backward-zh-${i + 1}-${PHASES[i]}.png` });
    }
    expect(new Set(sentences).size).toBe(PHASES.length);
    await page.getByLabel('语言').selectOption('en');
  });

  it("animated phases: each phase moves for the speed control's duration, pauses on a phase and goes on", async () => {
    // The toolbar's speed control: animated phases, half a second each.
    await page.getByRole('button', { name: 'Animated phases' }).click();
    await page.getByLabel(/^Seconds per phase/).fill(String(Math.log10(0.5)));
    await page.getByTestId('speed-readout').filter({ hasText: '0.5 s / phase' }).waitFor();
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press(' ');
    const seen = new Set<string>();
    let duration = '';
    await expect
      .poll(
        async () => {
          seen.add(await narration());
          const motion = page.locator('.motion').first();
          if ((await motion.count()) > 0) duration = await motion.evaluate((e) => (e as HTMLElement).style.getPropertyValue('--phase-duration'));
          return seen.size;
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBeGreaterThan(3);
    expect(duration).toBe('500ms');
    await page.keyboard.press(' ');
    await expect.poll(() => page.getByTestId('status').getAttribute('data-status')).toBe('paused');
    const held = await narration();
    await page.waitForTimeout(1000);
    expect(await narration()).toBe(held); // paused: the phase stays
    await page.keyboard.press(' ');
    await expect.poll(narration, { timeout: 10_000 }).not.toBe(held); // and goes on
    await page.keyboard.press(' ');
    await expect.poll(() => page.getByTestId('status').getAttribute('data-status')).toBe('paused');
    await page.getByRole('button', { name: 'Continuous' }).click();
    await fullSpeed(page);
  });
});
