import { describe, expect, it } from 'vitest';
import { columnYs, graphLayout, MIN_SPACING_FOR_NUMBERS } from '../../../src/views/graph/layout.ts';

describe('graphLayout: where the units sit', () => {
  it('puts the fullest column from the top of its span to the bottom, so no band is left empty under the headings', () => {
    // The phone's graph: 390 px wide, about 306 px tall, the flower net 2-4-1.
    const layout = graphLayout([2, 4, 1], [], 390, 306);
    const hidden = layout.layers[1]!;
    expect(hidden.ys[0]! - layout.radius).toBeCloseTo(hidden.top, 6);
    expect(hidden.ys.at(-1)! + layout.radius).toBeCloseTo(hidden.top + hidden.span, 6);
    // Before, the first unit sat half a share (span / 8 ≈ 29 px) below the top: 15 px more than its radius.
    expect(hidden.ys[0]! - hidden.top).toBeLessThan(hidden.span / 8 - 10);
    // A single unit stays in the middle, level with the loss node.
    expect(layout.layers[2]!.ys).toEqual([layout.loss.y]);
  });

  it('keeps units evenly spaced and at least as far apart as before (room for each number)', () => {
    for (const [n, span] of [[2, 236], [4, 236], [32, 600], [12, 170]] as const) {
      const radius = Math.max(3, Math.min(14, span / n / 2.6));
      const { ys, gap } = columnYs(n, 40, span, radius);
      expect(ys).toHaveLength(n);
      for (let k = 1; k < n; k++) expect(ys[k]! - ys[k - 1]!).toBeCloseTo(gap, 9);
      expect(gap).toBeGreaterThanOrEqual(span / n);
      expect(ys[0]! - radius).toBeGreaterThanOrEqual(40 - 1e-9);
      expect(ys.at(-1)! + radius).toBeLessThanOrEqual(40 + span + 1e-9);
    }
    expect(columnYs(0, 40, 100, 5).ys).toEqual([]);
  });

  it('a windowed layer still gives each visible unit a line for its number', () => {
    const layout = graphLayout([2, 100, 10], [], 800, 400);
    expect(layout.layers[1]!.spacing).toBeGreaterThanOrEqual(MIN_SPACING_FOR_NUMBERS);
  });
});

