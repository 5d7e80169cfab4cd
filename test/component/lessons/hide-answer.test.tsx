/** The page-wide masking of an open question's answer: now, on every redraw, and undone after. */
import { act, cleanup, render } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { maskAnswer } from '../../../src/lessons/reveals.ts';
import { hideAnswer } from '../../../src/views/lessons/hide-answer.ts';
import { readableIndices } from '../../../src/views/shared/indices.tsx';

afterEach(cleanup);

let setValue: (v: number) => void = () => {};
function View() {
  const [v, set] = useState(-0.08634);
  setValue = set;
  return (
    <div>
      <p data-testid="sentence">{`For sample 0: δ³₀ = (0.6297 − 1) × 0.23318 = ${v}.`}</p>
      <svg>
        <text data-testid="label">{String(v)}</text>
      </svg>
      <span data-testid="tip" title={`δ = ${v}`}>
        i
      </span>
      <aside data-testid="lesson-panel">
        <p data-testid="spared">{`y = ${v}`}</p>
      </aside>
    </div>
  );
}

describe('hideAnswer', () => {
  it('masks the answer wherever a view writes it, keeps masking as views redraw, and gives the text back', () => {
    const { getByTestId, container } = render(<View />);
    const spare = (n: Node) => (n instanceof Element ? n : n.parentElement)?.closest('[data-testid="lesson-panel"]') != null;
    const restore = hideAnswer(container, spare, (text) => maskAnswer(text, -0.0863, { rel: 0.02 }));
    expect(getByTestId('sentence').textContent).toBe('For sample 0: δ³₀ = (0.6297 − 1) × 0.23318 = ?.');
    expect(getByTestId('label').textContent).toBe('?');
    expect(getByTestId('tip').getAttribute('title')).toBe('δ = ?');
    expect(getByTestId('spared').textContent).toBe('y = -0.08634');
    // A redraw with another figure that still passes as the answer: masked again.
    act(() => setValue(-0.0862));
    return Promise.resolve().then(() => {
      expect(getByTestId('sentence').textContent).toContain('= ?.');
      expect(getByTestId('label').textContent).toBe('?');
      restore();
      expect(getByTestId('sentence').textContent).toBe('For sample 0: δ³₀ = (0.6297 − 1) × 0.23318 = -0.0862.');
      expect(getByTestId('label').textContent).toBe('-0.0862');
      expect(getByTestId('tip').getAttribute('title')).toBe('δ = -0.0862');
    });
  });
});

let setZ: (v: string) => void = () => {};
function Sentence() {
  const [z, set] = useState('57.2e−6');
  setZ = set;
  return <p data-testid="z">{readableIndices(`For sample 0: a²₀ = z²₀ = ${z} here`)}</p>;
}

describe('hideAnswer on a power of ten set as a superscript', () => {
  it('reads 57.2×10 with its <sup>−6</sup> as one number, masks it, and gives the power back when the figure changes or the question closes', () => {
    const { getByTestId, container } = render(<Sentence />);
    const shown = () => getByTestId('z').textContent;
    expect(shown()).toBe('For sample 0: a20 = z20 = 57.2×10−6 here'); // as shared/indices.tsx sets it
    const restore = hideAnswer(container, () => false, (text) => maskAnswer(text, 5.719e-5, { rel: 0.02 }));
    expect(shown()).toBe('For sample 0: a20 = z20 = ? here');
    act(() => setZ('31.5e−6')); // no longer the answer: shown whole
    return Promise.resolve().then(() => {
      expect(shown()).toBe('For sample 0: a20 = z20 = 31.5×10−6 here');
      act(() => setZ('57.3e−6'));
      return Promise.resolve().then(() => {
        expect(shown()).toBe('For sample 0: a20 = z20 = ? here');
        restore();
        expect(shown()).toBe('For sample 0: a20 = z20 = 57.3×10−6 here');
      });
    });
  });
});
