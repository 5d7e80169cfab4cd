/** The inspector's table cells: a power of ten is set as a real superscript, the text reads as the plain-text formula. */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cell, txt } from '../../../src/views/inspector/tex.tsx';
import { shownText } from '../shown-text.ts';

afterEach(cleanup);

describe('cell', () => {
  it('sets −1.2346·10⁻⁵ with the exponent −5 in a <sup>, not as Unicode glyphs 6 px tall', () => {
    const { container } = render(<p>{cell(txt(-1.23456e-5))}</p>);
    const p = container.querySelector('p')!;
    expect(p.querySelector('sup')?.textContent).toBe('−5');
    expect(shownText(p)).toBe(txt(-1.23456e-5));
    expect(txt(-1.23456e-5)).toBe('−1.2346·10⁻⁵');
  });

  it('leaves an ordinary number as it is', () => {
    const { container } = render(<p>{cell(txt(0.012345))}</p>);
    expect(container.querySelector('p')!.innerHTML).toBe('0.012345');
  });
});
