/** Index digits are drawn as <sub>/<sup> digits, large enough to tell ₀ from ₆ at 13 px. */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { readableIndices } from '../../../src/views/shared/indices.tsx';
import { shownText } from '../shown-text.ts';

afterEach(cleanup);

describe('readableIndices', () => {
  it('turns each run of sub- or superscript digits into one <sub> or <sup> of ordinary digits', () => {
    const { container } = render(<p>{readableIndices('For sample 0: δ²₆ = 0.1 − 1 = −0.9, a¹₃₀ = tanh(z¹₃₀), Σᵢ δ²ᵢ')}</p>);
    const p = container.querySelector('p')!;
    expect([...p.querySelectorAll('sup')].map((e) => e.textContent)).toEqual(['2', '1', '1', '2']);
    expect([...p.querySelectorAll('sub')].map((e) => e.textContent)).toEqual(['6', '30', '30']);
    expect(p.textContent).toBe('For sample 0: δ26 = 0.1 − 1 = −0.9, a130 = tanh(z130), Σᵢ δ2ᵢ'); // letters (ᵢ) stay as they are
    expect(shownText(p)).toBe('For sample 0: δ²₆ = 0.1 − 1 = −0.9, a¹₃₀ = tanh(z¹₃₀), Σᵢ δ²ᵢ');
  });

  it('leaves text without index digits or fractions as it is', () => {
    expect(readableIndices('W ← W − η·g, b ← b − η·g')).toEqual(['W ← W − η·g, b ← b − η·g']);
    expect(readableIndices('')).toEqual([]);
  });

  it('keeps every fraction and partial derivative on one line: each word with a "/" in it does not wrap', () => {
    const text = 'δ² = y − t,  ∂L/∂W² = (1/m)·a¹ᵀ·δ²,  ∂L/∂b² = (1/m)·Σᵢ δ²ᵢ; W ← W − η·∂L/∂W';
    const { container } = render(<p>{readableIndices(text)}</p>);
    const p = container.querySelector('p')!;
    const whole = [...p.querySelectorAll('span.unbroken')];
    expect(whole.map((e) => shownText(e))).toEqual(['∂L/∂W²', '(1/m)·a¹ᵀ·δ²,', '∂L/∂b²', '(1/m)·Σᵢ', 'η·∂L/∂W']);
    for (const e of whole) expect((e as HTMLElement).style.whiteSpace).toBe('nowrap');
    // Every "/" of the text is inside one of them, and the text reads as before.
    expect([...p.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).some((n) => n.textContent!.includes('/'))).toBe(false);
    expect(shownText(p)).toBe(text);
  });

  it('keeps a sentence in 简体中文 free to wrap: the unbroken part stops at the Chinese characters', () => {
    const { container } = render(<p>{readableIndices('整批：∂L/∂W¹[0][1]，来自反向传播')}</p>);
    expect([...container.querySelectorAll('span.unbroken')].map((e) => shownText(e))).toEqual(['∂L/∂W¹[0][1]']);
  });

  it('sets a number’s power of ten as ×10 with a real superscript: 57.2e−6 and 5.720e-5 as a student writes them', () => {
    const { container } = render(<p>{readableIndices('δ = 57.2e−6, w = −5.720e-5, 10⁻⁶ and 1e3; not W2e3 or 0x1e3 or δ²₆e')}</p>);
    const p = container.querySelector('p')!;
    expect(shownText(p)).toBe('δ = 57.2×10⁻⁶, w = −5.720×10⁻⁵, 10⁻⁶ and 1×10³; not W2e3 or 0x1e3 or δ²₆e');
    expect([...p.querySelectorAll('sup')].map((e) => e.textContent)).toEqual(['−6', '−5', '−6', '3', '2']);
  });

  it('sets one at the end of a sentence too, but not a number that goes on after its point', () => {
    const { container } = render(<p>{readableIndices('The step moved it by 136e−6. Not 1e3.5 though.')}</p>);
    expect(shownText(container.querySelector('p')!)).toBe('The step moved it by 136×10⁻⁶. Not 1e3.5 though.');
  });
});
