import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNetwork } from '../../../src/core/network.ts';
import { createRng } from '../../../src/core/rng.ts';
import { fromRows } from '../../../src/core/tensor.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { CodePanel } from '../../../src/views/code/CodePanel.tsx';
import { numpyCode } from '../../../src/views/code/numpy.ts';
import { renderInLab } from '../lab-harness.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const planar = findPreset('planar-2-4-1')!; // 2-4-1, tanh + sigmoid cross-entropy, SGD, lr 1.2

function setup(language: 'en' | 'zh' = 'en') {
  const h = renderInLab(<CodePanel />, language);
  const spec = planar.network;
  act(() => {
    h.emit({ type: 'ready', info: { name: 'x', network: spec, hyper: planar.hyper, batchSize: 3, trainSize: 10, testSize: 0, stepsPerEpoch: 1, parameterCount: 17 } });
  });
  const trainer = new Trainer(createNetwork(spec, { weights: { kind: 'xavier' }, biases: { kind: 'zero' } }, createRng(1)), planar.hyper);
  const stepper = trainer.begin({ x: fromRows([[0.5, -1], [2, 0.25], [-1, 1]]), t: fromRows([[1], [0], [1]]) }, { trace: true });
  /** Runs n more phases and shows the resulting snapshot. */
  const phases = (n: number) => {
    let phase = null;
    for (let i = 0; i < n; i++) phase = stepper.next();
    act(() => h.emit({ type: 'snapshot', step: 0, epoch: 0, phase, params: trainer.params, trace: stepper.trace() }));
  };
  const lines = () => [...h.container.querySelectorAll<HTMLElement>('.code-line')];
  /** The code of a line, without its line number. */
  const code = (el: Element) => el.textContent!.replace(/^\d+/, '');
  const highlighted = () => lines().filter((l) => l.getAttribute('aria-current') === 'true');
  const listing = () => lines().map(code).join('\n');
  return { h, phases, lines, code, highlighted, listing };
}

describe('CodePanel', () => {
  it('shows the network’s step as numbered NumPy code with the shapes of its layers', () => {
    const { lines, code, listing } = setup();
    const expected = numpyCode(planar.network, planar.hyper, 'layers', 'row').lines;
    expect(lines()).toHaveLength(expected.length);
    expect(lines()[0]!.querySelector('.code-ln')!.textContent).toBe('1');
    expect(lines().at(-1)!.getAttribute('data-line')).toBe(String(expected.length));
    expect(listing()).toBe(expected.join('\n'));
    expect(listing()).toContain('class Affine:');
    expect(listing()).toContain('class SigmoidWithLoss:');
    expect(listing()).toContain('def step(x, t, params, lr=1.2):');
    const z1 = lines().find((l) => code(l).trim().startsWith('z1 = affine1.forward(x)'))!;
    expect(code(z1)).toMatch(/# \(m, 4\)$/);
    expect(z1.querySelector('.code-comment')!.textContent).toBe('# (m, 4)');
    expect(screen.getByText(/One training step of this 2-4-1 network in NumPy/)).toBeDefined();
    expect(screen.getByTestId('code-phase').textContent).toBe('Step by phase to highlight the lines each phase runs.');
  });

  it('highlights the lines of the current phase, and the highlight moves with the phase', () => {
    const { phases, highlighted, code } = setup();
    const { phaseLines } = numpyCode(planar.network, planar.hyper, 'layers', 'row');
    phases(1); // forward 1
    let on = highlighted().map(code).map((s) => s.trim());
    expect(highlighted().map((l) => Number(l.getAttribute('data-line')))).toEqual(phaseLines.get('forward 1'));
    expect(on.some((s) => s.startsWith('z1 = affine1.forward(x)'))).toBe(true);
    expect(on.some((s) => s.startsWith('a1 = tanh1.forward(z1)'))).toBe(true);
    expect(on.some((s) => s.includes('delta'))).toBe(false);
    const [first] = phaseLines.get('forward 1')!;
    expect(screen.getByTestId('code-phase').textContent).toMatch(new RegExp(`^Highlighted: forward 1, lines ${first}`));

    phases(2); // forward 2, loss
    on = highlighted().map(code).map((s) => s.trim());
    expect(on).toContain('loss = last_layer.forward(a2, t)');

    phases(2); // backward 2, backward 1
    on = highlighted().map(code).map((s) => s.trim());
    expect(highlighted().map((l) => Number(l.getAttribute('data-line')))).toEqual(phaseLines.get('backward 1'));
    expect(on.some((s) => s.startsWith('delta1 = tanh1.backward(da1)'))).toBe(true);
    expect(on.some((s) => s.startsWith('dW1 = affine1.dW'))).toBe(true);
    expect(on.some((s) => s.startsWith('z1 ='))).toBe(false);
    expect(screen.getByTestId('code-phase').textContent).toMatch(/^Highlighted: backward 1, lines /);

    phases(1); // update
    on = highlighted().map(code).map((s) => s.trim());
    expect(on).toContain('optimizer.update(params, grads, lr)');
  });

  it('switches style and convention, and the highlight follows into the new code', () => {
    const { phases, highlighted, code, listing } = setup();
    phases(5); // … backward 1
    fireEvent.click(screen.getByRole('radio', { name: 'backprop() loops' }));
    expect(listing()).toBe(numpyCode(planar.network, planar.hyper, 'loop', 'row').lines.join('\n'));
    expect(listing()).toContain('    for l in range(2, L + 1):');
    expect(listing()).toContain('def step(x, t, weights, biases, lr=1.2):');
    expect(highlighted().map(code).some((s) => s.trim().startsWith('delta = (delta @ weights[-l + 1].T) * f_prime[-l](zs[-l])'))).toBe(true);

    fireEvent.click(screen.getByRole('radio', { name: 'Column vectors: z = W·a + b' }));
    expect((screen.getByRole('radio', { name: 'Column vectors: z = W·a + b' }) as HTMLInputElement).checked).toBe(true);
    expect(listing()).toBe(numpyCode(planar.network, planar.hyper, 'loop', 'column').lines.join('\n'));
    expect(listing()).toContain('z = W @ activation + b');
    expect(highlighted().map(code).some((s) => s.trim().startsWith('delta = (weights[-l + 1].T @ delta) * f_prime[-l](zs[-l])'))).toBe(true);

    fireEvent.click(screen.getByRole('radio', { name: 'Layer classes' }));
    expect(listing()).toContain('        return self.W @ x + self.b');
    expect(listing()).toMatch(/z1 = affine1\.forward\(x\) +# \(4, m\)/);
  });

  it('follows the learning rate of the settings', () => {
    const { h, listing } = setup();
    act(() => h.lab.config.getState().setLearningRate(0.25));
    expect(listing()).toContain('def step(x, t, params, lr=0.25):');
  });

  it('copies the whole program and says so', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    setup();
    const button = screen.getByRole('button', { name: 'Copy' });
    await act(async () => fireEvent.click(button));
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText).toHaveBeenCalledWith(numpyCode(planar.network, planar.hyper, 'layers', 'row').lines.join('\n') + '\n');
    expect(button.textContent).toBe('Copied');
  });

  it('exports the whole experiment as a .py program and an nbformat-4 notebook, in the chosen style and convention', async () => {
    const saved: { name: string; text: string }[] = [];
    vi.stubGlobal('URL', Object.assign(Object.create(URL), { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, text: '' });
    });
    const blobs: Blob[] = [];
    const RealBlob = Blob;
    vi.stubGlobal('Blob', class extends RealBlob {
      constructor(parts: BlobPart[], options?: BlobPropertyBag) {
        super(parts, options);
        blobs.push(this);
      }
    });
    const { h } = setup();
    act(() => h.lab.config.getState().configure(planar));
    fireEvent.click(screen.getByRole('radio', { name: 'Column vectors: z = W·a + b' }));
    fireEvent.click(screen.getByRole('button', { name: 'Program .py' }));
    fireEvent.click(screen.getByRole('button', { name: 'Notebook .ipynb' }));
    expect(click).toHaveBeenCalledTimes(2);
    expect(saved.map((f) => f.name)).toEqual(['planar-2-4-1-layers-column.py', 'planar-2-4-1-layers-column.ipynb']);
    const py = await blobs[0]!.text();
    expect(py).toMatch(/^class Network:/m);
    expect(py).toMatch(/^def train\(net, X_TRAIN/m);
    expect(py).toMatch(/^X_TRAIN = np\.array\(\[$/m);
    expect(py).toContain('z = W @ a + b');
    expect(JSON.parse(await blobs[1]!.text()).nbformat).toBe(4);
  });

  it('says when copying failed', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: vi.fn().mockRejectedValue(new Error('denied')) } });
    setup();
    const button = screen.getByRole('button', { name: 'Copy' });
    await act(async () => fireEvent.click(button));
    expect(button.textContent).toBe('Could not copy');
  });

  it('speaks 简体中文', () => {
    const { phases } = setup('zh');
    expect(screen.getByRole('radio', { name: '层类' })).toBeDefined();
    expect(screen.getByRole('radio', { name: '列向量：z = W·a + b' })).toBeDefined();
    expect(screen.getByRole('button', { name: '复制' })).toBeDefined();
    expect(screen.getByText('写法')).toBeDefined();
    phases(1);
    expect(screen.getByTestId('code-phase').textContent).toMatch(/^已高亮：前向 1，第 \d/);
  });

  it('waits for the network', () => {
    renderInLab(<CodePanel />);
    expect(screen.getByText('Waiting for the network…')).toBeDefined();
  });
});
