/**
 * The inspector's worked lines, read from their accessible text: the operands as shown,
 * computed by hand, give the result as shown (5 significant digits), for every weight and unit
 * of a real step: δ = y − t at the output, δ = (Σ)·f′ below it, f′ = a(1 − a) worked for the
 * sigmoid, the update w − η·g = w + Δw = w′, and the tables' rows W·δ and input·δ/m.
 */
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { NetworkSpec } from '../../../src/core/spec.ts';
import { Inspector } from '../../../src/views/inspector/Inspector.tsx';
import { fmt } from '../../../src/views/inspector/tex.tsx';
import { readShown } from '../../../src/core/shown-number.ts';
import { HYPER, setup } from './build.tsx';

afterEach(cleanup);

/** A number as the inspector writes it, maybe in parentheses. */
const N = String.raw`\(?−?[\d.]+(?:·10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?\)?`;
const r = readShown;
const shown = (x: number) => fmt(x);

const SIGMOID: NetworkSpec = { layers: [{ units: 2 }, { units: 3, activation: 'sigmoid' }, { units: 2, activation: 'sigmoid' }], loss: 'squared-error-half' };

describe('the inspector\'s worked lines', () => {
  for (const [name, spec] of [['tanh + softmax', undefined], ['sigmoid + squared error', SIGMOID]] as const) {
    it(`reproduce their results by hand (${name})`, () => {
      const { select, phases } = setup(<Inspector />, spec === undefined ? {} : { spec, hyper: { ...HYPER, regularization: { kind: 'none', lambda: 0 } } });
      phases();
      let checked = 0;
      let tableRows = 0;
      const labels = () => screen.getAllByRole('math').map((e) => e.getAttribute('aria-label')!);
      for (const [l, rows, cols] of [[1, 2, 3], [2, 3, 2]] as const)
        for (let i = 0; i < rows; i++)
          for (let j = 0; j < cols; j++) {
            select({ kind: 'weight', layer: l, i, j });
            for (const label of labels()) {
              let m: RegExpExecArray | null;
              if ((m = new RegExp(`= (${N}) − (${N})·(${N}) = (${N}) \\+ (${N}) = (${N})$`).exec(label))) {
                expect(shown(r(m[1]!) - r(m[2]!) * r(m[3]!)), label).toBe(m[6]);
                expect(shown(r(m[4]!) + r(m[5]!)), label).toBe(m[6]);
                checked++;
              } else if ((m = new RegExp(`^δ.* = (${N})·(${N}) = (${N})$`).exec(label))) {
                expect(shown(r(m[1]!) * r(m[2]!)), label).toBe(m[3]);
                checked++;
              } else if ((m = new RegExp(`^δ.* = (${N}) − (${N}) = (${N})$`).exec(label))) {
                expect(shown(r(m[1]!) - r(m[2]!)), label).toBe(m[3]);
                checked++;
              } else if ((m = new RegExp(`^δ.* = \\((${N}) − (${N})\\)·(${N}) = (${N})$`).exec(label))) {
                expect(shown((r(m[1]!) - r(m[2]!)) * r(m[3]!)), label).toBe(m[4]);
                checked++;
              } else if ((m = new RegExp(`^f'.* = a\\(1 − a\\) = (${N})\\(1 − (${N})\\) = (${N})$`).exec(label))) {
                expect(shown(r(m[1]!) * (1 - r(m[2]!))), label).toBe(m[3]);
                checked++;
              }
            }
            // The tables' rows: W·δ = term, and input·δ/m = share (m = 3).
            const cells = (tr: Element) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent!);
            for (const tr of document.querySelectorAll('table.terms tbody tr')) {
              const [, w, d, product] = cells(tr);
              if (w === undefined || product === undefined) continue; // the row that sums the others
              expect(shown(r(w) * r(d!)), `W·δ row ${cells(tr).join(' ')}`).toBe(product);
              tableRows++;
            }
            for (const tr of document.querySelectorAll('table.contributions tbody tr')) {
              const [, a, d, share] = cells(tr);
              if (share === undefined) continue;
              expect(shown((r(a!) * r(d!)) / 3), `a·δ/m row ${cells(tr).join(' ')}`).toBe(share);
              tableRows++;
            }
          }
      expect(checked).toBeGreaterThan(20);
      expect(tableRows).toBeGreaterThan(20);
    });
  }
});
