/**
 * TeX as plain Unicode text, for the moment before KaTeX (a lazy chunk) has arrived and for
 * where it cannot: `\frac{\partial L}{\partial W^3}` reads ∂L/∂W³, `\delta^l_j` δˡⱼ, `\tfrac12` ½.
 * It covers the TeX the lessons write (fractions, scripts, Greek letters, operators, \mathrm,
 * \big, spacing); an unknown command shows its name, never a backslash. Index digits come out
 * as Unicode sub- and superscripts, which readableIndices (indices.tsx) sets large on screen.
 */

const SYMBOLS: Readonly<Record<string, string>> = {
  partial: '∂', nabla: '∇', alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', Delta: 'Δ', epsilon: 'ε', varepsilon: 'ε', eta: 'η',
  theta: 'θ', lambda: 'λ', mu: 'μ', pi: 'π', rho: 'ρ', sigma: 'σ', Sigma: 'Σ', tau: 'τ', phi: 'φ', omega: 'ω',
  cdot: '·', times: '×', odot: '⊙', sum: 'Σ', prod: 'Π', top: 'ᵀ', infty: '∞', ldots: '…', cdots: '⋯', dots: '…',
  lVert: '‖', rVert: '‖', Vert: '‖', lvert: '|', rvert: '|', prime: '′', '{': '{', '}': '}', '$': '$', '%': '%', '_': '_',
  ln: 'ln', log: 'log', exp: 'exp', max: 'max', min: 'min', tanh: 'tanh', sign: 'sign', arg: 'arg',
};
/** Relations and binary operators: set with a space each side, as KaTeX spaces them. */
const OPERATORS: Readonly<Record<string, string>> = {
  '=': '=', '+': '+', '-': '−', '<': '<', '>': '>', leftarrow: '←', gets: '←', rightarrow: '→', to: '→', approx: '≈', leq: '≤', le: '≤',
  geq: '≥', ge: '≥', neq: '≠', ne: '≠', in: '∈', pm: '±', odot: '⊙', times: '×',
};
/** Commands that only size or space what follows: dropped (\, \; \quad become one space). */
const SIZING = new Set(['big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'left', 'right', 'displaystyle', 'textstyle', '!']);
const SPACES = new Set([',', ';', ':', ' ', 'quad', 'qquad']);
const TEXT_STYLES = new Set(['mathrm', 'text', 'textrm', 'mathit', 'mathbf', 'boldsymbol', 'operatorname', 'mathsf', 'mathcal']);
const FRACTIONS = new Set(['frac', 'tfrac', 'dfrac']);
const LARGE = new Set(['sum', 'prod']);
const VULGAR: Readonly<Record<string, string>> = { '1/2': '½', '1/3': '⅓', '1/4': '¼', '3/4': '¾' };

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...'0123456789'].map((d, i) => [d, '⁰¹²³⁴⁵⁶⁷⁸⁹'[i]!])),
  '+': '⁺', '−': '⁻', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', ᵀ: 'ᵀ', T: 'ᵀ', i: 'ⁱ', n: 'ⁿ', l: 'ˡ', j: 'ʲ', k: 'ᵏ', m: 'ᵐ', L: 'ᴸ', t: 'ᵗ', a: 'ᵃ', b: 'ᵇ', x: 'ˣ', '′': '′', "'": '′',
};
const SUBSCRIPT: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...'0123456789'].map((d, i) => [d, '₀₁₂₃₄₅₆₇₈₉'[i]!])),
  '+': '₊', '−': '₋', '-': '₋', '=': '₌', '(': '₍', ')': '₎', a: 'ₐ', e: 'ₑ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', s: 'ₛ', t: 'ₜ', x: 'ₓ',
};

/** Each character in its script form, or null when one has none (then the script is written ^(…) or _(…)). */
function script(text: string, forms: Readonly<Record<string, string>>): string | null {
  let out = '';
  for (const c of text.replace(/\s+/g, '')) {
    const f = forms[c];
    if (f === undefined) return null;
    out += f;
  }
  return out;
}

/** A fraction's part: in parentheses unless it is one term (∂L, 1, m, W³). */
function part(text: string): string {
  return /^∂?[\p{L}\d.][\p{L}\p{M}\d.ᵀ⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉ᵢⱼₖₗₘₙˡⁱʲᵏᵐᴸ⁻₋′]*$/u.test(text) && !/^\d+\p{L}/u.test(text) ? text : `(${text})`;
}

class Reader {
  private i = 0;
  constructor(private readonly tex: string) {}

  /** Everything up to the end, or to the closing brace of the group being read (`closing`). */
  sequence(closing: boolean): string {
    let out = '';
    while (this.i < this.tex.length) {
      const c = this.tex[this.i]!;
      if (c === '}') {
        this.i++;
        if (closing) return out;
        continue; // a stray closing brace
      }
      out += this.atom(out);
    }
    return out;
  }

  /** One argument of a command or script: a group, a command or one character. */
  argument(): string {
    while (this.tex[this.i] === ' ') this.i++;
    const c = this.tex[this.i];
    if (c === undefined) return '';
    if (c === '{') {
      this.i++;
      return this.sequence(true).trim();
    }
    return this.atom('').trim();
  }

  private atom(before: string): string {
    const c = this.tex[this.i]!;
    this.i++;
    if (c === '{') return this.sequence(true);
    if (c === ' ' || c === '\n' || c === '\t' || c === '&') return '';
    if (c === '~') return ' ';
    if (c === '^' || c === '_') {
      const arg = this.argument();
      const forms = c === '^' ? SUPERSCRIPT : SUBSCRIPT;
      return script(arg, forms) ?? `${c}(${arg})`;
    }
    if (c === "'") return '′';
    if (c === ',') return ', ';
    if (c === '\\') return this.command(before);
    const op = OPERATORS[c];
    if (op !== undefined) {
      // A sign (after nothing, an opening bracket or another operator) takes no spaces.
      const unary = (c === '-' || c === '+') && /(^|[([{,=+−←→≈≤≥<>]\s*)$/.test(before);
      return unary ? op : ` ${op} `;
    }
    return c;
  }

  private command(before: string): string {
    const m = /^[a-zA-Z]+|^./s.exec(this.tex.slice(this.i));
    if (m === null) return '';
    const name = m[0];
    this.i += name.length;
    if (SPACES.has(name)) return ' ';
    if (SIZING.has(name)) {
      if (this.tex[this.i] === '.') this.i++; // \left. is an empty delimiter
      return '';
    }
    if (FRACTIONS.has(name)) {
      const top = this.argument();
      const bottom = this.argument();
      // A number over something is a factor, written (1/m) as the lab's own formulas write it.
      return VULGAR[`${top}/${bottom}`] ?? (/^\d+$/.test(top) ? `(${top}/${part(bottom)})` : `${part(top)}/${part(bottom)}`);
    }
    if (TEXT_STYLES.has(name)) return this.argument();
    if (name === 'sqrt') return `√${part(this.argument())}`;
    if (name === 'hat') return `${this.argument()}\u0302`;
    if (name === '\\') return ' ';
    const op = OPERATORS[name];
    if (op !== undefined) return ` ${op} `;
    if (LARGE.has(name)) {
      // Σ with its limits, then a space before what it sums.
      let limits = '';
      while (this.tex[this.i] === '_' || this.tex[this.i] === '^') limits += this.atom('');
      return `${SYMBOLS[name]}${limits} `;
    }
    const symbol = SYMBOLS[name] ?? name;
    // A function's name keeps a space before its argument unless a bracket follows (ln y, max(0, z)).
    if (!/^\p{L}{2,}$/u.test(symbol)) return symbol;
    return `${/[^\s([{]$/.test(before) ? ' ' : ''}${symbol}${/^\s*[([{]/.test(this.tex.slice(this.i)) ? '' : ' '}`;
  }
}

/** The TeX as plain text, spaced as it is set: `\delta^3 = (y - t)\,\sigma'(z^3)` → "δ³ = (y − t) σ′(z³)". */
export function texAsText(tex: string): string {
  return new Reader(tex)
    .sequence(false)
    .replace(/ {2,}/g, ' ')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .trim();
}
