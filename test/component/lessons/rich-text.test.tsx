import { render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RichText } from '../../../src/views/lessons/RichText.tsx';

describe('RichText', () => {
  it('shows a formula as plain text until KaTeX arrives, never its TeX source, then typesets it', async () => {
    const { container } = render(<RichText text={'The gradient $\\frac{\\partial L}{\\partial W^3} = \\frac1m\\, a^{2\\top}\\delta^3$ is an average.'} />);
    // First render: KaTeX is fetched on first use, so it is not here yet.
    expect(container.querySelector('.katex')).toBeNull();
    const standIn = container.querySelector('.lesson-tex-source')!;
    expect(standIn.textContent).toBe('∂L/∂W3 = (1/m) a2ᵀδ3'); // index digits in <sup>, read as plain digits here
    expect(standIn.querySelectorAll('sup').length).toBe(3);
    expect(container.textContent).not.toMatch(/[\\{}$]/);
    await waitFor(() => expect(container.querySelector('.katex')).not.toBeNull(), { timeout: 10_000 });
    expect(container.querySelector('.lesson-tex-source')).toBeNull();
  });
});
