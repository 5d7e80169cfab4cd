/**
 * The two colour schemes the lab draws with, as d3-scale-chromatic defines them (ColorBrewer's
 * RdBu and Tableau 10). Written out here because importing them from 'd3' keeps every scheme of
 * that package in the first page load (its schemes are built by calls a bundler cannot drop).
 */
import { interpolateRgbBasis } from 'd3';

/** ColorBrewer RdBu, 11 classes: dark red … white … dark blue. */
const RD_BU_11 = ['#67001f', '#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#f7f7f7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac', '#053061'];

/** Red (0) … white (0.5) … blue (1), through a B-spline of RdBu's 11 colours (d3's interpolateRdBu). */
export const interpolateRdBu: (t: number) => string = interpolateRgbBasis(RD_BU_11);

/** Tableau 10, the categorical palette (d3's schemeTableau10). */
export const schemeTableau10: readonly string[] = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#bab0ab'];
