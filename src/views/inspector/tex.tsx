/**
 * Typesetting with KaTeX, and the number formats of the inspector: 5 significant digits, the
 * same text in the typeset formula and in its plain-text alternative.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo, type ReactNode } from 'react';
import { indexText, ordered, type Convention } from '../shared/convention.ts';
import { sup } from '../shared/notation.ts';
import { formatValue } from '../shared/diverging.ts';
import { readableIndices } from '../shared/indices.tsx';
import { worked } from '../shared/worked.ts';

/** A number with 5 significant digits, or `digits` (1.2346·10⁻⁵ below 10⁻³ and from 10⁴), with a true minus sign. */
export function fmt(x: number, digits = 5): string {
  const s = formatValue(x, digits);
  const e = /^(-?[\d.]+)e([+-]\d+)$/.exec(s);
  const exp = e ? Number(e[2]) : 0;
  return (e ? `${e[1]}·10${exp < 0 ? '⁻' : ''}${sup(Math.abs(exp))}` : s).replace(/-/g, '−');
}

/** A number's text (txt) as a table cell shows it: its power of ten (·10⁻⁵) a real superscript, large enough to read. */
export function cell(text: string): ReactNode[] {
  return readableIndices(text);
}

/** The plain-text number; negative ones in parentheses when `paren` (after a · or a −). */
export function txt(x: number, paren = false, digits = 5): string {
  const s = fmt(x, digits);
  return paren && x < 0 ? `(${s})` : s;
}

/** The TeX of a number: 1.2346e-5 becomes 1.2346 × 10⁻⁵. */
export function tex(x: number, paren = false, digits = 5): string {
  if (Number.isNaN(x)) return '\\text{NaN}';
  if (!Number.isFinite(x)) return x > 0 ? '\\infty' : '-\\infty';
  const s = formatValue(x, digits);
  const e = /^(-?[\d.]+)e([+-]\d+)$/.exec(s);
  // Braced, one atom: KaTeX may end a line after a binary operator, and split 3.3847 × | 10⁻⁶ at a phone's width.
  const body = e ? `{${e[1]}\\times 10^{${Number(e[2])}}}` : s;
  return paren && (x < 0 || e !== null) ? `\\left(${body}\\right)` : body;
}

/**
 * A worked line's operands, in TeX and plain text: each with the digits (5 or more) it takes for
 * the operands, computed by hand, to give `result` as shown (shared/worked.ts).
 */
export function workedNumbers(operands: readonly number[], compute: (xs: readonly number[]) => number, result: number) {
  const { digits } = worked(operands, compute, result, fmt, 5);
  return { tex: (x: number, paren = false) => tex(x, paren, digits), txt: (x: number, paren = false) => txt(x, paren, digits) };
}

/**
 * Symbols, in TeX and in plain text, in the screen's convention. Layer l as a superscript,
 * sample s in parentheses; the plain text indexes as the matrices are laid out: x[s][i] and
 * W[i][j] in rows, x[i][s] and W[j][i] in columns (TeX subscripts follow the same order).
 */
export function symbols(convention: Convention) {
  const at = (r: number | string, c: number | string) => indexText(convention, r, c);
  const subscript = (r: number | string, c: number | string) => ordered(convention, r, c).join(',');
  return {
    convention,
    W: (l: number, i: number | string, j: number | string) => ({ tex: `W^{${l}}_{${subscript(i, j)}}`, txt: `W${sup(l)}${at(i, j)}` }),
    b: (l: number, j: number | string) => ({ tex: `b^{${l}}_{${j}}`, txt: `b${sup(l)}[${j}]` }),
    /** The input of layer l: x for l = 1, else aˡ⁻¹. */
    input: (l: number, i: number | string, s: number | string | null) =>
      l === 1
        ? { tex: s === null ? `x_{${i}}` : `x^{(${s})}_{${i}}`, txt: s === null ? `x[${i}]` : `x${at(s, i)}` }
        : { tex: s === null ? `a^{${l - 1}}_{${i}}` : `a^{${l - 1},(${s})}_{${i}}`, txt: s === null ? `a${sup(l - 1)}[${i}]` : `a${sup(l - 1)}${at(s, i)}` },
    delta: (l: number, j: number | string, s: number | string | null) => ({
      tex: s === null ? `\\delta^{${l}}_{${j}}` : `\\delta^{${l},(${s})}_{${j}}`,
      txt: s === null ? `δ${sup(l)}[${j}]` : `δ${sup(l)}${at(s, j)}`,
    }),
    z: (l: number, j: number | string, s: number | string) => ({ tex: `z^{${l},(${s})}_{${j}}`, txt: `z${sup(l)}${at(s, j)}` }),
    /** The output y or the target t of sample s, unit j. */
    output: (name: 'y' | 't', j: number | string, s: number | string) => ({ tex: `${name}^{(${s})}_{${j}}`, txt: `${name}${at(s, j)}` }),
  };
}
export type Symbols = ReturnType<typeof symbols>;

/**
 * A formula typeset by KaTeX, with `label` (the plain-text formula with its numbers) as its
 * accessible text. `display` centres it on its own line.
 */
export function Tex({ tex: source, label, display = false, className }: { tex: string; label: string; display?: boolean; className?: string }) {
  const html = useMemo(() => katex.renderToString(source, { throwOnError: false, displayMode: display, output: 'html' }), [source, display]);
  const Tag = display ? 'div' : 'span';
  return (
    <Tag role="math" aria-label={label} className={`tex${display ? ' tex-display' : ''}${className ? ` ${className}` : ''}`}>
      <span aria-hidden="true" dangerouslySetInnerHTML={{ __html: html }} />
    </Tag>
  );
}

/** A horizontal bar for a signed value, growing right (red, > 0) or left (blue, < 0) from the middle. */
export function Bar({ value, max }: { value: number; max: number }) {
  const share = max > 0 && Number.isFinite(value) ? Math.min(1, Math.abs(value) / max) : 0;
  const side = value < 0 ? { right: '50%' } : { left: '50%' };
  return (
    <span className="bar" aria-hidden="true">
      <span className={`bar-fill ${value < 0 ? 'neg' : 'pos'}`} style={{ ...side, width: `${(share * 50).toFixed(2)}%` }} />
    </span>
  );
}
