/**
 * The convention switch in the words of the screen: the graph's phase formulas, its readout
 * and the narration's indices, the code panel (which follows the screen but can be overridden
 * there), and the switch itself in both languages.
 */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createNetwork } from '../../../src/core/network.ts';
import { createRng } from '../../../src/core/rng.ts';
import { fromRows } from '../../../src/core/tensor.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { CodePanel } from '../../../src/views/code/CodePanel.tsx';
import { numpyCode } from '../../../src/views/code/numpy.ts';
import { ConventionSwitch } from '../../../src/views/controls/ConventionSwitch.tsx';
import { NetworkGraph } from '../../../src/views/graph/NetworkGraph.tsx';
import { renderInLab } from '../lab-harness.tsx';
import { shownText } from '../shown-text.ts';

afterEach(cleanup);

const planar = findPreset('planar-2-4-1')!; // 2-4-1

function stepped(ui: React.ReactElement) {
  const h = renderInLab(ui);
  const trainer = new Trainer(createNetwork(planar.network, { weights: { kind: 'xavier' }, biases: { kind: 'zero' } }, createRng(1)), planar.hyper);
  act(() => h.emit({ type: 'ready', info: { name: 'x', network: planar.network, hyper: planar.hyper, batchSize: 3, trainSize: 10, testSize: 0, stepsPerEpoch: 1, parameterCount: 17 } }));
  const stepper = trainer.begin({ x: fromRows([[0.5, -1], [2, 0.25], [-1, 1]]), t: fromRows([[1], [0], [1]]) }, { trace: true });
  const phases = (n: number) => {
    let phase = null;
    for (let i = 0; i < n; i++) phase = stepper.next();
    act(() => h.emit({ type: 'snapshot', step: 0, epoch: 0, phase, params: trainer.params, trace: stepper.trace() }));
  };
  const convention = (c: 'rows' | 'columns') => act(() => h.lab.ui.getState().setConvention(c));
  return { h, phases, convention };
}

describe('formulas and phase lines in either convention', () => {
  it('writes each phase’s formula as z = W·a + b, δ = (Wᵀ·δ) ⊙ f′, ∂L/∂W = δ·aᵀ in columns', () => {
    const { phases, convention } = stepped(<NetworkGraph width={600} height={400} />);
    const label = () => shownText(screen.getByTestId('phase-label'));
    const both = () => {
      const rows = label();
      convention('columns');
      const columns = label();
      convention('rows');
      return [rows, columns];
    };
    phases(1);
    expect(both()).toEqual(['forward 1: z¹ = a⁰·W¹ + b¹,  a¹ = tanh(z¹)', 'forward 1: z¹ = W¹·a⁰ + b¹,  a¹ = tanh(z¹)']);
    phases(3); // forward 2, loss, backward 2
    expect(both()).toEqual([
      'backward 2: δ² = y − t,  ∂L/∂W² = (1/m)·a¹ᵀ·δ²,  ∂L/∂b² = (1/m)·Σᵢ δ²ᵢ',
      'backward 2: δ² = y − t,  ∂L/∂W² = (1/m)·δ²·a¹ᵀ,  ∂L/∂b² = (1/m)·Σᵢ δ²ᵢ',
    ]);
    phases(1);
    expect(both()).toEqual([
      "backward 1: δ¹ = (δ²·W²ᵀ) ⊙ f'(z¹),  ∂L/∂W¹ = (1/m)·a⁰ᵀ·δ¹,  ∂L/∂b¹ = (1/m)·Σᵢ δ¹ᵢ",
      "backward 1: δ¹ = (W²ᵀ·δ²) ⊙ f'(z¹),  ∂L/∂W¹ = (1/m)·δ¹·a⁰ᵀ,  ∂L/∂b¹ = (1/m)·Σᵢ δ¹ᵢ",
    ]);
  });

  it('indexes the readout and the narration’s weight as the layout does', () => {
    const { h, phases, convention } = stepped(<NetworkGraph width={600} height={400} />);
    phases(6); // the whole step: the update sentence names the selected weight
    act(() => h.lab.ui.getState().select({ kind: 'weight', layer: 1, i: 0, j: 3 }));
    const narration = () => shownText(screen.getByTestId('narration'))!;
    expect(narration()).toMatch(/W¹\[0\]\[3\] = /);
    convention('columns');
    expect(narration()).toMatch(/W¹\[3\]\[0\] = /);
    fireEvent.pointerEnter(h.container.querySelector('[data-weight="2:3:0"]')!);
    expect(shownText(h.container.querySelector('.graph-readout'))).toMatch(/^W²\[0\]\[3\] = /);
    fireEvent.pointerEnter(h.container.querySelector('[data-unit="0:1"]')!);
    expect(shownText(h.container.querySelector('.graph-readout'))).toMatch(/^input x\[1\]\[0\] = /);
  });
});

describe('the code panel follows the screen’s convention', () => {
  const code = (h: ReturnType<typeof renderInLab>) => Array.from(h.container.querySelectorAll('.code-line'), (l) => l.textContent!.replace(/^\d+/, '')).join('\n');
  const column = () => screen.getByRole('radio', { name: 'Column vectors: z = W·a + b' }) as HTMLInputElement;
  const row = () => screen.getByRole('radio', { name: 'Row vectors: z = a·W + b' }) as HTMLInputElement;

  it('starts in it, can be overridden there, and follows again when the screen switch changes', () => {
    const { h, convention } = stepped(<CodePanel />);
    expect(row().checked).toBe(true);
    convention('columns');
    expect(column().checked).toBe(true);
    expect(code(h)).toBe(numpyCode(planar.network, planar.hyper, 'layers', 'column').lines.join('\n'));
    fireEvent.click(row()); // the panel's own choice
    expect(row().checked).toBe(true);
    expect(h.lab.ui.getState().convention).toBe('columns'); // the screen keeps its own
    convention('rows');
    convention('columns');
    expect(column().checked).toBe(true);
  });
});

describe('the switch', () => {
  it('sets the screen’s convention, in English and 简体中文', () => {
    const h = renderInLab(<ConventionSwitch />);
    const select = screen.getByLabelText('Notation') as HTMLSelectElement;
    expect(Array.from(select.options, (o) => o.textContent)).toEqual(['rows (x·W)', 'columns (W·x)']);
    fireEvent.change(select, { target: { value: 'columns' } });
    expect(h.lab.ui.getState().convention).toBe('columns');
    cleanup();
    renderInLab(<ConventionSwitch />, 'zh');
    expect(Array.from((screen.getByLabelText('记法') as HTMLSelectElement).options, (o) => o.textContent)).toEqual(['行向量（x·W）', '列向量（W·x）']);
  });
});
