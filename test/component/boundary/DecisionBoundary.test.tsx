import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DataPoints } from '../../../src/engine/protocol.ts';
import type { NetworkSpec } from '../../../src/core/spec.ts';
import { fromRows } from '../../../src/core/tensor.ts';
import { DecisionBoundary } from '../../../src/views/boundary/DecisionBoundary.tsx';
import { renderInLab } from '../lab-harness.tsx';
import { info, installFakes, pixel, snapshot, trace } from './fakes.ts';

/** p = σ(x₁): negative on the left of the plane, positive on the right. */
const spec: NetworkSpec = { layers: [{ units: 2 }, { units: 1, activation: 'identity' }], loss: 'sigmoid-binary-cross-entropy' };
const params = [{ W: fromRows([[1], [0]]), b: Float64Array.of(0) }];
const points: DataPoints = {
  x: fromRows([[-2, -1], [-1, 1], [1, -1], [2, 1], [0, 2], [0, -2]]),
  y: Float64Array.of(0, 0, 1, 1, 1, 0),
  test: Uint8Array.of(0, 0, 0, 0, 1, 1),
  kind: 'classification',
};
const batch = () => trace(fromRows([[-2, -1], [1, -1], [2, 1]]), fromRows([[0], [1], [1]]));

const fakes = installFakes();

describe('DecisionBoundary', () => {
  it('draws training points filled and test points hollow, coloured by class, and rings the batch', () => {
    const h = renderInLab(<DecisionBoundary />);
    act(() => h.emit({ type: 'ready', info: info(spec, points) }));
    const q = (s: string) => h.container.querySelectorAll(s);
    expect(q('[data-point="train"]').length).toBe(4);
    expect(q('[data-point="test"]').length).toBe(2);
    expect(q('[data-point="train"][data-class="1"]').length).toBe(2);
    expect(q('[data-point="test"][data-class="0"]').length).toBe(1);
    const fillOf = (s: string) => q(s)[0]!.getAttribute('fill');
    expect(fillOf('[data-point="train"][data-class="0"]')).not.toBe(fillOf('[data-point="train"][data-class="1"]'));
    expect(fillOf('[data-point="test"]')).toBe('white');
    expect(q('[data-batch]').length).toBe(0);

    act(() => h.emit(snapshot(params, batch())));
    expect(q('[data-batch]').length).toBe(3);
    expect(q('[data-selected-sample]')[0]!.getAttribute('data-selected-sample')).toBe('0');
    act(() => h.lab.ui.getState().setSample(2));
    expect(q('[data-selected-sample]')[0]!.getAttribute('data-selected-sample')).toBe('2');
    expect(screen.getByLabelText('4 training points, 2 test points, 3 in the current batch')).toBeDefined();
  });

  it('rings no point when the batch is the whole training set, but still the selected sample', () => {
    const h = renderInLab(<DecisionBoundary />);
    act(() => h.emit({ type: 'ready', info: info(spec, points) })); // trainSize 4
    act(() => h.emit(snapshot(params, trace(fromRows([[-2, -1], [-1, 1], [1, -1], [2, 1]]), fromRows([[0], [0], [1], [1]])))));
    expect(h.container.querySelectorAll('[data-batch]').length).toBe(0);
    act(() => h.lab.ui.getState().setSample(1));
    expect(h.container.querySelectorAll('[data-selected-sample="1"]').length).toBe(1);
    expect(screen.getByLabelText('4 training points, 2 test points, 4 in the current batch')).toBeDefined();
  });

  it('paints σ(x₁) − 0.5 once per frame: blue on the left, red on the right', () => {
    const h = renderInLab(<DecisionBoundary resolution={16} />);
    act(() => h.emit({ type: 'ready', info: info(spec, points) }));
    act(() => fakes.frames.flush()); // the frame of the empty start
    // three snapshots, each with its own arrays as the worker sends them: three renders, one frame
    for (let s = 1; s <= 3; s++) act(() => h.emit(snapshot([{ W: fromRows([[1], [0]]), b: Float64Array.of(0) }], batch(), s)));
    expect(fakes.canvases.puts()).toBe(0);
    expect(fakes.frames.pending()).toBe(1);
    act(() => fakes.frames.flush());
    expect(fakes.canvases.puts()).toBe(1);
    const canvas = screen.getByRole('img', { name: 'Network output over the input plane' }) as HTMLCanvasElement;
    expect(canvas.getAttribute('data-painted')).toBe('yes');
    const rgba = fakes.canvases.painted.get(canvas)!;
    const [lr, , lb] = pixel(rgba, 16, 8, 0);
    const [rr, , rb] = pixel(rgba, 16, 8, 15);
    expect(lb).toBeGreaterThan(lr + 40);
    expect(rr).toBeGreaterThan(rb + 40);
    // the same column has the same colour in every row: the output depends on x₁ only
    expect(pixel(rgba, 16, 0, 3)).toEqual(pixel(rgba, 16, 15, 3));
    expect(screen.getByRole('img', { name: /p\(class 1\) − 0\.5: −0\.5 to \+0\.5/ })).toBeDefined();
  });

  it('computes a coarser grid for a wide network', () => {
    const wide: NetworkSpec = {
      layers: [{ units: 2 }, { units: 64, activation: 'relu' }, { units: 64, activation: 'relu' }, { units: 1, activation: 'identity' }],
      loss: 'sigmoid-binary-cross-entropy',
    };
    const h = renderInLab(<DecisionBoundary />);
    act(() => h.emit({ type: 'ready', info: info(wide, points) }));
    const canvas = h.container.querySelector('canvas')!;
    expect([canvas.width, canvas.height]).toEqual([18, 18]);
  });

  it('says there are no weights yet when the snapshot carries none', () => {
    const h = renderInLab(<DecisionBoundary />);
    act(() => h.emit({ type: 'ready', info: info(spec, points) }));
    act(() => h.emit(snapshot([], null)));
    act(() => fakes.frames.flush());
    expect(screen.getByRole('status').textContent).toMatch(/No weights yet/);
    expect(fakes.canvases.puts()).toBe(0);
  });

  it('renders nothing for 784 or 1 inputs', () => {
    const mnist: NetworkSpec = { layers: [{ units: 784 }, { units: 10, activation: 'identity' }], loss: 'softmax-cross-entropy' };
    const h = renderInLab(<DecisionBoundary />);
    act(() => h.emit({ type: 'ready', info: info(mnist) }));
    expect(h.container.innerHTML).toBe('');
    act(() => h.emit({ type: 'ready', info: info({ layers: [{ units: 1 }, { units: 1, activation: 'identity' }], loss: 'squared-error-half' }) }));
    expect(h.container.innerHTML).toBe('');
    act(() => h.emit({ type: 'ready', info: info(spec, points) }));
    expect(h.container.innerHTML).not.toBe('');
  });

  it('shows class swatches for three classes', () => {
    const three: NetworkSpec = { layers: [{ units: 2 }, { units: 3, activation: 'identity' }], loss: 'softmax-cross-entropy' };
    const h = renderInLab(<DecisionBoundary />);
    act(() => h.emit({ type: 'ready', info: info(three, { ...points, y: Float64Array.of(0, 1, 2, 0, 1, 2) }) }));
    expect(screen.getByLabelText('Predicted class').textContent).toMatch(/class 0.*class 1.*class 2/);
    expect(h.container.querySelectorAll('[data-point][data-class="2"]').length).toBe(2);
  });

  it('speaks 简体中文', () => {
    const h = renderInLab(<DecisionBoundary />, 'zh');
    act(() => h.emit({ type: 'ready', info: info(spec, points) }));
    act(() => h.emit(snapshot(params, batch())));
    expect(screen.getByText('决策边界')).toBeDefined();
    expect(screen.getByText('训练点')).toBeDefined();
    expect(screen.getByText('测试点')).toBeDefined();
    expect(screen.getByRole('img', { name: /p\(类别 1\) − 0\.5/ })).toBeDefined();
    expect(screen.getByRole('img', { name: '网络输出在输入平面上的分布' })).toBeDefined();
  });
});
