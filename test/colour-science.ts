/** Colour distances for the palette tests: CIE76 ΔE, WCAG contrast, and simulated colour-vision deficiency. */
import { lab, rgb } from 'd3';

/** Euclidean distance in CIELAB (CIE76 ΔE). */
export function deltaE(a: string, b: string): number {
  const p = lab(a);
  const q = lab(b);
  return Math.hypot(p.l - q.l, p.a - q.a, p.b - q.b);
}

const linear = (byte: number) => {
  const c = byte / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const encode = (c: number) => 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

/** WCAG relative luminance. */
export function luminance(colour: string): number {
  const c = rgb(colour);
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

/** WCAG contrast ratio, 1 (same luminance) … 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB. */
const DEFICIENCIES = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
} as const;
export type Deficiency = keyof typeof DEFICIENCIES;
export const DEFICIENCY_NAMES = Object.keys(DEFICIENCIES) as Deficiency[];

/** The colour as a viewer with the deficiency sees it. */
export function simulate(colour: string, deficiency: Deficiency): string {
  const c = rgb(colour);
  const v = [linear(c.r), linear(c.g), linear(c.b)];
  const [r, g, b] = DEFICIENCIES[deficiency].map((row) => Math.max(0, Math.min(1, row[0]! * v[0]! + row[1]! * v[1]! + row[2]! * v[2]!)));
  return rgb(encode(r!), encode(g!), encode(b!)).formatHex();
}
