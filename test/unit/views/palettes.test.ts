/** The lab's own copy of d3's categorical palette gives exactly d3's colours. */
import * as d3 from 'd3';
import { describe, expect, it } from 'vitest';
import { schemeTableau10 } from '../../../src/views/shared/palettes.ts';

describe('palettes', () => {
  it('schemeTableau10 is d3-scale-chromatic’s', () => {
    expect(schemeTableau10).toEqual(d3.schemeTableau10);
  });
});
