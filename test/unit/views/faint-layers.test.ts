import { describe, expect, it } from 'vitest';
import { FAINT_SHARE, faintLayers } from '../../../src/views/graph/faint-layers.ts';

describe('faintLayers', () => {
  const ranges = [
    { layer: 0, max: 2.01 },
    { layer: 1, max: 0.03 },
    { layer: 2, max: FAINT_SHARE * 2.01 }, // at the share: not faint
    { layer: 3, max: 0 }, // no values yet: nothing to show, not faint
  ];

  it('names the layers under FAINT_SHARE of the shared linear scale', () => {
    expect(faintLayers(ranges, 2.01, 'shared', 'linear')).toEqual([1]);
  });

  it('names none with a scale per layer, on symlog, or before any value', () => {
    expect(faintLayers(ranges, 2.01, 'layer', 'linear')).toEqual([]);
    expect(faintLayers(ranges, 2.01, 'shared', 'symlog')).toEqual([]);
    expect(faintLayers(ranges, 0, 'shared', 'linear')).toEqual([]);
    expect(faintLayers(ranges, Number.NaN, 'shared', 'linear')).toEqual([]);
  });
});
