/**
 * Index digits written as Unicode sub- and superscripts (δ²₆, a¹₃) are about 6 px tall in 13 px
 * type, where ₀, ₆ and ₈ cannot be told apart (a teacher read δ²₆ as δ²₀). Text goes through
 * here on its way to the screen: each run of them becomes ordinary digits in <sub> or <sup>,
 * 0.8 em tall. The text itself (titles, messages, tests) keeps the Unicode form. So does a
 * number's power of ten (57.2e−6 is set as 57.2×10 with −6 in a <sup>).
 *
 * Fractions are kept whole on the way too: a browser may end a line after "/", which split
 * ∂L/∂W² into "∂L/" and "∂W²" in a narrow column. A word that holds a "/" between two
 * characters (∂L/∂W², (1/m)·a¹ᵀ·δ², ∂Lᵢ/∂zᵢ) is set in a span that does not wrap.
 */
import type { ReactNode } from 'react';

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/**
 * A run of index digits (a superscript one may start with ⁻, as in 10⁻⁶), or a number in the
 * compact notation of the graph's labels (57.2e−6, 5.720e-5: formatEngineering, formatValue),
 * which a student reads as 57.2×10⁻⁶: it is set so, with the exponent a real superscript
 * (a sentence's full stop may follow it).
 */
const RUN = /(?<![\p{L}\d_.])(\d+(?:\.\d+)?)e([−-]?\d{1,3})(?![\p{L}\d_]|\.\d)|[₀-₉]+|⁻?[⁰¹²³⁴-⁹]+/gu;

/**
 * A word with a "/" inside it: no space, no CJK character (a sentence in 简体中文 has no spaces
 * and may break anywhere else), at most 16 characters each side of a "/" (so a long path still
 * wraps rather than overflow a phone's column).
 */
const FRACTION = /[^\s/\u3000-\u9fff\uff00-\uffef]{1,16}(?:\/[^\s/\u3000-\u9fff\uff00-\uffef]{1,16})+/g;

function withIndices(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  let from = 0;
  for (const match of text.matchAll(RUN)) {
    const run = match[0];
    if (match.index > from) out.push(text.slice(from, match.index));
    from = match.index + run.length;
    if (match[1] !== undefined) {
      out.push(`${match[1]}×10`, <sup key={`${key}${match.index}`}>{match[2]!.replace('-', '−')}</sup>);
      continue;
    }
    const sub = SUBSCRIPT.includes(run[0]!);
    const digits = [...run].map((c) => (c === '⁻' ? '−' : String((sub ? SUBSCRIPT : SUPERSCRIPT).indexOf(c)))).join('');
    out.push(sub ? <sub key={`${key}${match.index}`}>{digits}</sub> : <sup key={`${key}${match.index}`}>{digits}</sup>);
  }
  if (from < text.length) out.push(text.slice(from));
  return out;
}

/** The text with each fraction word in a span that does not wrap, the rest set by `inner`. */
function keepingFractions(text: string, inner: (part: string, key: string) => ReactNode[]): ReactNode[] {
  const out: ReactNode[] = [];
  let from = 0;
  for (const match of text.matchAll(FRACTION)) {
    if (match.index > from) out.push(...inner(text.slice(from, match.index), `t${from}:`));
    out.push(
      <span key={`f${match.index}`} className="unbroken" style={{ whiteSpace: 'nowrap' }}>
        {inner(match[0], `f${match.index}:`)}
      </span>,
    );
    from = match.index + match[0].length;
  }
  if (from < text.length) out.push(...inner(text.slice(from), `t${from}:`));
  return out;
}

/** Index digits as <sub>/<sup>, fractions kept whole. */
export function readableIndices(text: string): ReactNode[] {
  return keepingFractions(text, withIndices);
}

/** Fractions kept whole, the text otherwise as it is (where the indices stay Unicode, as in the inspector's plain lines). */
export function unbrokenFractions(text: string): ReactNode[] {
  return keepingFractions(text, (part) => [part]);
}
