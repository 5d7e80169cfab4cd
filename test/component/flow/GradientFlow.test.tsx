import { LIVE_VIEW_INTERVAL_MS } from '../../../src/views/lab-context.tsx';
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MARGIN } from '../../../src/views/shared/chart.ts';
import { GradientFlow } from '../../../src/views/flow/GradientFlow.tsx';
import { renderInLab } from '../lab-harness.tsx';

afterEach(cleanup);

const W = 640;
const H = 400;
type Lab = ReturnType<typeof renderInLab>;

/**
 * Emits flow sampled every 5 steps from `from`, for two weight layers:
 * ‖∂L/∂W¹‖ = 2e-4 (vanishing), ‖∂L/∂W²‖ = 0.5; ‖ΔW¹‖/‖W¹‖ = 1e-5, ‖ΔW²‖/‖W²‖ = 1e-2.
 */
function emitFlow(h: Lab, from: number, n: number, scale = 1) {
  const step = Float64Array.from({ length: n }, (_, i) => from + 5 * i);
  const gradNorm = new Float64Array(2 * n);
  const updateRatio = new Float64Array(2 * n);
  for (let r = 0; r < n; r++) {
    gradNorm.set([2e-4 * scale, 0.5 * scale], 2 * r);
    updateRatio.set([1e-5, 1e-2], 2 * r);
  }
  const none = new Float64Array(0);
  act(() => h.emit({ type: 'metrics', steps: { step: none, loss: none, learningRate: none }, evaluations: [], flow: { step, layers: 2, gradNorm, updateRatio } }));
}

/** The points of a d3 line path "Mx,yLx,y…". */
function points(d: string | null | undefined): [number, number][] {
  return (d ?? '')
    .split(/[ML]/)
    .filter((p) => p !== '')
    .map((p) => p.split(',').map(Number) as [number, number]);
}

const svg = () => screen.getByRole('img');
const layerPaths = (plot: string) => [...svg().querySelectorAll<SVGPathElement>(`.${plot} path.layer`)];
const ticks = (plot: string) => [...svg().querySelectorAll(`.${plot} .axis-${plot} .tick`)];
const tickLabels = (plot: string) => ticks(plot).map((t) => t.textContent);
const tickY = (tick: Element) => Number(/translate\([^,]+,([^)]+)\)/.exec(tick.getAttribute('transform')!)![1]);

describe('GradientFlow', () => {
  it('shows an empty state before any flow is measured', () => {
    renderInLab(<GradientFlow width={W} height={H} />);
    expect(svg().getAttribute('aria-label')).toBe('Gradient flow: nothing measured yet');
    expect(screen.getByText('No gradient flow yet')).toBeDefined();
    expect(screen.getByText('It is measured on traced steps while training.')).toBeDefined();
    expect(svg().querySelectorAll('path.layer')).toHaveLength(0);
    expect(svg().getAttribute('width')).toBe(String(W));
  });

  it('draws one line per weight layer in each plot, with a point per history bucket', () => {
    const h = renderInLab(<GradientFlow width={W} height={H} />);
    emitFlow(h, 0, 30);
    for (const plot of ['grad-norm', 'update-ratio']) {
      const paths = layerPaths(plot);
      expect(paths.map((p) => p.dataset.layer)).toEqual(['1', '2']);
      for (const p of paths) expect(points(p.getAttribute('d'))).toHaveLength(30);
    }
    // x: steps 0 … 145 across the plot
    const first = points(layerPaths('grad-norm')[0]!.getAttribute('d'));
    expect(first[0]![0]).toBe(MARGIN.left);
    expect(first.at(-1)![0]).toBe(W - MARGIN.right);
    // the vanishing layer 1 lies below layer 2 (larger y is lower)
    expect(first[0]![1]).toBeGreaterThan(points(layerPaths('grad-norm')[1]!.getAttribute('d'))[0]![1]);
    expect([...svg().querySelectorAll('[data-legend]')].map((g) => g.textContent)).toEqual(['layer 1', 'layer 2']);
    expect(svg().getAttribute('aria-label')).toBe('Gradient flow, latest: ‖∂L/∂W‖ layer 1 2.00e-4, layer 2 0.5; ‖ΔW‖/‖W‖ layer 1 1.00e-5, layer 2 0.01');
  });

  it('stays bounded: long runs are drawn from the decimated buckets, not per step', () => {
    const h = renderInLab(<GradientFlow width={W} height={H} />);
    emitFlow(h, 0, 5000);
    const buckets = h.lab.history.getState().gradNorm[0]!.length;
    expect(buckets).toBeLessThan(2048);
    for (const p of layerPaths('grad-norm')) expect(points(p.getAttribute('d'))).toHaveLength(buckets);
  });

  it('uses log axes in whole decades, and marks the 10⁻³ rule of thumb on the update ratio', () => {
    const h = renderInLab(<GradientFlow width={W} height={H} />);
    emitFlow(h, 0, 10);
    expect(tickLabels('grad-norm')).toEqual(['10⁻⁴', '0.01', '1']);
    expect(tickLabels('update-ratio')).toEqual(['10⁻⁵', '10⁻⁴', '10⁻³', '0.01']);
    // decades are equally spaced
    const ys = ticks('update-ratio').map(tickY);
    expect(ys[0]! - ys[1]!).toBeCloseTo(ys[2]! - ys[3]!, 6);
    const guide = svg().querySelector('.update-ratio .guide')!;
    expect(guide.querySelector('line')!.getAttribute('y1')).toBe(String(tickY(ticks('update-ratio')[2]!)));
    expect(guide.textContent).toBe('10⁻³: rule of thumb');
    expect(svg().querySelector('.grad-norm .guide')).toBeNull();
    // layer 2's ratio (1e-2) sits on the 0.01 tick
    expect(points(layerPaths('update-ratio')[1]!.getAttribute('d'))[0]![1]).toBeCloseTo(tickY(ticks('update-ratio')[3]!), 1);
  });

  it('keeps the guide inside the axis even when every ratio is far from it', () => {
    const h = renderInLab(<GradientFlow width={W} height={H} />);
    const one = Float64Array.of(0);
    act(() => h.emit({ type: 'metrics', steps: { step: one, loss: one, learningRate: one }, evaluations: [], flow: { step: one, layers: 1, gradNorm: Float64Array.of(3), updateRatio: Float64Array.of(0.5) } }));
    expect(tickLabels('update-ratio')[0]).toBe('10⁻³');
    expect(tickLabels('update-ratio').at(-1)).toBe('1');
  });

  it('redraws at most every LIVE_VIEW_INTERVAL_MS while training runs free', async () => {
    const h = renderInLab(<GradientFlow width={W} height={H} />);
    act(() => h.emit({ type: 'status', status: 'running', step: 0 })); // draws at once, then waits one interval
    emitFlow(h, 0, 10);
    emitFlow(h, 50, 10);
    expect(layerPaths('grad-norm')).toHaveLength(0); // still the frame drawn when training started
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, LIVE_VIEW_INTERVAL_MS + 50)));
    expect(points(layerPaths('grad-norm')[0]!.getAttribute('d'))).toHaveLength(20);
  });

  it('puts a legend of many layers in rows of its own above the plots when it does not fit beside the title', () => {
    const h = renderInLab(<GradientFlow width={320} height={300} />);
    const one = Float64Array.of(7);
    const L = 9;
    const values = Float64Array.from({ length: L }, (_, l) => 10 ** -l);
    act(() => h.emit({ type: 'metrics', steps: { step: one, loss: one, learningRate: one }, evaluations: [], flow: { step: one, layers: L, gradNorm: values, updateRatio: values } }));
    const items = [...svg().querySelectorAll<SVGGElement>('[data-legend]')];
    expect(items.map((g) => g.textContent)).toEqual(Array.from({ length: L }, (_, i) => `layer ${i + 1}`));
    const rowsY = new Set(items.map((g) => /translate\([^,]+,([^)]+)\)/.exec(g.getAttribute('transform')!)![1]));
    expect(rowsY.size).toBeGreaterThan(1); // wrapped
    const lowestRow = Math.max(...[...rowsY].map(Number));
    const title = svg().querySelector('.grad-norm .axis-title')!;
    expect(Number(title.getAttribute('y'))).toBeGreaterThan(lowestRow + 8); // the title sits below every legend row
    for (const g of items) expect(Number(/translate\(([^,]+),/.exec(g.getAttribute('transform')!)![1])).toBeLessThan(320 - MARGIN.right);
    expect(layerPaths('grad-norm')).toHaveLength(L);
  });

  it('speaks Chinese', () => {
    const h = renderInLab(<GradientFlow width={W} height={H} />, 'zh');
    expect(screen.getByText('还没有梯度流数据')).toBeDefined();
    emitFlow(h, 0, 10);
    expect([...svg().querySelectorAll('[data-legend]')].map((g) => g.textContent)).toEqual(['第 1 层', '第 2 层']);
    expect(screen.getByText('各层 ‖∂L/∂W‖（对数坐标）')).toBeDefined();
    expect(screen.getByText('各层 ‖ΔW‖ / ‖W‖：更新量 ÷ 权重（对数坐标）')).toBeDefined();
    expect(screen.getByText('10⁻³：经验值')).toBeDefined();
    expect(screen.getByText('步数')).toBeDefined();
  });
});
