import { lab, rgb as d3rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import { colorTable } from '../../../src/views/shared/diverging.ts';
import { imageSide } from '../../../src/data/image.ts';
import { columnImage, maxAbsColumns } from '../../../src/views/heatmaps/tiles.ts';
import { fitCell, NAN_RGB, paintCells, readValue } from '../../../src/views/shared/paint.ts';
import { matrix } from './fixture.ts';
import { LIGHT_SIGNED } from '../../../src/views/shared/signed-palette.ts';

/** The RGB of cell k of a painted buffer. */
const rgb = (px: Uint8ClampedArray, k: number) => [px[4 * k]!, px[4 * k + 1]!, px[4 * k + 2]!];
const lightness = ([r, g, b]: number[]) => lab(`rgb(${r}, ${g}, ${b})`).l;
const bytes = (colour: string) => {
  const c = d3rgb(colour);
  return [c.r, c.g, c.b];
};
const BLUE_END = bytes(LIGHT_SIGNED.negative);
const RED_END = bytes(LIGHT_SIGNED.positive);

describe('paintCells', () => {
  it('paints one opaque RGBA pixel per cell, row-major', () => {
    const m = matrix(2, 3, (i, j) => i * 3 + j - 2.5);
    const px = paintCells(m, 2.5);
    expect(px.length).toBe(2 * 3 * 4);
    for (let k = 0; k < 6; k++) expect(px[4 * k + 3]).toBe(255);
    // cell (0, 0) = −2.5 is the blue end, cell (1, 2) = +2.5 the red end
    expect(rgb(px, 0)).toEqual(BLUE_END);
    expect(rgb(px, 1 * 3 + 2)).toEqual(RED_END);
  });

  it('maps 0 to the (near-white) background, +max to the red end, −max to the blue end, and clamps beyond', () => {
    const px = paintCells(matrix(1, 5, (_, j) => [0, 0.4, -0.4, 7, -7][j]!), 0.4);
    const zero = rgb(px, 0);
    for (const c of zero) expect(c).toBeGreaterThanOrEqual(235);
    expect(rgb(px, 1)).toEqual(RED_END);
    expect(rgb(px, 2)).toEqual(BLUE_END);
    expect(rgb(px, 3)).toEqual(RED_END);
    expect(rgb(px, 4)).toEqual(BLUE_END);
    // exactly the shared table's entries, not a second scale
    const { lut, index } = colorTable(0.4);
    expect(zero).toEqual(Array.from(lut.subarray(3 * index(0), 3 * index(0) + 3)));
  });

  it('gives equal magnitudes equal intensity: red above zero, blue below', () => {
    const xs = [0.1, 0.25, 0.5, 0.75, 1];
    const px = paintCells(matrix(2, xs.length, (i, j) => (i === 0 ? xs[j]! : -xs[j]!)), 1);
    let previous = 101;
    xs.forEach((_, j) => {
      const up = rgb(px, j);
      const down = rgb(px, xs.length + j);
      expect(up[0]!).toBeGreaterThan(up[2]!);
      expect(down[2]!).toBeGreaterThan(down[0]!);
      expect(Math.abs(lightness(up) - lightness(down))).toBeLessThan(3.5);
      // and intensity grows with |x|
      expect(lightness(up)).toBeLessThan(previous);
      previous = lightness(up);
    });
  });

  it('defaults the range to max|m|, paints NaN grey and ±Infinity at the ends', () => {
    const m = matrix(1, 4, (_, j) => [0.5, -2, 1, 0][j]!);
    expect(paintCells(m)).toEqual(paintCells(m, 2));
    const px = paintCells(matrix(1, 3, (_, j) => [NaN, Infinity, -Infinity][j]!), 1);
    expect(rgb(px, 0)).toEqual([...NAN_RGB]);
    expect(rgb(px, 1)).toEqual(RED_END);
    expect(rgb(px, 2)).toEqual(BLUE_END);
  });
});

describe('image tiles', () => {
  it('recognizes square image inputs', () => {
    expect(imageSide(784)).toBe(28);
    expect(imageSide(64)).toBe(8);
    expect(imageSide(2)).toBeNull();
    expect(imageSide(4)).toBeNull();
    expect(imageSide(785)).toBeNull();
  });

  it('lays column j of W out as the input image: pixel k = W[k][j]', () => {
    const W = matrix(784, 3, (i, j) => i * 10 + j);
    const tile = columnImage(W, 2, 28);
    expect([tile.rows, tile.cols]).toEqual([28, 28]);
    expect(tile.data[0]).toBe(2);
    expect(tile.data[28 * 5 + 7]).toBe((28 * 5 + 7) * 10 + 2); // row 5, column 7 of the image
    expect(tile.data[783]).toBe(7832);
  });

  it('takes the shared range over the shown columns only', () => {
    const W = matrix(4, 5, (i, j) => (j === 4 ? 100 : i === 2 && j === 1 ? -3 : 0.5));
    expect(maxAbsColumns(W, 4)).toBe(3);
    expect(maxAbsColumns(W, 5)).toBe(100);
  });
});

describe('layout and reading helpers', () => {
  it('fits whole CSS pixels per cell into a box', () => {
    expect(fitCell(4, 200)).toBe(24); // capped
    expect(fitCell(100, 200)).toBe(2);
    expect(fitCell(784, 240)).toBe(1); // never below one pixel: the box scrolls
  });

  it('reads values with four significant digits and a true minus sign', () => {
    expect(readValue(-0.0123)).toBe('−0.0123');
    expect(readValue(0.35)).toBe('0.35');
    expect(readValue(1 / 3)).toBe('0.3333');
    expect(readValue(-2e-5)).toBe('−2.000e-5');
  });
});
