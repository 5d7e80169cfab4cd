/** TeX as plain text, the stand-in shown until KaTeX arrives: readable, and never a backslash. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/lessons/catalog.ts';
import { splitTex } from '../../../src/lessons/tex.ts';
import { texAsText } from '../../../src/views/shared/tex-text.ts';

describe('texAsText', () => {
  it.each([
    ['\\frac{\\partial L}{\\partial W^3} = \\frac1m\\, a^{2\\top}\\delta^3', '∂L/∂W³ = (1/m) a²ᵀδ³'],
    ['\\delta^l_j = \\partial L_i / \\partial z^l_j', 'δˡⱼ = ∂Lᵢ/∂zˡⱼ'],
    ['L_i = \\tfrac12 (y_i - t_i)^2', 'Lᵢ = ½(yᵢ − tᵢ)²'],
    ['W \\leftarrow W - \\eta\\,\\frac{\\partial L}{\\partial W}', 'W ← W − η ∂L/∂W'],
    ['L_i = -\\sum_j t_j \\ln y_j', 'Lᵢ = −Σⱼ tⱼ ln yⱼ'],
    ['a^1 = \\max(0, z^1)', 'a¹ = max(0, z¹)'],
    ['y = \\mathrm{softmax}(z^2)', 'y = softmax(z²)'],
    ['C = \\frac{1}{2m}\\sum_i \\lVert a_i - t_i \\rVert^2', 'C = (1/(2m))Σᵢ ‖aᵢ − tᵢ‖²'],
    ['\\delta^2_j = \\big(\\sum_k \\delta^3_k\\, W^3[j][k]\\big)\\,\\sigma\'(z^2_j)', 'δ²ⱼ = (Σₖ δ³ₖ W³[j][k]) σ′(z²ⱼ)'],
    ['m^{L-l}', 'mᴸ⁻ˡ'],
    ['x^{abc}', 'x^(abc)'], // no superscript c: written out, still readable
    ['\\frac{-L(\\theta+2h) + 8L(\\theta+h)}{12h}', '(−L(θ + 2h) + 8L(θ + h))/(12h)'],
    ['\\unknown{x}', 'unknownx'],
  ])('%s reads %s', (tex, text) => {
    expect(texAsText(tex)).toBe(text);
  });

  it('reads every TeX of every lesson without a backslash, a brace or a dollar', () => {
    const texs = new Set<string>();
    const walk = (v: unknown): void => {
      if (typeof v === 'string') for (const p of splitTex(v)) p.kind === 'tex' && texs.add(p.tex);
      else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(LESSONS);
    expect(texs.size).toBeGreaterThan(20);
    for (const tex of texs) expect(texAsText(tex), tex).not.toMatch(/[\\{}$]/);
  });

  it('never throws and never shows a backslash, whatever it is given', () => {
    const tex = fc.stringMatching(/^[\\{}^_a-z0-9 ()=+\-',.]{0,40}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), tex), (s) => {
        expect(texAsText(s)).not.toContain('\\');
      }),
      { numRuns: 2000 },
    );
  });
});
