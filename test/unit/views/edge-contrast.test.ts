/**
 * A weight near zero is drawn in the background's colour (the scale must not exaggerate it), so
 * every line of the graph also has a neutral edge: WCAG contrast ratios against each theme's
 * background, as a projector needs them and without outshining real values.
 */
import { describe, expect, it } from 'vitest';
import { colourAt } from '../../../src/views/shared/diverging.ts';
import { SIGNED_PALETTES, type ResolvedTheme } from '../../../src/views/shared/signed-palette.ts';
import { contrast } from '../../colour-science.ts';

/** The edge's least contrast against the background: a faint but certain line (a zero weight's colour is 1:1). */
const EDGE_CONTRAST_MIN = 1.8;

describe.each(['light', 'dark'] as ResolvedTheme[])('the %s theme', (theme) => {
  const palette = SIGNED_PALETTES[theme];

  it(`gives every line an edge of at least ${EDGE_CONTRAST_MIN}:1 against the background, where a zero weight has 1:1`, () => {
    expect(contrast(colourAt(0, palette), palette.zero)).toBeCloseTo(1, 6);
    expect(contrast(palette.line, palette.zero)).toBeGreaterThanOrEqual(EDGE_CONTRAST_MIN);
  });

  it('keeps the edge fainter than a value half the scale’s range, of either sign, and neutral (no sign of its own)', () => {
    for (const p of [0.5, -0.5]) expect(contrast(palette.line, palette.zero)).toBeLessThan(contrast(colourAt(p, palette), palette.zero));
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(palette.line.slice(i, i + 2), 16)) as [number, number, number];
    expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThanOrEqual(20); // a grey, not blue or red
  });
});
