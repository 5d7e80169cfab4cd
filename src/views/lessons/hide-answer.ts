/**
 * Keeps an open question's answer off the screen: every text node and tooltip under `root`
 * (the whole page: graph labels, the phase sentence, readouts, the inspector, whatever view is
 * open) is passed through `mask`, now and whenever the views redraw, until the returned
 * function restores what they wrote. Working on the page's text rather than in each view means
 * every view, present or future, is covered by the question's own definition of its answer.
 * Nodes under `spare` (the question itself) are left alone.
 */
const ATTRIBUTES = ['title', 'aria-label'];

/** A mantissa set as "57.2×10" whose power follows in a <sup> (shared/indices.tsx): one number. */
const BASE = /(\d+(?:\.\d+)?)×10$/;
const POWER = /^[−-]?\d{1,3}$/;

/** The text node of the <sup> after a mantissa "57.2×10", if there is one. */
function powerAfter(base: Text): Text | null {
  const sup = base.nextSibling;
  if (!BASE.test(base.data) || !(sup instanceof Element) || sup.tagName !== 'SUP' || !(sup.firstChild instanceof Text)) return null;
  return sup.firstChild;
}

export function hideAnswer(root: Element, spare: (node: Node) => boolean, mask: (text: string) => string | null): () => void {
  // What each changed node or attribute held, and what it was changed to.
  const texts = new Map<Text, { original: string; masked: string }>();
  const attributes = new Map<Element, Map<string, { original: string; masked: string }>>();

  const change = (node: Text, masked: string) => {
    texts.set(node, { original: node.data, masked });
    node.data = masked;
  };
  const maskText = (node: Text) => {
    if (spare(node)) return;
    // A power of ten redrawn alone is read with its mantissa, the text node before its <sup>.
    const before = node.parentElement?.tagName === 'SUP' ? node.parentElement.previousSibling : null;
    if (before instanceof Text) maskPower(before);
    const masked = mask(node.data);
    if (masked !== null) change(node, masked);
    maskPower(node);
  };
  /**
   * "57.2×10" + <sup>−6</sup>: when 57.2e−6 would pass as the answer, the mantissa says "?" and
   * the power goes; a new mantissa that would not pass gets its power back.
   */
  const maskPower = (base: Text) => {
    const power = powerAfter(base);
    if (power === null) return;
    const held = texts.get(power);
    const hidden = held !== undefined && power.data === held.masked;
    const exponent = hidden ? held.original : power.data;
    if (!POWER.test(exponent)) return;
    if (mask(`${BASE.exec(base.data)![1]}e${exponent}`) === '?') {
      change(base, base.data.replace(BASE, '?'));
      if (!hidden) change(power, '');
    } else if (hidden) {
      power.data = held.original;
      texts.delete(power);
    }
  };
  const maskAttribute = (element: Element, name: string) => {
    const value = element.getAttribute(name);
    if (value === null || spare(element)) return;
    const masked = mask(value);
    if (masked === null) return;
    const held = attributes.get(element) ?? new Map<string, { original: string; masked: string }>();
    held.set(name, { original: value, masked });
    attributes.set(element, held);
    element.setAttribute(name, masked);
  };
  const maskUnder = (node: Node) => {
    if (node instanceof Text) return maskText(node);
    if (!(node instanceof Element)) return;
    for (const name of ATTRIBUTES) maskAttribute(node, name);
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      if (n instanceof Text) maskText(n);
      else for (const name of ATTRIBUTES) maskAttribute(n as Element, name);
    }
  };

  maskUnder(root);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') maskText(r.target as Text);
      else if (r.type === 'attributes') maskAttribute(r.target as Element, r.attributeName!);
      else r.addedNodes.forEach(maskUnder);
    }
    observer.takeRecords(); // the masking's own changes
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });

  return () => {
    observer.disconnect();
    // What a view has rewritten since is its own; only what still shows the mask goes back.
    for (const [node, { original, masked }] of texts) if (node.data === masked) node.data = original;
    for (const [element, held] of attributes)
      for (const [name, { original, masked }] of held) if (element.getAttribute(name) === masked) element.setAttribute(name, original);
  };
}
