/**
 * Wide layers on the graph (MNIST's 784-50-10): a window of units far enough apart for a number
 * each, an overview strip for the rest, δᴸ on every line into the loss node, and legends that
 * say which values they draw as zero. Every number is checked against the trace.
 */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createNetwork } from '../../../src/core/network.ts';
import type { Phase } from '../../../src/core/phases.ts';
import { createRng, uniform } from '../../../src/core/rng.ts';
import { fromRows } from '../../../src/core/tensor.ts';
import type { Trace } from '../../../src/core/trace.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { MIN_SPACING_FOR_NUMBERS } from '../../../src/views/graph/layout.ts';
import { NetworkGraph } from '../../../src/views/graph/NetworkGraph.tsx';
import { colorRange, formatEngineering as f, formatValue, resolutionOf } from '../../../src/views/shared/diverging.ts';
import { renderInLab } from '../lab-harness.tsx';
import { shownText } from '../shown-text.ts';

afterEach(cleanup);

/** Pages layer 1's window as far as it goes. */
function pageToEnd(which: 'Earlier' | 'Later') {
  const button = () => screen.getByRole('button', { name: `${which} units of layer 1` }) as HTMLButtonElement;
  while (!button().disabled) fireEvent.click(button());
}

const mnist = findPreset('mnist-two-layer-relu')!;

function setup(width = 640, height = 560) {
  const h = renderInLab(<NetworkGraph width={width} height={height} />);
  const rng = createRng(7);
  const x = fromRows([0, 1].map(() => Array.from({ length: 784 }, () => uniform(rng))));
  const t = fromRows([3, 8].map((c) => Array.from({ length: 10 }, (_, j) => (j === c ? 1 : 0))));
  const net = createNetwork(mnist.network, { weights: { kind: 'gaussian', std: 0.05 }, biases: { kind: 'zero' } }, createRng(3));
  const trainer = new Trainer(net, mnist.hyper);
  act(() => h.emit({ type: 'ready', info: { name: 'x', network: mnist.network, hyper: mnist.hyper, batchSize: 2, trainSize: 2, testSize: 0, stepsPerEpoch: 1, parameterCount: 0 } }));
  act(() => h.emit({ type: 'status', status: 'paused', step: 0 }));
  const stepper = trainer.begin({ x, t }, { trace: true });
  const phases = (n: number): Trace => {
    let phase: Phase | null = null;
    for (let i = 0; i < n; i++) phase = stepper.next();
    const trace = stepper.trace();
    act(() => h.emit({ type: 'snapshot', step: 0, epoch: 0, phase, params: trainer.params, trace }));
    return trace;
  };
  const text = (selector: string) => shownText(h.container.querySelector(selector));
  const narration = () => shownText(screen.getByTestId('narration'))!;
  /** The hidden layer's window: first unit and how many. */
  const window = () => {
    const [, offset, visible] = h.container.querySelector('[data-window^="1:"]')!.getAttribute('data-window')!.split(':').map(Number);
    return { offset: offset!, visible: visible! };
  };
  return { h, phases, text, window, narration };
}

describe('a wide layer', { timeout: 20_000 }, () => {
  it("shows a window of units far enough apart for a number each, the trace's numbers on every one in view", () => {
    const { h, phases, text, window } = setup();
    /** The numbers of the layer-1 units in view equal `values`, and no unit outside the window has one. */
    const expectWindowShows = (values: Float64Array) => {
      const { offset, visible } = window();
      for (let j = offset; j < offset + visible; j++) expect(text(`[data-unit-value="1:${j}"]`)).toBe(f(values[j]!));
      for (const j of [offset - 1, offset + visible]) if (j >= 0 && j < 50) expect(text(`[data-unit-value="1:${j}"]`)).toBeNull();
      expect(screen.getByText(`${offset}–${offset + visible - 1} of 50`)).toBeDefined();
    };
    let tr = phases(1);
    const { visible } = window();
    expect(visible).toBeLessThan(50);
    const ys = [...h.container.querySelectorAll('[data-unit^="1:"]')].map((c) => Number(c.getAttribute('cy')));
    expect(ys).toHaveLength(visible);
    for (let k = 1; k < ys.length; k++) expect(ys[k]! - ys[k - 1]!).toBeGreaterThanOrEqual(MIN_SPACING_FOR_NUMBERS);
    expectWindowShows(tr.layers[0]!.a!.data.subarray(0, 50));

    pageToEnd('Earlier');
    expect(window().offset).toBe(0);
    expectWindowShows(tr.layers[0]!.a!.data.subarray(0, 50));
    fireEvent.click(screen.getByRole('button', { name: 'Later units of layer 1' }));
    expect(window().offset).toBe(visible);
    expectWindowShows(tr.layers[0]!.a!.data.subarray(0, 50));

    tr = phases(4); // forward 2, loss, backward 2, backward 1: now δ
    expectWindowShows(tr.layers[0]!.delta!.data.subarray(0, 50));
    pageToEnd('Later');
    expect(window().offset).toBe(50 - visible); // the last window ends at the last unit
    expectWindowShows(tr.layers[0]!.delta!.data.subarray(0, 50));
  });

  it('brings the unit the sentence quotes into view and rings it', () => {
    const { h, phases, window, narration } = setup();
    for (const [n, quantity] of [[1, 'a'], [4, 'delta']] as const) {
      // Paged away to the last units first, the window comes back to the one the sentence quotes.
      pageToEnd('Later');
      const tr = phases(n); // forward 1, then backward 1: the sentence quotes the largest |a¹|, then |δ¹|
      const values = tr.layers[0]![quantity]!.data.subarray(0, 50);
      const largest = values.reduce((b, v, j) => (Math.abs(v) > Math.abs(values[b]!) ? j : b), 0);
      expect(narration()).toContain(`${quantity === 'a' ? 'a' : 'δ'}¹${[...String(largest)].map((d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]).join('')} =`);
      expect(h.container.querySelector('.narrated-ring')!.getAttribute('data-narrated')).toBe(`1:${largest}`);
      const { offset, visible } = window();
      expect(largest).toBeGreaterThanOrEqual(offset);
      expect(largest).toBeLessThan(offset + visible);
    }
    const tr = phases(1); // update: the weight that moved most, its line haloed, both its ends in view
    const halo = h.container.querySelector('.narrated-halo')!.getAttribute('data-narrated')!;
    const [l, i, j] = halo.split(':').map(Number);
    expect(narration()).toContain(`W${'⁰¹²'[l!]}[${i}][${j}] = ${f(tr.layers[l! - 1]!.W.data[i! * tr.layers[l! - 1]!.W.cols + j!]!)}`);
    expect(h.container.querySelector(`[data-weight="${halo}"]`)).not.toBeNull();
  });

  it('keeps every unit in view on its overview strip: hover reads any unit out, a click moves the window there', () => {
    const { h, phases, window } = setup();
    const tr = phases(1);
    expect(h.container.querySelectorAll('[data-strip-unit^="1:"]')).toHaveLength(50);
    const strip = h.container.querySelector('.strip-target')! as SVGRectElement;
    strip.getBoundingClientRect = () => ({ top: 100, height: 500, left: 0, width: 10, bottom: 600, right: 10, x: 0, y: 100, toJSON: () => ({}) });
    const at40 = 100 + (40.5 / 50) * 500;
    fireEvent.pointerMove(strip, { clientY: at40 });
    const a = tr.layers[0]!.a!.data[40]!;
    expect(shownText(h.container.querySelector('.graph-readout'))).toContain(`layer 1, unit 40, sample 0:  z¹ = ${formatValue(tr.layers[0]!.z!.data[40]!, 4)},  a¹ = ${formatValue(a, 4)}`);
    fireEvent.click(strip, { clientY: at40 });
    const { offset, visible } = window();
    expect(offset).toBeLessThanOrEqual(40);
    expect(offset + visible).toBeGreaterThan(40);
    expect(h.container.querySelector('[data-unit-value="1:40"]')!.textContent).toBe(f(a));
  });

  it('does not let the input image set the range of the units\' colours', () => {
    const { phases } = setup();
    const tr = phases(1);
    const legend = screen.getByRole('img', { name: /^units: a, layers 1:/ });
    expect(legend.getAttribute('aria-label')).toContain(`−${f(colorRange(tr.layers[0]!.a!.data.subarray(0, 50)))} to`);
  });
});

describe('the loss node of a 10-class net', { timeout: 20_000 }, () => {
  it('writes t, then δᴸ, on the line from every output', () => {
    const { phases, text } = setup();
    let tr = phases(3); // forward 1, forward 2, loss
    for (let j = 0; j < 10; j++) expect(text(`[data-target="${j}"]`)).toBe(`t=${f(tr.t.data[j]!)}`);
    tr = phases(1); // backward 2
    const d = tr.layers[1]!.delta!.data;
    for (let j = 0; j < 10; j++) expect(text(`[data-target="${j}"]`)).toBe(`t=${f(tr.t.data[j]!)} δ=${f(d[j]!)}`);
  });

  it('reads out an output unit\'s target on hover, for graphs too narrow for the labels', () => {
    const { h, phases, text } = setup(360);
    const tr = phases(3);
    expect(text('[data-target="3"]')).toBeNull();
    fireEvent.pointerEnter(h.container.querySelector('[data-unit="2:3"]')!);
    expect(text('.graph-readout')).toMatch(new RegExp(`^layer 2, unit 3, sample 0: .*,  t = ${formatValue(tr.t.data[3]!, 4)}$`));
  });
});

describe('the legends', { timeout: 20_000 }, () => {
  it('say below which |x| values are drawn as zero, on one scale and with a scale per layer', () => {
    const { phases, h } = setup();
    const tr = phases(4);
    const legend = () => screen.getByRole('img', { name: /^units: δ/ }).getAttribute('aria-label')!;
    const max = colorRange(tr.layers[1]!.delta!.data.subarray(0, 10));
    expect(legend()).toContain(`|x| < ${f(resolutionOf(max, 'linear'))} drawn as 0`);
    act(() => h.lab.ui.getState().setColourScaling('layer'));
    expect(legend()).toContain(`|x| < ${f(resolutionOf(1, 'linear'))}·max drawn as 0`);
    act(() => h.lab.ui.getState().setColourMode('symlog'));
    expect(legend()).toContain(`|x| < ${f(resolutionOf(1, 'symlog'))}·max drawn as 0`);
  });
});

describe('a deep net on a narrow graph', { timeout: 20_000 }, () => {
  const deep = findPreset('deep-sigmoid-2-8-8-8-8-1')!;
  function show(width: number) {
    const h = renderInLab(<NetworkGraph width={width} height={560} />);
    const batch = { x: fromRows([[0.5, -1], [0.2, 0.3]]), t: fromRows([[1], [0]]) };
    const trainer = new Trainer(createNetwork(deep.network, { weights: { kind: 'xavier' }, biases: { kind: 'zero' } }, createRng(1)), deep.hyper);
    act(() => h.emit({ type: 'ready', info: { name: 'x', network: deep.network, hyper: deep.hyper, batchSize: 2, trainSize: 2, testSize: 0, stepsPerEpoch: 1, parameterCount: 0 } }));
    act(() => h.emit({ type: 'status', status: 'paused', step: 0 }));
    const stepper = trainer.begin(batch, { trace: true });
    let phase: Phase | null = null;
    for (let i = 0; i < 3; i++) phase = stepper.next(); // forward 1..3
    const trace = stepper.trace();
    act(() => h.emit({ type: 'snapshot', step: 0, epoch: 0, phase, params: trainer.params, trace }));
    const numbered = (l: number) => h.container.querySelectorAll(`[data-unit-value^="${l}:"]`).length;
    /** A column's heading as drawn, and its tooltip. */
    const heading = (l: number) => {
      const label = h.container.querySelector(`.layer[data-layer="${l}"] .layer-label`)!;
      const title = label.querySelector('title')?.textContent ?? null;
      return { drawn: label.textContent!.slice(title?.length ?? 0), title };
    };
    return { numbered, heading, trace };
  }

  it('writes numbers in every layer when the columns leave room, else only in the phase\'s layer, and heads the columns with their numbers', () => {
    const wide = show(900);
    for (const l of [0, 1, 2, 3]) expect(wide.numbered(l)).toBe(deep.network.layers[l]!.units);
    expect(wide.heading(2)).toEqual({ drawn: 'hidden 2 (8)', title: null });
    cleanup();
    const narrow = show(360);
    expect(narrow.numbered(3)).toBe(8);
    for (const l of [0, 1, 2]) expect(narrow.numbered(l)).toBe(0);
    expect(narrow.heading(2)).toEqual({ drawn: '2 (8)', title: 'hidden 2' });
  });
});
