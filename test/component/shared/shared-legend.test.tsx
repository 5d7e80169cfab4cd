/** The graph's shared legend states its range: ±max once there are values, a dash before any (never ±0). */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SharedLegend } from '../../../src/views/shared/Legend.tsx';

afterEach(cleanup);

const ends = (svg: Element) => [...svg.querySelectorAll(':scope > text')].slice(1).map((t) => t.textContent);

describe('SharedLegend', () => {
  it('labels the ends ±max of the values drawn', () => {
    const { container } = render(<SharedLegend label="units" max={2.5} mode="linear" ranges={[{ layer: 1, max: 2.5 }]} perLayer={false} zeroLabel="|x| < 0.0195 drawn as 0" />);
    const svg = container.querySelector('svg')!;
    expect(ends(svg)).toEqual(['−2.5', '|x| < 0.0195 drawn as 0', '+2.5']);
    expect(svg.getAttribute('aria-label')).toContain('−2.5 to +2.5');
  });

  it('says nothing of a range before there are values (or when none is finite)', () => {
    for (const max of [0, Number.NaN, Number.POSITIVE_INFINITY]) {
      const { container } = render(<SharedLegend label="units" max={max} mode="linear" ranges={[]} perLayer={false} zeroLabel="0" />);
      const svg = container.querySelector('svg')!;
      expect(ends(svg)).toEqual(['—', '0', '—']);
      expect(svg.getAttribute('aria-label')).not.toMatch(/[−+]0\b/);
      cleanup();
    }
  });
});
