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
    index.textContent = [...(index.textContent ?? '')].map((c) => (/\d/.test(c) ? digits[Number(c)] : c === '−' ? '⁻' : c)).join('');
  }
  return copy.textContent;
}

/**
 * A getByText matcher for a text that the screen sets in pieces (a fraction kept whole in its own
 * span, views/shared/indices.tsx): the innermost element whose whole text it is.
 */
export const wholeText = (text: string) => (_: string, el: Element | null) => el !== null && el.textContent === text && [...el.children].every((c) => c.textContent !== text);
