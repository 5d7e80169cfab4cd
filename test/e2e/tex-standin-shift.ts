/**
 * How far a lesson's paragraphs move when KaTeX (a lazy chunk) arrives, for the two things that
 * can stand in until then: the TeX source, and the same formula as plain Unicode (texAsText, set
 * through readableIndices as the screen sets text). Every English lesson paragraph with TeX is
 * set three ways in Chromium at a phone's and a panel's width, with KaTeX's own CSS; prints the
 * change in each paragraph's height. Run: npx tsx test/e2e/tex-standin-shift.ts
 */
import katex from 'katex';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { LESSONS } from '../../src/lessons/catalog.ts';
import { splitTex } from '../../src/lessons/tex.ts';
import { readableIndices } from '../../src/views/shared/indices.tsx';
import { texAsText } from '../../src/views/shared/tex-text.ts';
import { launch } from './browser.ts';

type How = 'source' | 'standin' | 'katex';
const html = (nodes: ReturnType<typeof readableIndices>) => renderToStaticMarkup(createElement(Fragment, null, ...nodes));
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function paragraph(text: string, how: How): string {
  return splitTex(text)
    .map((p) => {
      if (p.kind === 'text') return html(readableIndices(p.text));
      if (how === 'source') return `<code class="lesson-tex-source">${escape(p.tex)}</code>`;
      if (how === 'standin') return `<span class="lesson-tex-standin">${html(readableIndices(texAsText(p.tex)))}</span>`;
      return `<span class="lesson-tex">${katex.renderToString(p.tex, { throwOnError: false, output: 'htmlAndMathml' })}</span>`;
    })
    .join('');
}

const texts: string[] = [];
const walk = (v: unknown): void => {
  if (typeof v === 'string') {
    if (splitTex(v).some((p) => p.kind === 'tex') && !/[\u3000-\u9fff]/.test(v)) texts.push(v);
  } else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
};
walk(LESSONS);

const css = resolve('node_modules/katex/dist/katex.min.css');
const context = await launch({ width: 900, height: 700 });
const page = await context.newPage();
for (const width of [340, 600]) {
  const style = `body{font:15px/1.5 "DejaVu Sans",sans-serif;margin:0} p{width:${width}px;margin:0 0 8px} sub,sup{font-size:0.8em} .lesson-tex-source{font-size:0.95em} .lesson-tex .katex{font-size:1.05em}`;
  const body = texts.flatMap((t, i) => (['source', 'standin', 'katex'] as const).map((how) => `<p data-i="${i}" data-how="${how}">${paragraph(t, how)}</p>`)).join('');
  const file = join(mkdtempSync(join(tmpdir(), 'bpl-tex-')), 'page.html');
  writeFileSync(file, `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="file://${css}"><style>${style}</style></head><body>${body}</body></html>`);
  await page.goto(`file://${file}`);
  await page.evaluate('document.fonts.ready');
  const heights = (await page.evaluate(`[...document.querySelectorAll('p')].map((p) => [Number(p.dataset.i), p.dataset.how, p.getBoundingClientRect().height])`)) as [number, How, number][];
  const of: Record<How, number>[] = [];
  for (const [i, how, h] of heights) (of[i] ??= {} as Record<How, number>)[how] = h;
  const moves = (how: How) => of.map((h) => Math.abs(h[how] - h.katex));
  const summary = (how: How) => {
    const m = moves(how);
    return `mean ${(m.reduce((a, b) => a + b, 0) / m.length).toFixed(1)} px, worst ${Math.max(...m).toFixed(1)} px, none in ${m.filter((d) => d < 1).length}`;
  };
  console.log(`${of.length} paragraphs at ${width} px: when KaTeX arrives, after the TeX source ${summary('source')}; after the plain stand-in ${summary('standin')}`);
}
await context.close();
