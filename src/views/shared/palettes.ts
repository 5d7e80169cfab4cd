/**
 * The categorical palette the lab draws classes with, as d3-scale-chromatic defines it
 * (Tableau 10). Written out here because importing it from 'd3' keeps every scheme of that
 * package in the first page load (its schemes are built by calls a bundler cannot drop).
 */
export const schemeTableau10: readonly string[] = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#bab0ab'];
