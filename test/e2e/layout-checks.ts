/**
 * What the layout tests check on a page: no horizontal overflow, and no text or control cut
 * off by a box that clips it.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Every visible text node whose box leaves the box of an ancestor that clips (overflow hidden
 * or clip, an SVG viewport): what a reader cannot see and cannot scroll to. Also text beyond
 * the page's right edge. Runs in the page, written as a string so it is not transformed.
 */
export const CLIPPED_TEXT = `(() => {
  const clipped = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const pageRight = document.documentElement.clientWidth;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.textContent.trim() === '') continue;
    const el = node.parentElement;
    if (el === null || el.closest('[aria-hidden="true"], option, script, style, .katex-mathml') !== null) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    // A disclosure's summary may end in an ellipsis: opening it shows the whole text.
    if (style.textOverflow === 'ellipsis' && el.closest('summary') !== null) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const text = range.getBoundingClientRect();
    if (text.width === 0 || text.height === 0) continue;
    const what = node.textContent.trim().slice(0, 40);
    // Beyond the page's right edge, unless inside a box that scrolls sideways (code listings).
    let scrollsSideways = false;
    for (let e = el; e !== null && e !== document.body; e = e.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX)) scrollsSideways = true;
    if (text.right > pageRight + 1 && !scrollsSideways) clipped.push({ text: what, by: 'the page', right: Math.round(text.right) });
    for (let box = el.parentElement ?? el; box !== null && box !== document.body; box = box.parentElement) {
      const overflow = getComputedStyle(box);
      const clips = box instanceof SVGSVGElement || ['hidden', 'clip'].includes(overflow.overflowX) || ['hidden', 'clip'].includes(overflow.overflowY);
      if (!clips) continue;
      const r = box.getBoundingClientRect();
      const outX = text.left < r.left - 1 || text.right > r.right + 1;
      const outY = text.top < r.top - 1 || text.bottom > r.bottom + 1;
      // A box that clips one way and scrolls the other (overflow-x hidden, overflow-y auto): out the way it scrolls is reachable.
      const scrollsX = ['auto', 'scroll'].includes(overflow.overflowX);
      const scrollsY = ['auto', 'scroll'].includes(overflow.overflowY);
      if ((outX || outY) && !(outX && !scrollsX) && !(outY && !scrollsY)) break;
      if (outX || outY) {
        // Text inside a scrolling area that clips is reachable by scrolling it, not cut off.
        const scrolls = (e) => e !== box && e.contains(node) && box.contains(e) && ['auto', 'scroll'].includes(getComputedStyle(e).overflowY);
        let inScroller = false;
        for (let e = el; e !== null && e !== box; e = e.parentElement) if (scrolls(e)) inScroller = true;
        if (!inScroller) clipped.push({ text: what, by: (box.className.baseVal ?? box.className) || box.tagName, box: [r.left, r.top, r.right, r.bottom].map(Math.round), at: [text.left, text.top, text.right, text.bottom].map(Math.round) });
        break;
      }
      // Inside this box, but the box may itself be cut by one further out (an SVG taller than its panel).
    }
  }
  // Controls too: a button, field or tab cut off by a clipping box cannot be used.
  for (const control of document.querySelectorAll('button, select, input, [role="tab"]')) {
    const r = control.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || getComputedStyle(control).visibility === 'hidden') continue;
    const what = control.getAttribute('aria-label') ?? control.textContent.trim().slice(0, 40) ?? control.tagName;
    if (r.right > pageRight + 1) { clipped.push({ control: what, by: 'the page', right: Math.round(r.right) }); continue; }
    for (let box = control.parentElement; box !== null && box !== document.body; box = box.parentElement) {
      const overflow = getComputedStyle(box);
      if (['auto', 'scroll'].includes(overflow.overflowX) || ['auto', 'scroll'].includes(overflow.overflowY)) break;
      if (!['hidden', 'clip'].includes(overflow.overflowX) && !['hidden', 'clip'].includes(overflow.overflowY)) continue;
      const b = box.getBoundingClientRect();
      if (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1) clipped.push({ control: what, by: box.className || box.tagName });
      break;
    }
  }
  return clipped;
})()`;

/** Pairs of the network graph's labels (numbers, targets, the loss) drawn over each other, as text. */
export const OVERLAPPING_GRAPH_LABELS = `(() => {
  const labels = [...document.querySelectorAll('.network-graph svg text')].filter((t) => t.textContent.trim() !== '' && t.getBoundingClientRect().width > 0);
  const boxes = labels.map((t) => t.getBoundingClientRect());
  const pairs = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const a = boxes[i], b = boxes[j];
      // 1 px of slack: glyph boxes include side bearings.
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) pairs.push([labels[i].textContent, labels[j].textContent]);
    }
  return pairs;
})()`;

/**
 * Fractions and partial derivatives broken across two lines ("∂L/" at the end of one, "∂W²" at
 * the start of the next): each word of a text node with a "/" between two characters must lie
 * on one line. As text, with its two line tops.
 */
export const BROKEN_FRACTIONS = `(() => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node.textContent;
    if (!text.includes('/')) continue;
    const el = node.parentElement;
    if (el === null || el.closest('[aria-hidden="true"], option, script, style, title, .katex-mathml') !== null) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    for (const m of text.matchAll(/[^\\s/]+\\/[^\\s/]+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top));
      if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > parseFloat(style.fontSize) / 2) broken.push({ text: m[0], tops, in: (el.className.baseVal ?? el.className) || el.tagName });
    }
  }
  return broken;
})()`;

export const tabNames = (page: Page) => page.getByRole('tab').allTextContents();

export async function expectNothingCut(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${where}: horizontal overflow`).toBeLessThanOrEqual(clientWidth);
  expect(await page.evaluate(CLIPPED_TEXT), `${where}: text cut off`).toEqual([]);
  expect(await page.evaluate(OVERLAPPING_GRAPH_LABELS), `${where}: graph labels over each other`).toEqual([]);
  expect(await page.evaluate(BROKEN_FRACTIONS), `${where}: a fraction broken across lines`).toEqual([]);
}

