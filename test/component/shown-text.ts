/**
 * An element's text as the reader sees it: index digits drawn as <sub>/<sup> (views/shared/
 * indices.tsx) are read back as the Unicode sub- and superscripts they stand for, so δ<sup>2</sup><sub>6</sub> reads δ²₆.
 */
const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function shownText(element: Element | null): string | null {
  if (element === null) return null;
  const copy = element.cloneNode(true) as Element;
  for (const index of copy.querySelectorAll('sub, sup')) {
    const digits = index.tagName === 'SUB' ? SUBSCRIPT : SUPERSCRIPT;
    index.textContent = [...(index.textContent ?? '')].map((c) => (/\d/.test(c) ? digits[Number(c)] : c)).join('');
  }
  return copy.textContent;
}
