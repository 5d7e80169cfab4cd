/**
 * The convention switch in the chain-rule inspector: the same numbers of the same trace, with
 * every index written as the column convention lays the matrices out (x[i][s], W[j][i], δ[j][s]).
 */
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Matrix } from '../../../src/core/tensor.ts';
import { Inspector } from '../../../src/views/inspector/Inspector.tsx';
import { fmt } from '../../../src/views/inspector/tex.tsx';
import { BATCH, cellValues, setup } from '../inspector/build.tsx';

afterEach(cleanup);

/** Entry [r][c] of m; the transpose is read as entryT(m, c, r). */
const entry = (m: Matrix, r: number, c: number) => m.data[r * m.cols + c]!;
/** Entry [r][c] of mᵀ, written out independently of the views' helpers. */
const entryT = (m: Matrix, r: number, c: number) => m.data[c * m.cols + r]!;

const CELLS = ['contribution', 'data', 'penalty', 'gradient', 'term', 'sum', 'fprime', 'delta', 'old', 'update', 'new'];

function render() {
  const s = setup(<Inspector />);
  const trace = s.phases();
  const [l, i, j] = [1, 1, 2];
  s.select({ kind: 'weight', layer: l, i, j });
  const numbers = () => CELLS.map((c) => cellValues(s.h.container, c));
  const headers = () => Array.from(s.h.container.querySelectorAll('th'), (th) => th.textContent);
  const heading = () => s.h.container.querySelector('h3')!.textContent;
  return { ...s, trace, l, i, j, numbers, headers, heading };
}

describe('the inspector in either convention', () => {
  it('shows the same numbers, indexed as the transposed layout of the same trace', () => {
    const r = render();
    const rows = { numbers: r.numbers(), headers: r.headers(), heading: r.heading() };
    expect(rows.numbers.map((n) => n.length > 0)).toEqual(CELLS.map(() => true)); // every kind of number is on screen
    expect(rows.heading).toContain('W¹[1][2]');
    expect(rows.headers).toEqual(expect.arrayContaining(['x[s][1]', 'δ¹[s][2]', 'W²[2][k]', 'δ²[0][k]', "× f'(z¹[0][2])", '= δ¹[0][2]']));
    act(() => r.h.lab.ui.getState().setConvention('columns'));
    expect(r.numbers()).toEqual(rows.numbers);
    expect(r.heading()).toContain('W¹[2][1]');
    expect(r.heading()).toContain('from unit 1 of layer 0 to unit 2 of layer 1'); // the units named stay the same
    expect(r.headers()).toEqual(expect.arrayContaining(['x[1][s]', 'δ¹[2][s]', 'W²[k][2]', 'δ²[k][0]', "× f'(z¹[2][0])", '= δ¹[2][0]']));
    // Xᵀ[1][0] is the x of sample 0 at input 1, and δ¹ᵀ[2][0] the δ of sample 0 at unit 2.
    const xT = entryT(BATCH.x, r.i, 0);
    expect(xT).toBe(entry(BATCH.x, 0, r.i));
    expect(screen.getByRole('math', { name: `x[1][0] = ${fmt(xT)}` })).toBeDefined();
    const deltaT = entryT(r.trace.layers[0]!.delta!, r.j, 0);
    expect(cellValues(r.h.container, 'delta')).toEqual([deltaT]);
    expect(screen.getByRole('math', { name: new RegExp(`^δ¹\\[2\\]\\[0\\] = \\(Σₖ W²\\[k\\]\\[2\\]·δ²\\[k\\]\\[0\\]\\)·f'\\(z¹\\[2\\]\\[0\\]\\) = .* = ${fmt(deltaT)}$`) })).toBeDefined();
    expect(screen.getByRole('math', { name: /^∂L\/∂W¹\[2\]\[1\] = \(1\/m\)·Σₛ x\[1\]\[s\]·δ¹\[2\]\[s\] \+ λ·W¹\[2\]\[1\] = / })).toBeDefined();
  });

  it('writes an output unit’s y and t in the layout too', () => {
    const r = render();
    r.select({ kind: 'weight', layer: 2, i: 0, j: 1 });
    expect(screen.getByRole('math', { name: /^δ²\[0\]\[1\] = y\[0\]\[1\] − t\[0\]\[1\] = / })).toBeDefined();
    act(() => r.h.lab.ui.getState().setConvention('columns'));
    expect(screen.getByRole('math', { name: /^δ²\[1\]\[0\] = y\[1\]\[0\] − t\[1\]\[0\] = / })).toBeDefined();
  });
});
