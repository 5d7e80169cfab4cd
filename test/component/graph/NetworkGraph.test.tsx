import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createNetwork } from '../../../src/core/network.ts';
import { createRng } from '../../../src/core/rng.ts';
import type { NetworkSpec } from '../../../src/core/spec.ts';
import { fromRows, zeros } from '../../../src/core/tensor.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { formatEngineering } from '../../../src/views/shared/diverging.ts';
import { LIGHT_SIGNED } from '../../../src/views/shared/signed-palette.ts';
import { NetworkGraph } from '../../../src/views/graph/NetworkGraph.tsx';
import { renderInLab } from '../lab-harness.tsx';
import { shownText } from '../shown-text.ts';

afterEach(cleanup);

const planar = findPreset('planar-2-4-1')!;

function setup(spec: NetworkSpec = planar.network, batch = { x: fromRows([[0.5, -1], [2, 0.25], [-1, 1]]), t: fromRows([[1], [0], [1]]) }) {
  const h = renderInLab(<NetworkGraph width={600} height={400} />);
  const net = createNetwork(spec, { weights: { kind: 'xavier' }, biases: { kind: 'zero' } }, createRng(1));
  const trainer = new Trainer(net, planar.hyper);
  act(() => {
    h.emit({ type: 'ready', info: { name: 'x', network: spec, hyper: planar.hyper, batchSize: batch.x.rows, trainSize: 10, testSize: 0, stepsPerEpoch: 1, parameterCount: 0 } });
  });
  const stepper = trainer.begin(batch, { trace: true });
  /** Runs n more phases and shows the resulting snapshot. */
  const phases = (n: number) => {
    let phase = null;
    for (let i = 0; i < n; i++) phase = stepper.next();
    act(() => h.emit({ type: 'snapshot', step: 0, epoch: 0, phase, params: trainer.params, trace: stepper.trace() }));
  };
  return { h, stepper, phases, trainer };
}

describe('NetworkGraph', () => {
  it('draws a node per unit and a line per weight', () => {
    const { h } = setup();
    expect(h.container.querySelectorAll('circle.unit')).toHaveLength(2 + 4 + 1);
    expect(h.container.querySelectorAll('line[data-weight]')).toHaveLength(2 * 4 + 4 * 1);
  });

  it('draws every line with a neutral edge under it, a pixel wider, in the palette’s line colour (a zero weight is still a line)', () => {
    const { h } = setup();
    const floor = [...h.container.querySelectorAll('.edge-floor line')];
    const weights = [...h.container.querySelectorAll('line[data-weight]')];
    expect(floor).toHaveLength(weights.length);
    for (const g of h.container.querySelectorAll('.edge-floor')) expect(g.getAttribute('stroke')).toBe(LIGHT_SIGNED.line);
    floor.forEach((line, n) => expect(Number(line.getAttribute('stroke-width'))).toBeCloseTo(Number(weights[n]!.getAttribute('stroke-width')) + 1, 9));
    // Under the lines: each layer's edges come before its values.
    const layer = h.container.querySelector('g.edges')!;
    expect(layer.firstElementChild!.getAttribute('class')).toBe('edge-floor');
  });

  it('labels the phase with the formula the core computes and highlights its layer', () => {
    const { h, phases } = setup();
    phases(1);
    expect(shownText(screen.getByTestId('phase-label'))).toBe('forward 1: z¹ = a⁰·W¹ + b¹,  a¹ = tanh(z¹)');
    expect(h.container.querySelector('g.layer.active')?.getAttribute('data-layer')).toBe('1');
    phases(2); // forward 2, loss
    expect(shownText(screen.getByTestId('phase-label'))).toMatch(/^loss: Lᵢ = −Σⱼ \[tⱼ·log yⱼ \+ \(1 − tⱼ\)·log\(1 − yⱼ\)\], y = σ\(z\)/);
    phases(1); // backward 2
    expect(shownText(screen.getByTestId('phase-label'))).toBe('backward 2: δ² = y − t,  ∂L/∂W² = (1/m)·a¹ᵀ·δ²,  ∂L/∂b² = (1/m)·Σᵢ δ²ᵢ');
    phases(1); // backward 1
    expect(shownText(screen.getByTestId('phase-label'))).toBe("backward 1: δ¹ = (δ²·W²ᵀ) ⊙ f'(z¹),  ∂L/∂W¹ = (1/m)·a⁰ᵀ·δ¹,  ∂L/∂b¹ = (1/m)·Σᵢ δ¹ᵢ");
    phases(1);
    expect(shownText(screen.getByTestId('phase-label'))).toBe('update: W ← W − η·∂L/∂W,  b ← b − η·∂L/∂b  (η = 1.2)');
  });

  it('hover reads out the exact numbers of the trace for the focused sample', () => {
    const { h, phases, stepper } = setup();
    phases(4); // forward 1, forward 2, loss, backward 2
    const trace = stepper.trace();
    fireEvent.pointerEnter(h.container.querySelector('[data-unit="1:2"]')!);
    const z = trace.layers[0]!.z!.data[2]!;
    const a = trace.layers[0]!.a!.data[2]!;
    const readout = () => shownText(h.container.querySelector('.graph-readout'));
    expect(readout()).toBe(`layer 1, unit 2, sample 0:  z¹ = ${formatEngineering(z, 4)},  a¹ = ${formatEngineering(a, 4)},  δ¹ = —`);
    fireEvent.pointerEnter(h.container.querySelector('[data-weight="2:3:0"]')!);
    const w = trace.layers[1]!.W.data[3]!;
    const dw = trace.layers[1]!.dW!.data[3]!;
    expect(readout()).toBe(`W²[3][0] = ${formatEngineering(w, 4)},  ∂L/∂W = ${formatEngineering(dw, 4)},  ΔW = —`);
    // A mouse leaving clears the readout; a finger lifting (a tap on a phone) leaves it to be read.
    fireEvent.pointerLeave(h.container.querySelector('[data-weight="2:3:0"]')!, { pointerType: 'mouse' });
    expect(readout()).toMatch(/^Hover over or tap/);
    fireEvent.pointerEnter(h.container.querySelector('[data-unit="1:2"]')!, { pointerType: 'touch' });
    fireEvent.pointerLeave(h.container.querySelector('[data-unit="1:2"]')!, { pointerType: 'touch' });
    expect(readout()).toMatch(/^layer 1, unit 2, sample 0:/);
  });

  it('says which layers the shared linear scale draws nearly white, and which switch shows them', () => {
    // Inputs of ±40 set the shared scale; tanh units (|a| ≤ 1) and the output are under 5 % of it.
    const { h, phases } = setup(planar.network, { x: fromRows([[40, -40]]), t: fromRows([[1]]) });
    phases(2);
    const readout = () => shownText(h.container.querySelector('.graph-readout'));
    expect(readout()).toBe('Layers 1, 2: nearly white here; Colours → per layer shows them.');
    fireEvent.change(screen.getByTestId('colour-scaling'), { target: { value: 'layer' } });
    expect(readout()).toMatch(/^Hover over or tap/);
    fireEvent.change(screen.getByTestId('colour-scaling'), { target: { value: 'shared' } });
    fireEvent.change(screen.getByDisplayValue('linear'), { target: { value: 'symlog' } }); // symlog shows small values
    expect(readout()).toMatch(/^Hover over or tap/);
  });

  it('shows δ on units from the backward phases on, and the shared legends say so', () => {
    const { phases } = setup();
    phases(3);
    expect(screen.getByRole('img', { name: /^units: a, layers 0, 1, 2:/ })).toBeDefined();
    phases(1);
    expect(screen.getByRole('img', { name: /^units: δ, layers 2:/ })).toBeDefined();
    expect(screen.getByRole('img', { name: /^weights: ∂L\/∂W, layers 1, 2:|^weights: ∂L\/∂W, layers 2:/ })).toBeDefined();
  });

  it('clicking selects a unit or a weight for the other views', () => {
    const { h } = setup();
    fireEvent.click(h.container.querySelector('[data-unit="1:3"]')!);
    expect(h.lab.ui.getState().selection).toEqual({ kind: 'unit', layer: 1, unit: 3 });
    fireEvent.click(h.container.querySelector('[data-weight="1:0:2"]')!);
    expect(h.lab.ui.getState().selection).toEqual({ kind: 'weight', layer: 1, i: 0, j: 2 });
    expect(h.container.querySelector('[data-weight="1:0:2"]')?.getAttribute('stroke')).toBe('var(--accent)');
  });

  it('draws a 784-input layer as the image and pages through a wide hidden layer', () => {
    const mnist = findPreset('mnist-two-layer-relu')!.network;
    const { h } = setup(mnist, { x: zeros(2, 784), t: fromRows([[1, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]]) });
    const shown = h.container.querySelectorAll('[data-unit^="1:"]').length;
    expect(shown).toBeLessThan(50);
    expect(h.container.querySelectorAll('circle.unit')).toHaveLength(shown + 10);
    expect(h.container.querySelector('[data-layer="0"] .layer-label')!.textContent).toBe('input image (28×28)');
    expect(screen.getByText(`0–${shown - 1} of 50`)).toBeDefined();
    for (let k = 0; k < 10; k++) fireEvent.click(screen.getByRole('button', { name: 'Later units of layer 1' }));
    expect(screen.getByText(`${50 - shown}–49 of 50`)).toBeDefined();
    expect(h.container.querySelector('[data-unit="1:49"]')).not.toBeNull();
  });

  it('speaks 简体中文', () => {
    const h = renderInLab(<NetworkGraph width={600} height={400} />, 'zh');
    act(() => h.emit({ type: 'ready', info: { name: 'x', network: planar.network, hyper: planar.hyper, batchSize: 3, trainSize: 10, testSize: 0, stepsPerEpoch: 1, parameterCount: 0 } }));
    expect(h.container.querySelector('[data-layer="1"] .layer-label')!.textContent).toBe('隐藏层 1 (4)');
  });
});
