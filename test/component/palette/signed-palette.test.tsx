/**
 * The diverging scale in each theme: zero is the background the views draw on and the least visible
 * colour, the distance from the background grows with |x|, the two signs stay apart (also for
 * red–green colour deficiencies), and app.css carries the same colours as the canvases.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lab } from 'd3';
import { describe, expect, it } from 'vitest';
import { colourAt } from '../../../src/views/shared/diverging.ts';
import { SIGNED_PALETTES, type ResolvedTheme } from '../../../src/views/shared/signed-palette.ts';
import { contrast, deltaE, DEFICIENCY_NAMES, simulate } from '../../colour-science.ts';

const css = readFileSync(resolve(__dirname, '../../../src/app/app.css'), 'utf8');

/** The custom properties declared in the first rule whose selector matches. */
function tokens(selector: RegExp): Record<string, string> {
  const start = css.search(selector);
  expect(start).toBeGreaterThanOrEqual(0);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

const THEME_RULES: Record<ResolvedTheme, RegExp[]> = {
  light: [/^:root \{/m],
  dark: [/^:root\[data-theme='dark'\] \{/m, /^ {2}:root:not\(\[data-theme='light'\]\) \{/m],
};
const THEMES = Object.keys(THEME_RULES) as ResolvedTheme[];
const backgroundOf = (theme: ResolvedTheme) => tokens(THEME_RULES[theme][0]!)['--bg']!;

/** |p| from 0 to 1 in 64 steps. */
const MAGNITUDES = Array.from({ length: 65 }, (_, i) => i / 64);

describe.each(THEMES)('the %s palette', (theme) => {
  const palette = SIGNED_PALETTES[theme];
  const background = backgroundOf(theme);

  it('is the colours app.css declares, with zero the background', () => {
    for (const rule of THEME_RULES[theme]) {
      const t = tokens(rule);
      expect(t['--signed-negative']).toBe(palette.negative);
      expect(t['--signed-zero']).toBe(palette.zero);
      expect(t['--signed-positive']).toBe(palette.positive);
      expect(t['--bg']).toBe(palette.zero);
    }
  });

  it.each([
    ['ΔE', deltaE],
    ['contrast', contrast],
  ] as const)('grows away from the background with |x| in %s, and is least visible at zero', (_, distance) => {
    for (const sign of [1, -1]) {
      const distances = MAGNITUDES.map((p) => distance(colourAt(sign * p, palette), background));
      for (let i = 1; i < distances.length; i++) expect(distances[i]!).toBeGreaterThan(distances[i - 1]!);
      expect(Math.min(...distances)).toBe(distances[0]);
    }
    // strong values stand out: the ends are far from the background
    expect(deltaE(colourAt(1, palette), background)).toBeGreaterThan(50);
    expect(deltaE(colourAt(-1, palette), background)).toBeGreaterThan(50);
  });

  it('gives equal magnitudes of either sign about equal prominence (lightness apart from the background)', () => {
    const apart = (c: string) => Math.abs(lab(c).l - lab(background).l);
    for (const p of MAGNITUDES) {
      const up = apart(colourAt(p, palette));
      const down = apart(colourAt(-p, palette));
      expect(Math.abs(up - down)).toBeLessThanOrEqual(0.1 * Math.max(up, down) + 0.5);
    }
  });

  it('keeps the signs apart, also as protanopes and deuteranopes see them', () => {
    for (const p of MAGNITUDES.filter((p) => p >= 0.25)) {
      expect(deltaE(colourAt(p, palette), colourAt(-p, palette))).toBeGreaterThan(40 * p);
      for (const deficiency of DEFICIENCY_NAMES) {
        expect(deltaE(simulate(colourAt(p, palette), deficiency), simulate(colourAt(-p, palette), deficiency))).toBeGreaterThan(25 * p);
      }
    }
  });
});
