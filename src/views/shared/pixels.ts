/**
 * Grids of numbers as canvas pixels (RGBA bytes, row-major): signed values through the one
 * diverging scale, class indices through a categorical palette, and the one place a canvas is
 * written (which does nothing where there is no 2-D context, as in jsdom).
 */
import { rgb } from 'd3';
import { schemeTableau10 } from './palettes.ts';
import { colorTable, divergingScale } from '../shared/diverging.ts';
import { LIGHT_SIGNED, type SignedPalette } from './signed-palette.ts';

/** RGBA pixels of signed values over [−range, range]: blue … zero … red. */
export function signedPixels(values: ArrayLike<number>, range: number, palette: SignedPalette = LIGHT_SIGNED): Uint8ClampedArray {
  const { lut, index } = colorTable(range, palette);
  const out = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const k = index(values[i]!) * 3;
    out[i * 4] = lut[k]!;
    out[i * 4 + 1] = lut[k + 1]!;
    out[i * 4 + 2] = lut[k + 2]!;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/**
 * The colour of class k among `classes`: for two classes the ends of the diverging scale
 * (class 0 blue, class 1 red, as the boundary's negative and positive sides), otherwise a
 * categorical palette.
 */
export function classColour(k: number, classes: number, palette: SignedPalette = LIGHT_SIGNED): string {
  if (classes <= 2) return rgb(divergingScale(1, palette)(k >= 1 ? 0.85 : -0.85)).formatHex();
  return schemeTableau10[((k % 10) + 10) % 10]!;
}

/**
 * RGBA pixels of predicted class indices, each class's colour mixed with a `fade` share of the
 * palette's zero (the surface), so that the regions stay quieter than the points on them.
 */
export function classPixels(classIndex: ArrayLike<number>, classes: number, fade = 0.55, palette: SignedPalette = LIGHT_SIGNED): Uint8ClampedArray {
  const colours = Array.from({ length: classes }, (_, k) => rgb(classColour(k, classes, palette)));
  const ground = rgb(palette.zero);
  const out = new Uint8ClampedArray(classIndex.length * 4);
  for (let i = 0; i < classIndex.length; i++) {
    const c = colours[classIndex[i]!] ?? rgb(128, 128, 128);
    out[i * 4] = c.r + (ground.r - c.r) * fade;
    out[i * 4 + 1] = c.g + (ground.g - c.g) * fade;
    out[i * 4 + 2] = c.b + (ground.b - c.b) * fade;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** Writes width × height RGBA pixels into the canvas; false when it has no 2-D context. */
export function paintPixels(canvas: HTMLCanvasElement | null, rgba: Uint8ClampedArray, width: number, height: number): boolean {
  const ctx = canvas?.getContext('2d') ?? null;
  if (ctx === null) return false;
  const image = ctx.createImageData(width, height);
  image.data.set(rgba.subarray(0, width * height * 4));
  ctx.putImageData(image, 0, 0);
  return true;
}
