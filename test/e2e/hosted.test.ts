/**
 * The site as a class gets it from a static host: MNIST travels gzipped and only when asked
 * for, a second visit works with the network off, and a new deployment replaces the cached
 * one. Served by a plain static host (static-host.ts) that counts every response body.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, waitUntilIdle } from './browser.ts';
import { firstLoadJs } from './first-load.ts';
import { StaticHost } from './static-host.ts';

const isMnist = (path: string) => /-ubyte-[\w-]+\.gz$/.test(path);
const MB = 1e6;

let host: StaticHost;
/** The second deployment's build folder, removed at the end. */
let buildB: string | null = null;
let context: BrowserContext;
let page: Page;

/** Waits until a service worker controls the page and has activated. */
const controlled = (p: Page) => p.waitForFunction('navigator.serviceWorker.controller !== null && navigator.serviceWorker.controller.state === "activated"', null, { timeout: 60_000 });

const buildOf = (p: Page) => p.locator('meta[name="backprop-lab-build"]').getAttribute('content');

async function chooseMnist(p: Page): Promise<void> {
  await p.getByLabel('Experiment').selectOption('mnist-two-layer-relu');
  await p.waitForFunction('document.querySelector(\'[data-testid="status"]\')?.getAttribute("data-status") === "loading"', null, { timeout: 30_000 }).catch(() => {});
  await p.waitForFunction('document.querySelector(\'[data-testid="status"]\')?.getAttribute("data-status") === "idle"', null, { timeout: 180_000 });
}

beforeAll(async () => {
  // global-setup has built dist/ (build "local").
  host = new StaticHost(join(process.cwd(), 'dist'));
  await host.start();
  context = await launch();
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await host?.stop();
  if (buildB !== null) rmSync(buildB, { recursive: true, force: true });
});

describe('the first load', () => {
  it('sends under 150 kB of JavaScript, gzipped, before the first screen (the rest loads when wanted)', () => {
    const first = firstLoadJs(host.root);
    console.log(`initial JavaScript, gzipped: ${(first.gzipped / 1e3).toFixed(1)} kB (${first.files.map((f) => `${f.file} ${(f.gzipped / 1e3).toFixed(1)}`).join(', ')})`);
    const entry = /<script\b[^>]*\bsrc="\.\/([^"]+)"/.exec(readFileSync(join(host.root, 'index.html'), 'utf8'))![1];
    expect(first.files[0]!.file).toBe(entry);
    expect(first.gzipped).toBeLessThan(150_000);
  });
});

describe('the hosted site', () => {
  it('loads nothing of MNIST for the default experiment, then under 15 MB of it when asked, the bar counting those bytes', async () => {
    await page.goto(`${host.url}?debug`);
    await waitUntilIdle(page);
    await controlled(page);
    const firstVisit = host.bytesSince(0);
    console.log(`first visit to the default experiment: ${(firstVisit / 1e3).toFixed(0)} kB in ${host.log.length} responses`);
    expect(host.log.filter((s) => isMnist(s.path))).toEqual([]);
    expect(firstVisit).toBeGreaterThan(100_000);

    const before = host.log.length;
    await page.evaluate(`window.progress = {}; window.backpropLab.run.subscribe((s) => { if (s.loading) window.progress[s.loading.total] = s.loading.loaded; });`);
    await chooseMnist(page);
    const mnist = host.bytesSince(before, isMnist);
    // The bar's total for each part is its two files' gzip sizes, and it reached them.
    const assets = join(host.root, 'assets');
    const gz = (prefix: string) => readdirSync(assets).filter((f) => f.startsWith(prefix) && f.endsWith('.gz')).reduce((sum, f) => sum + statSync(join(assets, f)).size, 0);
    const progress = (await page.evaluate('window.progress')) as Record<string, number>;
    expect(progress).toEqual({ [gz('train-')]: gz('train-'), [gz('t10k-')]: gz('t10k-') });
    console.log(`first switch to MNIST: ${(mnist / MB).toFixed(2)} MB`);
    expect(mnist).toBeGreaterThan(10 * MB); // the training images, gzipped, did travel
    expect(mnist).toBeLessThan(15 * MB);
    expect(host.bytesSince(before)).toBeLessThan(15 * MB);
  });

  it('is installable: Chromium finds no installability error (manifest, icons, service worker)', async () => {
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await page.evaluate(`fetch(document.querySelector('link[rel=manifest]').href).then((r) => r.json())`)) as { icons: { src: string; sizes: string }[] };
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });

  it('opens the lab and an MNIST experiment with the network off on a second visit', async () => {
    await page.close();
    await context.setOffline(true);
    const before = host.log.length;
    page = await context.newPage();
    await page.goto(host.url);
    await waitUntilIdle(page);
    await chooseMnist(page);
    await page.getByRole('tab', { name: 'Digits' }).click(); // MNIST's own view
    expect(await page.getByText('input image (28×28)').count()).toBe(1);
    // Nothing of the lab reached the host. (Chromium's own update check of sw.js is not held
    // back by Playwright's offline emulation; with a real network off it simply fails.)
    expect(host.log.slice(before).filter((s) => !s.path.endsWith('/sw.js'))).toEqual([]);
    await context.setOffline(false);
  });

  it('replaces the cached site with a new deployment, all of it at once', async () => {
    expect(await buildOf(page)).toBe('local');
    const versionA = await page.evaluate('caches.keys()');
    // Build the same sources as another deployment, and switch the host to it.
    const outDir = mkdtempSync(join(tmpdir(), 'bpl-build-b-'));
    buildB = outDir;
    const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
    execFileSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn', '--outDir', outDir], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', BACKPROP_LAB_BUILD: 'b' } });
    host.root = outDir;

    await page.reload();
    await waitUntilIdle(page);
    expect(await buildOf(page)).toBe('local'); // the running version stays until the user agrees
    await page.getByTestId('update-notice').waitFor({ timeout: 60_000 });
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.getByTestId('update-notice').getByRole('button').click()]);
    await waitUntilIdle(page);
    expect(await buildOf(page)).toBe('b');
    const appCaches = ((await page.evaluate('caches.keys()')) as string[]).filter((k) => k.startsWith('backprop-lab-app-'));
    expect(appCaches).toHaveLength(1);
    expect(versionA).not.toContain(appCaches[0]);
    // Every script and style the page runs is one of build b's files.
    const bFiles = readFileSync(join(outDir, 'sw.js'), 'utf8');
    const used = (await page.evaluate("performance.getEntriesByType('resource').map((e) => e.name)")) as string[];
    for (const name of used.filter((n) => /\/assets\/.*\.(js|css)$/.test(n))) expect(bFiles).toContain(name.split('/backprop-lab/')[1]);
    // The MNIST files, whose names did not change, stay cached.
    const data = (await page.evaluate("caches.open('backprop-lab-data').then((c) => c.keys()).then((k) => k.map((r) => r.url))")) as string[];
    expect(data.length).toBe(4);
  });
});
