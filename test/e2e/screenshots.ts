/**
 * `npm run screenshots`: every tab of the flower experiment at 1280×720, 1920×1080, 1024×768
 * and 390×844 (and 1280×720 at 150 % zoom), light and dark, English and 简体中文, after two
 * steps; plus presenter mode. For looking at, before calling the screen done: they go to
 * screenshots/all/ (git-ignored). Options: --no-build (serve the last build), --only=<size
 * substring>, e.g. --only=390; --docs instead writes README's two pictures (docs/*.png, 960×540):
 * the flower trained at full speed for a few seconds, at 1280×720 and in presenter mode at 1920×1080.
 */
import { mkdirSync } from 'node:fs';
import { findPreset } from '../../src/presets/catalog.ts';
import { encodeLink } from '../../src/store/link.ts';
import { buildSite, serveSite } from './built-site.ts';
import { fullSpeed, launch, SCREENSHOTS, waitUntilIdle } from './browser.ts';

const OUT = `${SCREENSHOTS}/all`;
const SCREENS = [
  { name: '1280x720', viewport: { width: 1280, height: 720 }, scale: 1 },
  { name: '1920x1080', viewport: { width: 1920, height: 1080 }, scale: 1 },
  { name: '1024x768', viewport: { width: 1024, height: 768 }, scale: 1 },
  { name: '390x844', viewport: { width: 390, height: 844 }, scale: 1 },
  { name: '1280x720-zoom150', viewport: { width: 853, height: 480 }, scale: 1.5 },
];
const VIEWS = [
  ['light', 'en'],
  ['dark', 'en'],
  ['light', 'zh'],
  ['dark', 'zh'],
] as const;

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}`));
const only = arg('only=')?.split('=')[1];
const log = (m: string) => process.stderr.write(`${m}\n`);

async function main() {
  if (arg('no-build') === undefined) {
    log('building the site…');
    buildSite();
  }
  const site = await serveSite();
  const base = site.url;
  const flower = findPreset('planar-2-4-1')!;
  mkdirSync(OUT, { recursive: true });
  try {
    if (arg('docs') !== undefined) return await docs(base);
    for (const screen of SCREENS.filter((s) => only === undefined || s.name.includes(only))) {
      const context = await launch(screen.viewport, screen.scale);
      try {
        for (const [theme, language] of VIEWS) {
          const page = await context.newPage();
          await page.goto(`${base}#${encodeLink(flower, { theme, language })}`);
          await waitUntilIdle(page);
          const step = page.getByRole('button', { name: language === 'en' ? 'Step' : '单步' });
          await step.click();
          await step.click();
          const tabs = await page.getByRole('tab').allTextContents();
          for (const [index, tab] of tabs.entries()) {
            await page.getByRole('tab', { name: tab, exact: true }).click();
            await page.waitForLoadState('networkidle'); // a tab's view may load on first use
            await page.waitForTimeout(200);
            const path = `${OUT}/${screen.name}-${theme}-${language}-${index}.png`;
            const fullPage = screen.viewport.width < 720 || screen.viewport.height < 620;
            // A whole page is taken from the top: scrolled, the phone's sticky toolbar would be drawn mid-page.
            if (fullPage) await page.evaluate('window.scrollTo(0, 0)');
            await page.screenshot({ path, fullPage });
            log(path);
          }
          if (screen.scale === 1 && screen.viewport.width >= 1024) {
            await page.getByRole('switch', { name: language === 'en' ? 'Presenter' : '演示模式' }).click();
            await page.waitForTimeout(300);
            const path = `${OUT}/${screen.name}-${theme}-${language}-presenter.png`;
            await page.screenshot({ path });
            log(path);
          }
          await page.close();
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await site.close();
  }
}

/** README's pictures, each 960×540 (the page at 1280×720 and 1920×1080, scaled down). */
async function docs(base: string) {
  for (const [viewport, presenter, path] of [
    [{ width: 1280, height: 720 }, false, 'docs/screen-1280x720.png'],
    [{ width: 1920, height: 1080 }, true, 'docs/presenter-1920x1080.png'],
  ] as const) {
    const context = await launch(viewport, 960 / viewport.width);
    try {
      const page = await context.newPage();
      await page.goto(`${base}#${encodeLink(findPreset('planar-2-4-1')!, { presenter })}`);
      await waitUntilIdle(page);
      await fullSpeed(page);
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForTimeout(4000);
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.waitForTimeout(500);
      await page.screenshot({ path });
      log(path);
    } finally {
      await context.close();
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
