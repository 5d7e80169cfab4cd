/**
 * Keeps an open question's answer off the screen: every text node and tooltip under `root`
 * (the whole page: graph labels, the phase sentence, readouts, the inspector, whatever view is
 * open) is passed through `mask`, now and whenever the views redraw, until the returned
 * function restores what they wrote. Working on the page's text rather than in each view means
 * every view, present or future, is covered by the question's own definition of its answer.
 * Nodes under `spare` (the question itself) are left alone.
 */
const ATTRIBUTES = ['title', 'aria-label'];

export function hideAnswer(root: Element, spare: (node: Node) => boolean, mask: (text: string) => string | null): () => void {
  // What each changed node or attribute held, and what it was changed to.
  const texts = new Map<Text, { original: string; masked: string }>();
  const attributes = new Map<Element, Map<string, { original: string; masked: string }>>();

  const maskText = (node: Text) => {
    if (spare(node)) return;
    const masked = mask(node.data);
    if (masked === null) return;
    texts.set(node, { original: node.data, masked });
    node.data = masked;
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
