/** The lab's own copies of two d3 colour schemes give exactly d3's colours. */
import * as d3 from 'd3';
import { describe, expect, it } from 'vitest';
import { interpolateRdBu, schemeTableau10 } from '../../../src/views/shared/palettes.ts';

describe('palettes', () => {
  it('interpolateRdBu is d3-scale-chromatic’s, at the ends, the middle and between', () => {
    for (let i = 0; i <= 40; i++) expect(interpolateRdBu(i / 40)).toBe(d3.interpolateRdBu(i / 40));
  });

  it('schemeTableau10 is d3-scale-chromatic’s', () => {
    expect(schemeTableau10).toEqual(d3.schemeTableau10);
  });
});
