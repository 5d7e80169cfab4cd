import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DataPoints } from '../../../src/engine/protocol.ts';
import type { NetworkSpec } from '../../../src/core/spec.ts';
import { fromRows, zeros, type Matrix } from '../../../src/core/tensor.ts';
import { BatchSamples } from '../../../src/views/samples/BatchSamples.tsx';
import { renderInLab } from '../lab-harness.tsx';
import { info, installFakes, pixel, snapshot, trace } from '../boundary/fakes.ts';

const mnist: NetworkSpec = {
  layers: [{ units: 784 }, { units: 30, activation: 'sigmoid' }, { units: 10, activation: 'identity' }],
  loss: 'softmax-cross-entropy',
};

/** m one-hot rows of 10 classes. */
function oneHot(classes: readonly number[]): Matrix {
  const t = zeros(classes.length, 10);
  classes.forEach((k, i) => (t.data[i * 10 + k] = 1));
  return t;
}

/** 25 images; image i has ink in pixel i only. Labels i mod 10, predictions right except every 4th. */
function mnistTrace(withY = true) {
  const m = 25;
  const x = zeros(m, 784);
  for (let i = 0; i < m; i++) x.data[i * 784 + i] = 1;
  const labels = Array.from({ length: m }, (_, i) => i % 10);
  const predictions = labels.map((k, i) => (i % 4 === 3 ? (k + 1) % 10 : k));
  return trace(x, oneHot(labels), withY ? oneHot(predictions) : undefined);
}

const fakes = installFakes();

describe('BatchSamples with MNIST', () => {
  it('shows up to 20 digits with label → prediction, marked right or wrong, and counts the rest', () => {
    const h = renderInLab(<BatchSamples />);
    act(() => h.emit({ type: 'ready', info: info(mnist) }));
    expect(screen.getByRole('status').textContent).toMatch(/No batch yet/);
    act(() => h.emit(snapshot([], mnistTrace())));
    const samples = screen.getAllByRole('button');
    expect(samples.length).toBe(20);
    expect(samples[6]!.textContent).toBe('6 → 6 ✓');
    expect(samples[7]!.textContent).toBe('7 → 8 ✗');
    expect(samples[3]!.textContent).toBe('3 → 4 ✗');
    expect(samples[3]!.getAttribute('data-correct')).toBe('false');
    expect(h.container.querySelectorAll('[data-correct="false"]').length).toBe(5); // samples 3, 7, 11, 15, 19
    expect(screen.getByText('+5 more')).toBeDefined();
    expect(screen.getByText('25 samples in the batch')).toBeDefined();
    expect(screen.getByRole('button', { name: 'Sample 4: label 3, prediction 4, wrong' })).toBe(samples[3]);
  });

  it('draws each sample’s pixels on its canvas', () => {
    const h = renderInLab(<BatchSamples />);
    act(() => h.emit({ type: 'ready', info: info(mnist) }));
    act(() => h.emit(snapshot([], mnistTrace())));
    act(() => fakes.frames.flush());
    expect(fakes.canvases.puts()).toBe(20);
    const image = (i: number) => fakes.canvases.painted.get(screen.getAllByRole('button')[i]!.querySelector('canvas')!)!;
    expect(pixel(image(0), 28, 0, 0)).toEqual([0, 0, 0]); // ink in pixel 0 of image 0
    expect(pixel(image(0), 28, 0, 1)).toEqual([255, 255, 255]);
    expect(pixel(image(5), 28, 0, 5)).toEqual([0, 0, 0]);
  });

  it('clicking a sample focuses it', () => {
    const h = renderInLab(<BatchSamples max={8} />);
    act(() => h.emit({ type: 'ready', info: info(mnist) }));
    act(() => h.emit(snapshot([], mnistTrace())));
    expect(screen.getAllByRole('button').length).toBe(8);
    fireEvent.click(screen.getAllByRole('button')[5]!);
    expect(h.lab.ui.getState().sample).toBe(5);
    expect(screen.getAllByRole('button')[5]!.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getAllByRole('button')[0]!.getAttribute('aria-pressed')).toBe('false');
  });

  it('shows "?" before the loss phase has computed y', () => {
    const h = renderInLab(<BatchSamples />);
    act(() => h.emit({ type: 'ready', info: info(mnist) }));
    act(() => h.emit(snapshot([], mnistTrace(false))));
    expect(screen.getAllByRole('button')[7]!.textContent).toBe('7 → ?');
    expect(screen.getByRole('button', { name: 'Sample 8: label 7, prediction not computed yet' })).toBeDefined();
  });

  it('speaks 简体中文', () => {
    const h = renderInLab(<BatchSamples />, 'zh');
    act(() => h.emit({ type: 'ready', info: info(mnist) }));
    act(() => h.emit(snapshot([], mnistTrace())));
    expect(screen.getByText('当前批次的样本')).toBeDefined();
    expect(screen.getByText('另有 5 个')).toBeDefined();
    expect(screen.getByRole('button', { name: '样本 4：标签 3，预测 4，错误' })).toBeDefined();
  });
});

describe('BatchSamples with 2-D points', () => {
  const planar: NetworkSpec = {
    layers: [{ units: 2 }, { units: 4, activation: 'tanh' }, { units: 1, activation: 'identity' }],
    loss: 'sigmoid-binary-cross-entropy',
  };
  const points: DataPoints = { x: fromRows([[0.5, -1.25], [2, 3], [-0.75, 0]]), y: Float64Array.of(1, 0, 1), test: Uint8Array.of(0, 0, 0), kind: 'classification' };
  const batch = () => trace(points.x, fromRows([[1], [0], [1]]), fromRows([[0.9], [0.7], [0.2]]));

  it('lists the batch points with x₁, x₂, label and prediction', () => {
    const h = renderInLab(<BatchSamples />);
    act(() => h.emit({ type: 'ready', info: info(planar, points) }));
    act(() => h.emit(snapshot([], batch())));
    const table = screen.getByRole('table');
    const headers = within(table).getAllByRole('columnheader').map((c) => c.textContent);
    expect(headers).toEqual(['#', 'x₁', 'x₂', 'label', 'prediction']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['1', '0.5', '-1.25', '1', '1 ✓'],
      ['2', '2', '3', '0', '1 ✗'],
      ['3', '-0.75', '0', '1', '0 ✗'],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Sample 2: label 0, prediction 1, wrong' }));
    expect(h.lab.ui.getState().sample).toBe(1);
    expect(rows[1]!.getAttribute('aria-selected')).toBe('true');
    expect(fakes.canvases.puts()).toBe(0);
  });

  it('speaks 简体中文', () => {
    const h = renderInLab(<BatchSamples />, 'zh');
    act(() => h.emit({ type: 'ready', info: info(planar, points) }));
    act(() => h.emit(snapshot([], batch())));
    expect(within(screen.getByRole('table')).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['序号', 'x₁', 'x₂', '标签', '预测']);
  });
});
