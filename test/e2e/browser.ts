/** Launches Debian's Chromium headless through playwright-core, with a fresh profile. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** `deviceScaleFactor` 1.5 with a viewport of 2/3 the window is what Chromium's 150 % page zoom does. */
export async function launch(viewport = { width: 1280, height: 720 }, deviceScaleFactor = 1): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bpl-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    deviceScaleFactor,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Where screenshots go (git-ignored). */
export const SCREENSHOTS = 'screenshots';

/** Waits until the lab says it is ready (the engine has built the experiment). */
export async function waitUntilIdle(page: Page): Promise<void> {
  await page.waitForFunction("document.querySelector('[data-testid=\"status\"]')?.getAttribute('data-status') === 'idle'", null, { timeout: 30_000 });
}

/**
 * A main-thread probe, injected before the page's own scripts: long tasks (PerformanceObserver),
 * frame intervals (requestAnimationFrame) and the worst lateness of a 20 ms timer. Written as a
 * plain string: a function passed from TypeScript would be transformed (names wrapped in
 * helpers the page does not have).
 */
export const MAIN_THREAD_PROBE = `
  window.probe = { longTasks: [], frames: [], pings: 0, worstDelay: 0 };
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { window.probe.longTasks.push(e.duration); });
  }).observe({ type: 'longtask', buffered: true });
  var lastFrame = performance.now();
  requestAnimationFrame(function frame(now) {
    window.probe.frames.push(now - lastFrame);
    lastFrame = now;
    requestAnimationFrame(frame);
  });
  var expected = performance.now() + 20;
  setTimeout(function ping() {
    var now = performance.now();
    window.probe.pings++;
    window.probe.worstDelay = Math.max(window.probe.worstDelay, now - expected);
    expected = now + 20;
    setTimeout(ping, 20);
  }, 20);
`;

export interface ProbeReading {
  longTasks: number[];
  frames: number[];
  pings: number;
  worstDelay: number;
}

/** Reads the probe, then clears it: `reset` starts a new measuring window. */
export const READ_AND_RESET_PROBE = `(() => {
  const p = window.probe;
  const out = { longTasks: p.longTasks, frames: p.frames, pings: p.pings, worstDelay: p.worstDelay };
  window.probe = Object.assign(p, { longTasks: [], frames: [], pings: 0, worstDelay: 0 });
  return out;
})()`;

/**
 * Sets Play to full speed with the toolbar's speed slider (its top notch): the 2-D presets start
 * at a speed a class can follow, far too slow for a test that trains thousands of steps.
 */
export async function fullSpeed(page: Page): Promise<void> {
  const slider = page.getByLabel(/^Steps per second/);
  await slider.fill((await slider.getAttribute('max'))!);
  await page.getByTestId('speed-readout').filter({ hasText: 'full speed' }).waitFor({ timeout: 5000 });
}

/**
 * An element's text as the reader sees it, index digits drawn as <sub>/<sup> (views/shared/
 * indices.tsx) read back as Unicode sub- and superscripts (δ<sup>2</sup> reads δ², 57.2×10<sup>−6</sup>
 * reads 57.2×10⁻⁶), as test/component/shown-text.ts does: a function
 * written as a string (so it is not transformed), to call in page.evaluate(`(${SHOWN_TEXT})(element)`).
 */
export const SHOWN_TEXT = `(element) => {
  const copy = element.cloneNode(true);
  for (const index of copy.querySelectorAll('sub, sup')) {
    const digits = index.tagName === 'SUB' ? '₀₁₂₃₄₅₆₇₈₉' : '⁰¹²³⁴⁵⁶⁷⁸⁹';
    index.textContent = Array.from(index.textContent).map((c) => (/[0-9]/.test(c) ? digits[Number(c)] : c === '−' ? '⁻' : c)).join('');
  }
  return copy.textContent;
}`;
