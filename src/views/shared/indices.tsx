/**
 * Index digits written as Unicode sub- and superscripts (δ²₆, a¹₃) are about 6 px tall in 13 px
 * type, where ₀, ₆ and ₈ cannot be told apart (a teacher read δ²₆ as δ²₀). Text goes through
 * here on its way to the screen: each run of them becomes ordinary digits in <sub> or <sup>,
 * 0.8 em tall. The text itself (titles, messages, tests) keeps the Unicode form.
 */
import type { ReactNode } from 'react';

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const RUN = /[₀-₉]+|[⁰¹²³⁴-⁹]+/g;

export function readableIndices(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let from = 0;
  for (const match of text.matchAll(RUN)) {
    const run = match[0];
    if (match.index > from) out.push(text.slice(from, match.index));
    const sub = SUBSCRIPT.includes(run[0]!);
    const digits = [...run].map((c) => String((sub ? SUBSCRIPT : SUPERSCRIPT).indexOf(c))).join('');
    out.push(sub ? <sub key={match.index}>{digits}</sub> : <sup key={match.index}>{digits}</sup>);
    from = match.index + run.length;
  }
  if (from < text.length) out.push(text.slice(from));
  return out;
}
