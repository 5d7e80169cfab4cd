/** The pure functions behind the batch samples view. */
import { describe, expect, it } from 'vitest';
import { fromRows } from '../../../src/core/tensor.ts';
import { imageSide } from '../../../src/data/image.ts';
import { digitPixels, outcome, row, targetKind } from '../../../src/views/samples/samples.ts';
import { outcomeText } from '../../../src/views/samples/BatchSamples.tsx';

describe('imageSide', () => {
  it('is the side of square images of at least 8 × 8', () => {
    expect(imageSide(784)).toBe(28);
    expect(imageSide(64)).toBe(8);
    expect(imageSide(2)).toBeNull();
    expect(imageSide(4)).toBeNull();
    expect(imageSide(785)).toBeNull();
  });
});

describe('digitPixels', () => {
  it('draws intensity 0 white and 1 black, opaque grey in between', () => {
    const rgba = digitPixels([0, 1, 0.5]);
    expect(Array.from(rgba)).toEqual([255, 255, 255, 255, 0, 0, 0, 255, 128, 128, 128, 255]);
  });

  it('rescales standardised inputs from their own range', () => {
    const rgba = digitPixels([-1, 0.5, 2]);
    expect([rgba[0], rgba[4], rgba[8]]).toEqual([255, 128, 0]);
  });

  it('reads one row of a batch', () => {
    const x = fromRows([[1, 2], [3, 4]]);
    expect(Array.from(row(x, 1))).toEqual([3, 4]);
  });
});

describe('outcome', () => {
  it('takes argmax of one-hot t and of y', () => {
    const t = fromRows([[0, 0, 1], [1, 0, 0]]);
    const y = fromRows([[0.1, 0.2, 0.7], [0.2, 0.5, 0.3]]);
    expect(outcome(t, y, 0, 'classification')).toEqual({ label: 2, prediction: 2, correct: true });
    expect(outcome(t, y, 1, 'classification')).toEqual({ label: 0, prediction: 1, correct: false });
    expect(outcome(t, undefined, 1, 'classification')).toEqual({ label: 0, prediction: null, correct: null });
  });

  it('thresholds one output at 0.5 and keeps values for regression', () => {
    const t = fromRows([[1], [0]]);
    const y = fromRows([[0.3], [0.2]]);
    expect(outcome(t, y, 0, 'classification')).toEqual({ label: 1, prediction: 0, correct: false });
    expect(outcome(t, y, 1, 'classification')).toEqual({ label: 0, prediction: 0, correct: true });
    expect(outcome(t, y, 0, 'regression')).toEqual({ label: 1, prediction: 0.3, correct: null });
  });

  it('ignores a y of another batch size', () => {
    expect(outcome(fromRows([[1]]), fromRows([[1], [0]]), 0, 'classification').prediction).toBeNull();
  });

  it('reads as "label → prediction ✓/✗"', () => {
    expect(outcomeText({ label: 7, prediction: 7, correct: true }, 'classification')).toBe('7 → 7 ✓');
    expect(outcomeText({ label: 3, prediction: 5, correct: false }, 'classification')).toBe('3 → 5 ✗');
    expect(outcomeText({ label: 3, prediction: null, correct: null }, 'classification')).toBe('3 → ?');
    expect(outcomeText({ label: 0.25, prediction: 0.123456, correct: null }, 'regression')).toBe('0.25 → 0.123');
  });

  it('treats one squared-error output as a value unless the data says otherwise', () => {
    const one = { layers: [{ units: 2 }, { units: 1, activation: 'identity' as const }], loss: 'squared-error-half' as const };
    expect(targetKind(one)).toBe('regression');
    expect(targetKind(one, 'classification')).toBe('classification');
    expect(targetKind({ ...one, loss: 'sigmoid-binary-cross-entropy' })).toBe('classification');
  });
});
