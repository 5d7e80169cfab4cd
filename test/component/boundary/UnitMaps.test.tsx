import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DataPoints } from '../../../src/engine/protocol.ts';
import type { NetworkSpec } from '../../../src/core/spec.ts';
import { fromRows, zeros } from '../../../src/core/tensor.ts';
import { UnitMaps } from '../../../src/views/boundary/UnitMaps.tsx';
import { renderInLab } from '../lab-harness.tsx';
import { info, installFakes, pixel, snapshot } from './fakes.ts';

const planar: NetworkSpec = {
  layers: [{ units: 2 }, { units: 4, activation: 'tanh' }, { units: 1, activation: 'identity' }],
  loss: 'sigmoid-binary-cross-entropy',
};
/** Unit 1 is tanh(x₁), unit 2 is tanh(−x₂), units 3 and 4 are 0. */
const params = [
  { W: fromRows([[1, 0, 0, 0], [0, -1, 0, 0]]), b: new Float64Array(4) },
  { W: zeros(4, 1), b: Float64Array.of(0) },
];
const points: DataPoints = { x: fromRows([[-1, -1], [1, 1]]), y: Float64Array.of(0, 1), test: Uint8Array.of(0, 0), kind: 'classification' };

const fakes = installFakes();

describe('UnitMaps', () => {
  it('shows one map per hidden unit; clicking one selects that unit', () => {
    const h = renderInLab(<UnitMaps />);
    act(() => h.emit({ type: 'ready', info: info(planar, points) }));
    const maps = screen.getAllByRole('button');
    expect(maps.length).toBe(4);
    fireEvent.click(screen.getByRole('button', { name: 'Layer 1, unit 3: activation over the plane' }));
    expect(h.lab.ui.getState().selection).toEqual({ kind: 'unit', layer: 1, unit: 2 });
    expect(maps.map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'true', 'false']);
  });

  it('paints each unit’s activation over the plane', () => {
    const h = renderInLab(<UnitMaps resolution={10} />);
    act(() => h.emit({ type: 'ready', info: info(planar, points) }));
    act(() => h.emit(snapshot(params, null)));
    act(() => fakes.frames.flush());
    const [u1, u2, u3] = screen.getAllByRole('button').map((b) => fakes.canvases.painted.get(b.querySelector('canvas')!)!);
    expect(fakes.canvases.puts()).toBe(4);
    const blue = ([r, , b]: number[]) => b! > r! + 40;
    const red = ([r, , b]: number[]) => r! > b! + 40;
    expect(blue(pixel(u1!, 10, 5, 0)) && red(pixel(u1!, 10, 5, 9))).toBe(true); // tanh(x₁): left −, right +
    expect(red(pixel(u2!, 10, 9, 5)) && blue(pixel(u2!, 10, 0, 5))).toBe(true); // tanh(−x₂): bottom +, top −
    expect(pixel(u3!, 10, 0, 0)).toEqual(pixel(u3!, 10, 9, 9)); // a constant unit is one colour
  });

  it('shows every hidden layer, at most maxUnits maps each', () => {
    const deep: NetworkSpec = {
      layers: [{ units: 2 }, { units: 40, activation: 'relu' }, { units: 3, activation: 'tanh' }, { units: 1, activation: 'identity' }],
      loss: 'sigmoid-binary-cross-entropy',
    };
    const h = renderInLab(<UnitMaps maxUnits={32} />);
    act(() => h.emit({ type: 'ready', info: info(deep, points) }));
    expect(h.container.querySelectorAll('[data-layer="1"] button').length).toBe(32);
    expect(h.container.querySelectorAll('[data-layer="2"] button').length).toBe(3);
    expect(screen.getByText('+8 more')).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Layer 2, unit 1: activation over the plane' }));
    expect(h.lab.ui.getState().selection).toEqual({ kind: 'unit', layer: 2, unit: 0 });
    expect(h.lab.ui.getState().layer).toBe(2);
  });

  it('renders nothing for 784 inputs or without hidden layers', () => {
    const h = renderInLab(<UnitMaps />);
    act(() => h.emit({ type: 'ready', info: info({ layers: [{ units: 784 }, { units: 30, activation: 'sigmoid' }, { units: 10, activation: 'identity' }], loss: 'softmax-cross-entropy' }) }));
    expect(h.container.innerHTML).toBe('');
    act(() => h.emit({ type: 'ready', info: info({ layers: [{ units: 2 }, { units: 1, activation: 'identity' }], loss: 'sigmoid-binary-cross-entropy' }, points) }));
    expect(h.container.innerHTML).toBe('');
  });

  it('speaks 简体中文', () => {
    const h = renderInLab(<UnitMaps />, 'zh');
    act(() => h.emit({ type: 'ready', info: info(planar, points) }));
    expect(screen.getByText('第 1 层')).toBeDefined();
    expect(screen.getByText('隐藏单元在输入平面上的激活')).toBeDefined();
    expect(screen.getByRole('button', { name: '第 1 层，单元 2：在输入平面上的激活' })).toBeDefined();
  });
});
