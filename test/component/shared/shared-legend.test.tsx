/** The graph's shared legend states its range: ±max once there are values, a dash before any (never ±0). */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { textWidth } from '../../../src/views/shared/chart.ts';
import { SharedLegend, type MarksKey } from '../../../src/views/shared/Legend.tsx';

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

  it('explains its ▲ marks: a key left of the middle, where no mark can be, and a title on each mark', () => {
    const keys: Record<string, MarksKey> = {
      en: { lines: ['▲n: layer n’s', 'largest |x|'], title: (l, v) => `layer ${l}: largest |x| = ${v}` },
      zh: { lines: ['▲n：第 n 层的', '最大 |x|'], title: (l, v) => `第 ${l} 层：最大 |x| = ${v}` },
    };
    // The narrowest legend the graph draws (LEGEND_MIN_WIDTH), and a mark as far left as one goes (the resolution).
    const width = 218;
    for (const key of Object.values(keys)) {
      const { container } = render(<SharedLegend label="units" max={2.5} mode="linear" ranges={[{ layer: 1, max: 2.5 }, { layer: 2, max: 1e-9 }]} perLayer={false} zeroLabel="0" marksKey={key} width={width} />);
      const lines = [...container.querySelectorAll('[data-testid="marks-key"] text')];
      expect(lines.map((t) => t.textContent)).toEqual(key.lines);
      for (const line of lines) expect(Number(line.getAttribute('x')) + textWidth(line.textContent!, 11)).toBeLessThan(width / 2 - 6);
      const leftmost = Math.min(...[...container.querySelectorAll('.range-mark')].map((g) => Number(g.getAttribute('data-x'))));
      expect(leftmost).toBeGreaterThanOrEqual(width / 2);
      const titles = [...container.querySelectorAll('.range-mark title')].map((t) => t.textContent);
      expect(titles).toEqual([key.title(2, '1e−9'), key.title(1, '2.5')]);
      expect(container.querySelector('svg')!.getAttribute('aria-label')).toContain(key.title(1, '2.5'));
      cleanup();
    }
  });

  it('shows no key while there is nothing marked', () => {
    const key: MarksKey = { lines: ['a', 'b'], title: () => '' };
    const { container } = render(<SharedLegend label="units" max={0} mode="linear" ranges={[]} perLayer={false} zeroLabel="0" marksKey={key} />);
    expect(container.querySelector('[data-testid="marks-key"]')).toBeNull();
  });
});
