import { describe, it, expect } from 'vitest';
import * as data from '../../../src/data/index.ts';

describe('src/data/index.ts', () => {
  it('re-exports the public API', () => {
    for (const name of [
      'size', 'resolveGeneratorOptions', 'TOY_2D', 'TOY_2D_DEFAULTS', 'circle', 'xor', 'gaussians', 'spiral',
      'moons', 'flower', 'randomLabels', 'noisySine', 'friedman1', 'subset', 'gatherRows', 'firstN', 'lastN',
      'randomN', 'trainTestSplit', 'targetsFor', 'randomBatch', 'EpochBatcher', 'gather', 'parseIdx', 'IdxError',
      'mnistFromIdx', 'parseCsv', 'CsvError',
    ]) {
      expect(data, name).toHaveProperty(name);
    }
    expect(data.TOY_2D.flower({ seed: 1 }).x.rows).toBe(400);
  });
});
