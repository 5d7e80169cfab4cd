/**
 * `npm run bench:csv`: the page's long tasks around a 20 MB CSV, in the built site, from
 * choosing the file through 2.5 s of training at full speed. The script only clicks and waits
 * (no polling of the page's text, which is itself main-thread work), so what it counts is the
 * lab's. Prints figures; asserts nothing. `--runs N` (default 3).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { bigCsv } from './big-csv-text.ts';
import { buildSite, serveSite } from './built-site.ts';
import { launch, MAIN_THREAD_PROBE, READ_AND_RESET_PROBE, waitUntilIdle, type ProbeReading } from './browser.ts';

async function main() {
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) : 3;
  const path = join(mkdtempSync(join(tmpdir(), 'bpl-bench-csv-')), 'big.csv');
  writeFileSync(path, bigCsv());
  buildSite();
  const site = await serveSite();
  try {
    for (let run = 1; run <= runs; run++) {
      const context = await launch();
      const page = await context.newPage();
      await page.addInitScript({ content: MAIN_THREAD_PROBE });
      await page.goto(site.url);
      await waitUntilIdle(page);
      await page.getByRole('tab', { name: 'Settings' }).click();
      await page.waitForTimeout(1000);
      await page.evaluate(READ_AND_RESET_PROBE);
      await page.locator('input[type="file"][accept^=".csv"]').setInputFiles(path);
      await page.waitForTimeout(8000); // read, parsed and built in the worker: 1.5 – 2 s here
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForTimeout(2500);
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.waitForTimeout(300);
      const { longTasks } = (await page.evaluate(READ_AND_RESET_PROBE)) as ProbeReading;
      const steps = await page.getByTestId('step').textContent();
      console.log(`run ${run}: ${longTasks.length} tasks over 50 ms${longTasks.length ? ` (${longTasks.map((t) => t.toFixed(0)).join(', ')} ms)` : ''}; ${steps} steps trained; load average ${loadavg()[0]!.toFixed(1)}`);
      await context.close();
    }
  } finally {
    await site.close();
  }
}

await main();
