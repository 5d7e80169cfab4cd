/**
 * Pictures of what is on the screen: an SVG view as a standalone SVG file (its CSS written
 * into each element, since the file travels without the lab's style sheets), and any view as
 * a PNG at twice its size on the screen, for slides. A PNG is drawn from the view's own
 * pieces: each canvas (sharp cells stay sharp), each SVG (rasterised from its standalone text) and
 * each line of text, at their places on the screen.
 */

/** The presentation properties an SVG file needs to look as it does in the lab. */
const SVG_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
] as const;

/** The colour behind an element: the first ancestor with a background, or white. */
function backgroundOf(el: Element): string {
  for (let e: Element | null = el; e !== null; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg !== '' && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return '#ffffff';
}

/**
 * The SVG element as a standalone file, its styles inlined, controls (foreignObject) left out;
 * on the colour behind it unless `transparent` (an SVG drawn over a canvas).
 */
export function svgMarkup(svg: SVGSVGElement, transparent = false): string {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const cs = getComputedStyle(original);
    copies[i]!.setAttribute('style', SVG_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';'));
    copies[i]!.removeAttribute('class');
  });
  for (const f of clone.querySelectorAll('foreignObject')) f.remove();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  if (!clone.hasAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height)}`);
  if (!transparent) {
    const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    bg.setAttribute('width', '100%');
    bg.setAttribute('height', '100%');
    bg.setAttribute('fill', backgroundOf(svg));
    clone.insertBefore(bg, clone.firstChild);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

async function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svgMarkup(svg, true)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    const loaded = new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('an SVG of the view could not be drawn'));
      setTimeout(() => reject(new Error('an SVG of the view took too long to draw')), 10_000);
    });
    img.src = url;
    await loaded;
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

type Piece =
  | { kind: 'image'; source: CanvasImageSource; rect: DOMRect; sharp: boolean }
  | { kind: 'text'; text: string; rect: DOMRect; font: string; size: number; color: string };

/** The canvases, SVGs and text of `root`, in document order (later ones are drawn on top). */
async function piecesOf(root: Element): Promise<Piece[]> {
  const pieces: Piece[] = [];
  const visit = async (node: Node): Promise<void> => {
    if (node instanceof HTMLCanvasElement) {
      const rect = node.getBoundingClientRect();
      // Cells stay sharp where the screen shows them so (image-rendering: pixelated).
      if (rect.width > 0) pieces.push({ kind: 'image', source: node, rect, sharp: getComputedStyle(node).imageRendering === 'pixelated' });
    } else if (node instanceof SVGSVGElement) {
      const rect = node.getBoundingClientRect();
      if (rect.width > 0) pieces.push({ kind: 'image', source: await svgImage(node), rect, sharp: false });
    } else if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (text === '' || parent === null) return;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      const cs = getComputedStyle(parent);
      if (rect.width > 0 && cs.visibility !== 'hidden') pieces.push({ kind: 'text', text, rect, font: `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`, size: parseFloat(cs.fontSize), color: cs.color });
    } else if (node instanceof HTMLElement && !(node instanceof HTMLSelectElement || node instanceof HTMLButtonElement || node instanceof HTMLInputElement)) {
      for (const child of node.childNodes) await visit(child);
    }
  };
  await visit(root);
  return pieces;
}

function toPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b === null ? reject(new Error('the picture could not be encoded as PNG')) : resolve(b)), 'image/png'));
}

/** Lines of `text` no wider than `width` (a line wrapped on the screen wraps here too). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return [...lines, line];
}

/**
 * A PNG of an element at `scale` times its size on the screen. An element that scrolls is
 * drawn whole, the part scrolled out of sight included.
 */
export async function elementPng(root: Element, scale = 2): Promise<Blob> {
  const box = root.getBoundingClientRect();
  const width = Math.max(box.width, root.scrollWidth);
  const height = Math.max(box.height, root.scrollHeight);
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('no 2-D canvas to draw the picture on');
  ctx.scale(scale, scale);
  ctx.fillStyle = backgroundOf(root);
  ctx.fillRect(0, 0, width, height);
  const pieces = root instanceof SVGSVGElement ? [{ kind: 'image' as const, source: await svgImage(root), rect: box, sharp: false }] : await piecesOf(root);
  for (const p of pieces) {
    const x = p.rect.left - box.left + root.scrollLeft;
    const y = p.rect.top - box.top + root.scrollTop;
    if (p.kind === 'image') {
      ctx.imageSmoothingEnabled = !p.sharp;
      ctx.drawImage(p.source, x, y, p.rect.width, p.rect.height);
    } else {
      ctx.font = p.font;
      ctx.fillStyle = p.color;
      ctx.textBaseline = 'top';
      const lines = wrap(ctx, p.text, Math.max(p.rect.width, 1) + 1);
      const lineHeight = p.rect.height / lines.length;
      lines.forEach((line, i) => ctx.fillText(line, x, y + i * lineHeight + (lineHeight - p.size) / 2));
    }
  }
  return toPng(canvas);
}

/** Hands a file to the browser's download. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
