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

  it('leaves text without index digits as it is', () => {
    expect(readableIndices('W ← W − η·∂L/∂W')).toEqual(['W ← W − η·∂L/∂W']);
    expect(readableIndices('')).toEqual([]);
  });
});
