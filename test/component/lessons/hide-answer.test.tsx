/** The page-wide masking of an open question's answer: now, on every redraw, and undone after. */
import { act, cleanup, render } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { maskAnswer } from '../../../src/lessons/reveals.ts';
import { hideAnswer } from '../../../src/views/lessons/hide-answer.ts';

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
