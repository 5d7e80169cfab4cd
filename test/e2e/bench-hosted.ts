/**
 * `npm run bench:hosted`: what a class downloads from the built site on a plain static host
 * (static-host.ts counts every response body). Prints, never asserts:
 * - bytes for a first visit to the default experiment, and the initial JavaScript gzipped
 *   (first-load.ts) beside all the page's JavaScript once idle;
 * - bytes for a first switch to MNIST, and the time to a ready MNIST experiment on this
 *   machine's loopback (mostly unpacking and parsing);
 * - the same time with Chromium's network throttled to 20 Mbit/s (CDP
 *   Network.emulateNetworkConditions);
 * - bytes for a second visit (the service worker answers).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, waitUntilIdle } from './browser.ts';
import { buildSite } from './built-site.ts';
import { firstLoadJs } from './first-load.ts';
import { StaticHost } from './static-host.ts';

const log = (m: string) => process.stderr.write(`${m}\n`);
const isMnist = (path: string) => /-ubyte-[\w-]+\.gz$/.test(path);
const kB = (n: number) => `${(n / 1e3).toFixed(1)} kB`;
const MB = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const MBIT = 20;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

async function readyMnist(page: Page): Promise<number> {
  const start = Date.now();
  await page.getByLabel('Experiment').selectOption('mnist-two-layer-relu');
  await page.waitForFunction('document.querySelector(\'[data-testid="status"]\')?.getAttribute("data-status") === "loading"', null, { timeout: 10_000 }).catch(() => {});
  await waitUntilIdleLong(page);
  return (Date.now() - start) / 1000;
}

const waitUntilIdleLong = (page: Page) =>
  page.waitForFunction('document.querySelector(\'[data-testid="status"]\')?.getAttribute("data-status") === "idle"', null, { timeout: 300_000 });

/**
 * Throttles every page, worker and service worker of the browser: the MNIST files travel
 * through the service worker, whose requests a page's own emulation does not slow.
 */
async function throttleAll(browser: Browser): Promise<string[]> {
  const throttled: string[] = [];
  const cdp = await browser.newBrowserCDPSession();
  const conditions = { offline: false, latency: 20, downloadThroughput: (MBIT * 1e6) / 8, uploadThroughput: (MBIT * 1e6) / 8 };
  let id = 0;
  const send = (sessionId: string, method: string, params: object = {}) =>
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method, params }) });
  cdp.on('Target.targetCreated', async ({ targetInfo }) => {
    if (!['page', 'worker', 'service_worker'].includes(targetInfo.type)) return;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: targetInfo.targetId, flatten: false });
    await send(sessionId, 'Network.enable');
    await send(sessionId, 'Network.emulateNetworkConditions', conditions);
    throttled.push(targetInfo.type);
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  return throttled;
}

async function visit(host: StaticHost, throttle: boolean) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const throttled = throttle ? await throttleAll(browser) : [];
  // Throttled, the service worker stays out of the way: Chromium does not reliably slow the
  // requests a service worker makes, so the files come straight to the page and its worker.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: throttle ? 'block' : 'allow' });
  const page = await context.newPage();
  const from = host.log.length;
  const start = Date.now();
  await page.goto(host.url);
  await waitUntilIdle(page);
  const firstReady = (Date.now() - start) / 1000;
  if (!throttle) await page.waitForFunction('navigator.serviceWorker.controller !== null', null, { timeout: 120_000 });
  const scripts = (await page.evaluate("performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js'))")) as string[];
  const firstVisit = host.bytesSince(from);
  const mnistFrom = host.log.length;
  const mnistSeconds = await readyMnist(page);
  const mnist = host.bytesSince(mnistFrom, isMnist);
  const mnistAll = host.bytesSince(mnistFrom);
  const secondFrom = host.log.length;
  const second = await context.newPage();
  await second.goto(host.url);
  await waitUntilIdle(second);
  const secondVisit = throttle ? NaN : host.bytesSince(secondFrom);
  await browser.close();
  if (throttle) log(`throttled: ${throttled.join(', ')}`);
  return { firstReady, scripts, firstVisit, mnist, mnistAll, mnistSeconds, secondVisit };
}

async function main() {
  log('building the site…');
  buildSite();
  const dist = join(process.cwd(), 'dist');
  const host = new StaticHost(dist);
  await host.start();
  try {
    log('a first visit on the loopback…');
    const local = await visit(host, false);
    log(`a first visit at ${MBIT} Mbit/s…`);
    const slow = await visit(host, true);
    const gz = (url: string) => gzipSync(readFileSync(join(dist, url.split('/backprop-lab/')[1]!)), { level: 9 }).length;
    const pageJs = local.scripts.filter((s) => !/\/worker-/.test(s));
    const workerJs = local.scripts.filter((s) => /\/worker-/.test(s));
    const first = firstLoadJs(dist);
    const rows: [string, string][] = [
      ['first visit, default experiment (everything, with the service worker keeping the app)', kB(local.firstVisit)],
      ['initial JavaScript of the page, gzipped (what index.html loads; first-load.ts)', `${kB(first.gzipped)} (${first.files.length} files)`],
      ['all the page’s JavaScript once idle (the other views load in idle time), gzipped', `${kB(pageJs.reduce((s, u) => s + gz(u), 0))} (${pageJs.length} files)`],
      ['the worker script, gzipped', kB(workerJs.reduce((s, u) => s + gz(u), 0))],
      ['first switch to MNIST: the MNIST files', MB(local.mnist)],
      ['first switch to MNIST: everything', MB(local.mnistAll)],
      ['MNIST ready, loopback (choose → ready: unpack + parse)', `${local.mnistSeconds.toFixed(2)} s`],
      [`first visit ready at ${MBIT} Mbit/s`, `${slow.firstReady.toFixed(2)} s`],
      [`MNIST ready at ${MBIT} Mbit/s (choose → ready)`, `${slow.mnistSeconds.toFixed(2)} s (the transfer alone: ${((slow.mnistAll * 8) / (MBIT * 1e6)).toFixed(1)} s)`],
      ['second visit (service worker)', kB(local.secondVisit)],
    ];
    console.log('| figure | measured |\n| --- | ---: |');
    for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
  } finally {
    await host.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
