/**
 * The backward pass you can watch: shared colour scales, numbers on the units, the loss node,
 * the narrated sentence and stepping back, each checked against the trace's own numbers.
 */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createNetwork } from '../../../src/core/network.ts';
import type { Phase } from '../../../src/core/phases.ts';
import { createRng } from '../../../src/core/rng.ts';
import type { NetworkSpec } from '../../../src/core/spec.ts';
import { fromRows, zeros } from '../../../src/core/tensor.ts';
import type { Trace } from '../../../src/core/trace.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { NetworkGraph } from '../../../src/views/graph/NetworkGraph.tsx';
import { colourAt, formatEngineering, signedColour } from '../../../src/views/shared/diverging.ts';
import { RunStatus } from '../../../src/views/status/RunStatus.tsx';
import { worked } from '../../../src/views/shared/worked.ts';
import { renderInLab } from '../lab-harness.tsx';
import { shownText } from '../shown-text.ts';

afterEach(cleanup);

const planar = findPreset('planar-2-4-1')!;
const f = formatEngineering;

function setup(language: 'en' | 'zh' = 'en', spec: NetworkSpec = planar.network, ui = <NetworkGraph width={600} height={560} />) {
  const h = renderInLab(ui, language);
  const batch = { x: fromRows([[0.5, -1], [2, 0.25], [-1, 1]]), t: fromRows([[1], [0], [1]]) };
  const net = createNetwork(spec, { weights: { kind: 'gaussian', std: 1 }, biases: { kind: 'zero' } }, createRng(3));
  const trainer = new Trainer(net, planar.hyper);
  act(() => h.emit({ type: 'ready', info: { name: 'x', network: spec, hyper: planar.hyper, batchSize: 3, trainSize: 3, testSize: 0, stepsPerEpoch: 1, parameterCount: 0 } }));
  act(() => h.emit({ type: 'status', status: 'paused', step: 0 }));
  const stepper = trainer.begin(batch, { trace: true });
  let trace: Trace = stepper.trace();
  /** Runs n more phases and shows the resulting snapshot. */
  const phases = (n: number) => {
    let phase: Phase | null = null;
    for (let i = 0; i < n; i++) phase = stepper.next();
    trace = stepper.trace();
    act(() => h.emit({ type: 'snapshot', step: 0, epoch: 0, phase, params: trainer.params, trace }));
    return trace;
  };
  const text = (selector: string) => shownText(h.container.querySelector(selector));
  const narration = () => shownText(screen.getByTestId('narration'))!;
  return { h, phases, text, narration, trace: () => trace };
}

/** A hand-made trace of a 2-2-2 identity net in which layer 2's activations are 10⁶ times smaller than layer 1's. */
function tinyLayerTrace(): { spec: NetworkSpec; trace: Trace } {
  const spec: NetworkSpec = { layers: [{ units: 2 }, { units: 2, activation: 'identity' }, { units: 2, activation: 'identity' }], loss: 'mean-squared-error' };
  const a1 = fromRows([[0.8, -0.4]]);
  const a2 = fromRows([[0.8e-6, -0.5e-6]]);
  const layer = (W: number[][], a: typeof a1) => ({ W: fromRows(W), b: new Float64Array(2), z: a, a });
  const trace: Trace = {
    step: 0,
    x: fromRows([[0.1, 0.2]]),
    t: fromRows([[0, 0]]),
    layers: [layer([[1, 0], [0, 1]], a1), layer([[1e-6, 0], [0, 1e-6]], a2)],
    phases: [{ kind: 'forward', layer: 1 }, { kind: 'forward', layer: 2 }],
  };
  return { spec, trace };
}

describe('honest colour', () => {
  function showTiny(scaling?: 'layer') {
    const { spec, trace } = tinyLayerTrace();
    const h = renderInLab(<NetworkGraph width={600} height={560} />);
    act(() => h.emit({ type: 'ready', info: { name: 'x', network: spec, hyper: planar.hyper, batchSize: 1, trainSize: 1, testSize: 0, stepsPerEpoch: 1, parameterCount: 0 } }));
    if (scaling) act(() => h.lab.ui.getState().setColourScaling(scaling));
    act(() => h.emit({ type: 'snapshot', step: 0, epoch: 0, phase: { kind: 'forward', layer: 2 }, params: trace.layers.map((l) => ({ W: l.W, b: l.b })), trace }));
    const fill = (u: string) => h.container.querySelector(`[data-unit="${u}"]`)!.getAttribute('fill');
    return { h, fill };
  }

  it('a tiny number on the graph (800e−9) reads out beside it as 800×10⁻⁹, the power of ten a real superscript', () => {
    const { h } = showTiny();
    expect(h.container.querySelector('[data-unit-value="2:0"]')!.textContent).toBe('800e−9');
    fireEvent.pointerEnter(h.container.querySelector('[data-unit="2:0"]')!);
    const readout = h.container.querySelector('.graph-readout')!;
    expect(readout.textContent).not.toMatch(/\de[−-]/);
    expect(shownText(readout)).toBe('layer 2, unit 0, sample 0:  z² = 800×10⁻⁹,  a² = 800×10⁻⁹,  δ² = —');
    expect([...readout.querySelectorAll('sup')].map((e) => e.textContent)).toEqual(['2', '−9', '2', '−9', '2']);
  });

  it('shares one scale per quantity across layers: a layer 10⁶× smaller is drawn as zero', () => {
    const { fill, h } = showTiny();
    expect(fill('1:0')).toBe(colourAt(1));
    expect(fill('1:1')).toBe(colourAt(-0.5));
    expect(fill('2:0')).toBe(colourAt(0));
    expect(fill('2:1')).toBe(colourAt(0));
    // The legend marks each layer's own range on the one shared bar.
    const legend = screen.getByRole('img', { name: /^units: a, layers 0, 1, 2:/ });
    expect(legend.getAttribute('aria-label')).toContain('layer 1: largest |x| = 0.8,');
    expect(legend.getAttribute('aria-label')).toContain('layer 2: largest |x| = 800e−9');
    expect(h.container.querySelectorAll('.shared-legend .range-mark')).not.toHaveLength(0);
  });

  it('per-layer scaling, when asked for, shows the small layer at full strength', () => {
    const { fill } = showTiny('layer');
    expect(fill('2:0')).toBe(colourAt(1));
    expect(fill('2:1')).toBe(signedColour(0.8e-6, 'linear')(-0.5e-6));
    expect(screen.getByTestId('colour-scaling')).toHaveProperty('value', 'layer');
  });

  it('the symmetric log scale separates values many orders of magnitude apart', () => {
    const lin = signedColour(1, 'linear');
    const log = signedColour(1, 'symlog');
    expect(lin(1e-4)).toBe(colourAt(0));
    expect(log(1e-4)).not.toBe(colourAt(0));
    expect(log(1e-3)).not.toBe(log(1e-4));
  });
});

describe('numbers on the graph', () => {
  it("each unit shows the trace's a, then δ, for the chosen sample", () => {
    const { phases, text, h } = setup();
    let tr = phases(1);
    const a1 = tr.layers[0]!.a!;
    for (let j = 0; j < 4; j++) expect(text(`[data-unit-value="1:${j}"]`)).toBe(f(a1.data[j]!));
    expect(text('[data-unit-value="0:1"]')).toBe(f(tr.x.data[1]!));
    expect(text('[data-unit-value="2:0"]')).toBeNull(); // not computed yet
    tr = phases(4); // forward 2, loss, backward 2, backward 1
    const d1 = tr.layers[0]!.delta!;
    for (let j = 0; j < 4; j++) expect(text(`[data-unit-value="1:${j}"]`)).toBe(f(d1.data[j]!));
    act(() => h.lab.ui.getState().setSample(2));
    for (let j = 0; j < 4; j++) expect(text(`[data-unit-value="1:${j}"]`)).toBe(f(d1.data[2 * 4 + j]!));
    fireEvent.click(screen.getByLabelText('batch mean'));
    for (let j = 0; j < 4; j++) expect(text(`[data-unit-value="1:${j}"]`)).toBe(f((d1.data[j]! + d1.data[4 + j]! + d1.data[8 + j]!) / 3));
  });

  it('the sample can be changed from the graph', () => {
    const { phases, text, h } = setup();
    const tr = phases(1);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'sample' }), { target: { value: '1' } });
    expect(h.lab.ui.getState().sample).toBe(1);
    expect(text('[data-unit-value="1:0"]')).toBe(f(tr.layers[0]!.a!.data[4]!));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'sample' }), { target: { value: '7' } });
    expect(h.lab.ui.getState().sample).toBe(1); // out of the batch: refused
  });

  it('labels output units with their classes when the loss is over classes', () => {
    const mnist = findPreset('mnist-two-layer-relu')!.network;
    const h = renderInLab(<NetworkGraph width={600} height={560} />);
    act(() => h.emit({ type: 'ready', info: { name: 'x', network: mnist, hyper: planar.hyper, batchSize: 2, trainSize: 2, testSize: 0, stepsPerEpoch: 1, parameterCount: 0 } }));
    expect([...h.container.querySelectorAll('.class-label')].map((e) => e.textContent)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    void zeros;
  });
});

describe('the loss node', () => {
  it("shows the trace's loss from the loss phase on, with the targets and δᴸ on its lines", () => {
    const { phases, text, h } = setup();
    phases(2);
    expect(text('[data-testid="loss-node-value"]')).toBe('—');
    let tr = phases(1);
    expect(text('[data-testid="loss-node-value"]')).toBe(f(tr.loss!.total));
    expect(text('[data-testid="loss-node-sample"]')).toBe(`sample 0: ${f(tr.perSampleLoss![0]!)}`);
    expect(text('[data-target="0"]')).toBe(`t=${f(tr.t.data[0]!)}`);
    expect(h.container.querySelector('[data-loss-edge="0"]')!.getAttribute('stroke')).toBe('var(--muted)');
    tr = phases(1);
    const d = tr.layers[1]!.delta!.data[0]!;
    expect(h.container.querySelector('[data-loss-edge="0"]')!.getAttribute('stroke')).not.toBe('var(--muted)');
    expect(text('[data-unit-value="2:0"]')).toBe(f(d));
    expect(text('[data-target="0"]')).toBe(`t=${f(tr.t.data[0]!)} δ=${f(d)}`);
  });

  it('the header shows the batch loss as soon as the loss phase has run', () => {
    const { phases, h } = setup('en', planar.network, (
      <>
        <RunStatus />
        <NetworkGraph width={600} height={560} />
      </>
    ));
    phases(2);
    expect(screen.getByTestId('loss').textContent).toBe('—');
    const tr = phases(1);
    expect(screen.getByTestId('loss').textContent).toBe(tr.loss!.total.toFixed(4));
    void h;
  });
});

describe('the narration', () => {
  it("narrates every phase with the trace's own numbers", () => {
    const { phases, narration } = setup();
    const seen: string[] = [];
    let tr = phases(1);
    const a = tr.layers[0]!.a!.data;
    const j = [0, 1, 2, 3].reduce((b, q) => (Math.abs(a[q]!) > Math.abs(a[b]!) ? q : b), 0);
    expect(narration()).toContain(`a¹${'₀₁₂₃'[j]} = tanh(${f(tr.layers[0]!.z!.data[j]!)}) = ${f(a[j]!)}`);
    seen.push(narration());
    tr = phases(1);
    expect(narration()).toContain(`a²₀ = z²₀ = ${f(tr.layers[1]!.z!.data[0]!)}`);
    seen.push(narration());
    tr = phases(1);
    expect(narration()).toContain(`y = ${f(tr.y!.data[0]!)}, t = 1, its loss Lᵢ = ${f(tr.perSampleLoss![0]!)}; the batch loss is L = ${f(tr.loss!.total)}`);
    seen.push(narration());
    tr = phases(1);
    expect(narration()).toContain(`δ²₀ = ${f(tr.y!.data[0]!)} − 1 = ${f(tr.layers[1]!.delta!.data[0]!)}`); // t = 1
    seen.push(narration());
    tr = phases(1);
    const d1 = tr.layers[0]!.delta!.data;
    const q = [0, 1, 2, 3].reduce((b, u) => (Math.abs(d1[u]!) > Math.abs(d1[b]!) ? u : b), 0);
    const W2 = tr.layers[1]!.W.data;
    const a1 = tr.layers[0]!.a!.data[q]!;
    const sum = W2[q]! * tr.layers[1]!.delta!.data[0]!;
    // The operands with the digits that reproduce the shown δ by hand (shared/worked.ts).
    const line = worked([sum, 1 - a1 * a1], ([s, d]) => s! * d!, d1[q]!, formatEngineering, 3);
    expect(narration()).toContain(`δ¹${'₀₁₂₃'[q]} = ${line.operands[0]} × ${line.operands[1]} = ${f(d1[q]!)}`); // tanh' > 0: no parentheses
    expect(sum * (1 - a1 * a1)).toBeCloseTo(d1[q]!, 15);
    seen.push(narration());
    tr = phases(1);
    const moves = tr.layers.flatMap((lt, l) => [...lt.updateW!.data].map((u, s) => ({ l, s, u })));
    const big = moves.reduce((b, m) => (Math.abs(m.u) > Math.abs(b.u) ? m : b));
    const lt = tr.layers[big.l]!;
    const dw = lt.dW!.data[big.s]!;
    expect(narration()).toContain(`= ${f(lt.W.data[big.s]!)} − 1.2 × ${dw < 0 ? `(${f(dw)})` : f(dw)} = ${f(lt.W.data[big.s]! + big.u)}`);
    seen.push(narration());
    expect(new Set(seen).size).toBe(6);
  });

  it('speaks 简体中文 with the same numbers', () => {
    const { phases, narration } = setup('zh');
    phases(4);
    const tr = phases(1);
    expect(narration()).toMatch(/^反向，第 1 层：每个隐藏单元的误差项等于上一层误差项的加权和/);
    const d1 = tr.layers[0]!.delta!.data;
    const q = [0, 1, 2, 3].reduce((b, u) => (Math.abs(d1[u]!) > Math.abs(d1[b]!) ? u : b), 0);
    expect(narration()).toContain(`= ${f(d1[q]!)}。`);
  });
});

describe('stepping back within a step', () => {
  it('← shows the previous phase again from the same trace, → comes back', () => {
    const { phases, text } = setup();
    const tr = phases(4); // forward 1, forward 2, loss, backward 2
    expect(shownText(screen.getByTestId('phase-label'))).toMatch(/^backward 2:/);
    fireEvent.keyDown(document.body, { key: 'ArrowLeft' });
    expect(shownText(screen.getByTestId('phase-label'))).toMatch(/^loss:/);
    expect(shownText(screen.getByTestId('phase-label'))).toContain('showing phase 3 of 4');
    expect(text('[data-unit-value="2:0"]')).toBe(f(tr.layers[1]!.a!.data[0]!));
    fireEvent.click(screen.getByRole('button', { name: 'Previous phase' }));
    fireEvent.keyDown(document.body, { key: 'ArrowLeft' });
    expect(shownText(screen.getByTestId('phase-label'))).toMatch(/^forward 1:/);
    expect(text('[data-unit-value="2:0"]')).toBeNull();
    expect(text('[data-testid="loss-node-value"]')).toBe('—');
    expect(screen.queryByRole('button', { name: 'Previous phase' })).toBeNull(); // at the first phase: hidden, its place kept
    for (let i = 0; i < 3; i++) fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(shownText(screen.getByTestId('phase-label'))).toMatch(/^backward 2:/);
    expect(shownText(screen.getByTestId('phase-label'))).not.toContain('showing phase');
  });

  it('the motion of a phase starts from the trace: backward 1 sends W·δ down every line of layer 2', () => {
    const { phases, h } = setup();
    phases(5);
    expect(h.container.querySelector('[data-testid="motion"]')!.getAttribute('data-dots')).toBe(String(4 * 1));
    phases(1);
    expect(h.container.querySelectorAll('.moving-weight')).toHaveLength(2 * 4 + 4 * 1);
  });

  it('draws the moving dots under the units and their numbers, so that a dot never covers a digit', () => {
    const { phases, h } = setup();
    phases(1); // forward 1: dots travel from the input units to layer 1
    const motion = h.container.querySelector('[data-testid="motion"]')!;
    const numbers = [...h.container.querySelectorAll('.unit-value, .unit, [data-testid="loss-node-value"]')];
    expect(numbers.length).toBeGreaterThan(0);
    // Later in the SVG's order is drawn on top: every unit and number must come after the motion.
    for (const n of numbers) expect(motion.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING, n.outerHTML.slice(0, 60)).toBeTruthy();
  });
});
