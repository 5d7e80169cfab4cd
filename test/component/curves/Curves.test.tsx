import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Measurement } from '../../../src/presets/experiment.ts';
import { Curves } from '../../../src/views/curves/Curves.tsx';
import { LOSS_SHARE } from '../../../src/views/curves/geometry.ts';
import { MARGIN } from '../../../src/views/shared/chart.ts';
import { renderInLab } from '../lab-harness.tsx';

afterEach(cleanup);

const W = 640;
const H = 400;
// The plots' pixel edges for W × H with the accuracy chart shown (geometry.ts layout).
const LEFT = MARGIN.left;
const RIGHT = W - MARGIN.right;
const LOSS_TOP = MARGIN.top;
const LOSS_BOTTOM = Math.round(H * LOSS_SHARE) - MARGIN.bottom;
const ACC_TOP = Math.round(H * LOSS_SHARE) + MARGIN.top;
const ACC_BOTTOM = H - MARGIN.bottom - MARGIN.axisTitle;

type Lab = ReturnType<typeof renderInLab>;

/** Emits `n` consecutive steps from `from`, with loss and learning rate as functions of the step. */
function emitSteps(h: Lab, from: number, n: number, loss: (s: number) => number, rate: (s: number) => number = () => 1.2, evaluations: Measurement[] = []) {
  const step = Float64Array.from({ length: n }, (_, i) => from + i);
  act(() => h.emit({ type: 'metrics', steps: { step, loss: step.map(loss), learningRate: step.map(rate) }, evaluations, flow: null }));
}

/** Lets the pending animation frame run (the chart redraws at most once per frame). */
async function nextFrame() {
  await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
}

function evaluation(iteration: number, m: Partial<Measurement>): Measurement {
  return { iteration, epoch: iteration, loss: null, trainAccuracy: null, testLoss: null, testAccuracy: null, ...m };
}

/** The points of a d3 line path "Mx,yLx,y…". */
function points(d: string | null | undefined): [number, number][] {
  return (d ?? '')
    .split(/[MLZ]/)
    .filter((p) => p !== '')
    .map((p) => p.split(',').map(Number) as [number, number]);
}

const svg = () => screen.getByRole('img');
const path = (selector: string) => svg().querySelector(selector)?.getAttribute('d');
const tickLabels = (axis: string, chart = '') => [...svg().querySelectorAll(`${chart} .axis-${axis} .tick text`)].map((t) => t.textContent);
const xOf = (step: number, lo: number, hi: number) => LEFT + ((step - lo) / (hi - lo)) * (RIGHT - LEFT);

describe('Curves', () => {
  it('shows axes and a message before any step', () => {
    renderInLab(<Curves width={W} height={H} />);
    expect(svg().getAttribute('aria-label')).toBe('Training curves: no training yet');
    expect(screen.getByText('No training yet')).toBeDefined();
    expect(tickLabels('step', '.loss-chart')).toEqual(['0', '20', '40', '60', '80', '100']);
    expect(tickLabels('step', '.accuracy-chart')).toEqual(['0', '20', '40', '60', '80', '100']);
    expect(tickLabels('loss')).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
    expect(tickLabels('accuracy')).toEqual(['0%', '50%', '100%']);
    expect(svg().getAttribute('width')).toBe(String(W));
    expect(path('path.raw')).toBe('');
  });

  it('draws one point per bucket, never per step, at the bucket means and extremes', async () => {
    const h = renderInLab(<Curves width={W} height={H} />);
    // 5000 alternating losses 1, 2: the 2048 buckets merge twice, to 1250 buckets of 4 steps (mean 1.5).
    emitSteps(h, 0, 5000, (s) => 1 + (s % 2));
    await nextFrame();
    expect(h.lab.history.getState().loss.length).toBe(1250);
    const raw = points(path('path.raw'));
    const smoothed = points(path('path.smoothed'));
    const envelope = points(path('path.envelope'));
    expect(raw).toHaveLength(1250);
    expect(smoothed).toHaveLength(1250);
    expect(envelope).toHaveLength(2500); // upper edge there, lower edge back
    // Loss axis 0..2 over [LOSS_BOTTOM, LOSS_TOP].
    const y = (v: number) => LOSS_BOTTOM - (v / 2) * (LOSS_BOTTOM - LOSS_TOP);
    for (const [, py] of raw) expect(py).toBeCloseTo(y(1.5), 1);
    for (const [, py] of smoothed) expect(py).toBeCloseTo(y(1.5), 1);
    expect(envelope[0]![1]).toBeCloseTo(y(2), 1);
    expect(envelope.at(-1)![1]).toBeCloseTo(y(1), 1);
    // The first bucket covers steps 0..3 (drawn at 1.5), the last 4996..4999 (at 4997.5).
    expect(raw[0]![0]).toBeCloseTo(xOf(1.5, 0, 4999), 1);
    expect(raw.at(-1)![0]).toBeCloseTo(xOf(4997.5, 0, 4999), 1);
    expect(tickLabels('step', '.loss-chart')).toEqual(['0', '1k', '2k', '3k', '4k']);
  });

  it('smooths with a time constant of 1/50 of the steps shown', async () => {
    const h = renderInLab(<Curves width={W} height={H} />);
    // Loss 2 for 500 steps, then 0: τ = 1000 / 50 = 20 steps, so 20 steps after the drop the average is 2/e.
    emitSteps(h, 0, 1000, (s) => (s < 500 ? 2 : 0));
    await nextFrame();
    const y = (v: number) => LOSS_BOTTOM - (v / 2) * (LOSS_BOTTOM - LOSS_TOP);
    const smoothed = points(path('path.smoothed'));
    const raw = points(path('path.raw'));
    expect(smoothed[499]![1]).toBeCloseTo(y(2), 1);
    expect(smoothed[519]![1]).toBeCloseTo(y(2 / Math.E), 1);
    expect(raw[519]![1]).toBeCloseTo(y(0), 1);
    expect(smoothed[999]![1]).toBeCloseTo(y(0), 1);
  });

  it('redraws at most once per animation frame', async () => {
    const h = renderInLab(<Curves width={W} height={H} />);
    emitSteps(h, 0, 100, () => 1);
    emitSteps(h, 100, 100, () => 1);
    emitSteps(h, 200, 100, () => 1);
    // Three batches arrived; nothing is drawn until the frame.
    expect(screen.getByText('No training yet')).toBeDefined();
    expect(path('path.raw')).toBe('');
    await nextFrame();
    expect(screen.queryByText('No training yet')).toBeNull();
    expect(points(path('path.raw'))).toHaveLength(300);
  });

  it('marks where the learning rate changed, not where it started', async () => {
    const h = renderInLab(<Curves width={W} height={H} />);
    emitSteps(h, 0, 1000, () => 1, (s) => (s < 400 ? 0.5 : 0.1));
    await nextFrame();
    const markers = svg().querySelectorAll('.marker');
    expect(markers).toHaveLength(1);
    const marker = markers[0]!;
    expect(marker.getAttribute('data-step')).toBe('400');
    const line = marker.querySelector('line')!;
    expect(Number(line.getAttribute('x1'))).toBeCloseTo(xOf(400, 0, 999), 6);
    expect(Number(line.getAttribute('y1'))).toBe(LOSS_TOP);
    expect(Number(line.getAttribute('y2'))).toBe(LOSS_BOTTOM);
    expect(marker.textContent).toBe('η 0.1');
  });

  it('summarises the latest values in its accessible name', async () => {
    const h = renderInLab(<Curves width={W} height={H} />);
    emitSteps(h, 0, 1201, () => 0.213, undefined, [evaluation(1200, { testLoss: 0.25, trainAccuracy: 0.93, testAccuracy: 0.9137 })]);
    await nextFrame();
    expect(svg().getAttribute('aria-label')).toBe('Loss 0.213 at step 1200 (smoothed 0.213); test loss 0.25; train accuracy 0.93; test accuracy 0.914');
  });

  it('widens its left margin for the long tick labels of a diverging loss, and both plots keep one left edge', async () => {
    const h = renderInLab(<Curves width={W} height={H} />);
    emitSteps(h, 0, 5, (s) => (s < 4 ? 0.5 : 2.574e242)); // the screen's diverged regression at rate 10
    await nextFrame();
    const labels = tickLabels('loss');
    expect(labels).toEqual(['0', '5e+241', '1e+242', '1.5e+242', '2e+242', '2.5e+242']); // 8 characters: ~48 px at 10 px, more than MARGIN.left leaves
    const axisX = (chart: string) => Number(svg().querySelector(`${chart} .axis > line`)!.getAttribute('x1'));
    const left = axisX('.loss-chart');
    expect(left).toBeGreaterThan(MARGIN.left);
    // Every label ends 6 px left of the axis and starts inside the SVG (≈ 0.6 em a character).
    for (const label of labels) expect(left - 6 - label!.length * 0.6 * 10, label!).toBeGreaterThanOrEqual(0);
    expect(axisX('.accuracy-chart')).toBe(left);
    // A new run of ordinary losses has the usual margin again.
    act(h.ready);
    emitSteps(h, 0, 6, () => 0.5);
    await nextFrame();
    expect(axisX('.loss-chart')).toBe(MARGIN.left);
  });

  it('switches the loss axis to a log scale', async () => {
    const h = renderInLab(<Curves width={W} height={H} />);
    emitSteps(h, 0, 200, (s) => 2 * Math.exp(-s / 50) + 0.05);
    await nextFrame();
    expect(tickLabels('loss')).toEqual(['0', '0.5', '1', '1.5', '2']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Log scale (loss)' }));
    // The log axis spans exactly the losses seen, 2e^(−199/50) + 0.05 .. 2.05, under two decades: ticks at 1-2-5.
    expect(tickLabels('loss')).toEqual(['0.1', '0.2', '0.5', '1', '2']);
    const lo = Math.log(2 * Math.exp(-199 / 50) + 0.05);
    const hi = Math.log(2.05);
    const tick = svg().querySelectorAll('.axis-loss .tick')[0]!;
    const y = Number(/translate\([\d.]+,([\d.]+)\)/.exec(tick.getAttribute('transform')!)![1]);
    expect(y).toBeCloseTo(LOSS_BOTTOM - ((Math.log(0.1) - lo) / (hi - lo)) * (LOSS_BOTTOM - LOSS_TOP), 6);
    // The curves follow: the last raw mean (0.0874) sits at the bottom edge.
    expect(points(path('path.raw')).at(-1)![1]).toBeCloseTo(LOSS_BOTTOM, 1);
  });

  it('draws train and test accuracy per evaluation for classification', async () => {
    const h = renderInLab(<Curves width={W} height={H} />);
    const evaluations = [0, 100, 200, 300].map((i) => evaluation(i, { testLoss: 1 - i / 400, trainAccuracy: 0.5 + i / 1000, testAccuracy: 0.5 + i / 2000 }));
    emitSteps(h, 0, 300, () => 1, undefined, evaluations);
    await nextFrame();
    const chart = svg().querySelector('.accuracy-chart')!;
    const train = points(chart.querySelector('path.train-accuracy')?.getAttribute('d'));
    const test = points(chart.querySelector('path.test')?.getAttribute('d'));
    const y = (v: number) => ACC_BOTTOM - v * (ACC_BOTTOM - ACC_TOP);
    expect(train).toHaveLength(4);
    expect(test).toHaveLength(4);
    expect(train[3]![0]).toBeCloseTo(RIGHT, 1);
    expect(train[3]![1]).toBeCloseTo(y(0.8), 1);
    expect(test[2]![1]).toBeCloseTo(y(0.6), 1);
    expect(chart.querySelectorAll('circle')).toHaveLength(8);
    expect([...chart.querySelectorAll('.legend text')].map((t) => t.textContent)).toEqual(['train', 'test']);
    // The test loss joins the loss chart, with its legend entry.
    expect(points(svg().querySelector('.loss-chart path.test')?.getAttribute('d'))).toHaveLength(4);
    expect([...svg().querySelectorAll('.loss-chart .legend text')].map((t) => t.textContent)).toEqual(['min–max', 'raw', 'smoothed', 'test']);
    expect(screen.queryByText(/Regression/)).toBeNull();
  });

  it('leaves accuracy out for regression, with a note', async () => {
    const h = renderInLab(<Curves width={W} height={H} />);
    emitSteps(h, 0, 300, () => 0.5, undefined, [evaluation(150, { testLoss: 0.4 }), evaluation(300, { testLoss: 0.3 })]);
    await nextFrame();
    expect(svg().querySelector('.accuracy-chart')).toBeNull();
    expect(screen.getByText('Regression: there is no accuracy, only the loss.')).toBeDefined();
    expect(points(path('.loss-chart path.test'))).toHaveLength(2);
    // The loss chart takes the room, and carries the step axis title.
    expect(Number(svg().querySelector('.axis-loss line')!.getAttribute('y2'))).toBeGreaterThan(LOSS_BOTTOM + 100);
    expect(svg().querySelector('.axis-step .axis-title')?.textContent).toBe('Step');
    expect(svg().getAttribute('aria-label')).toBe('Loss 0.5 at step 299 (smoothed 0.5); test loss 0.3');
  });

  it('starts again empty when the engine reports a new run', async () => {
    const h = renderInLab(<Curves width={W} height={H} />);
    emitSteps(h, 0, 50, () => 1);
    await nextFrame();
    expect(points(path('path.raw'))).toHaveLength(50);
    act(h.ready);
    await nextFrame();
    expect(path('path.raw')).toBe('');
    expect(screen.getByText('No training yet')).toBeDefined();
  });

  it('speaks 简体中文', async () => {
    const h = renderInLab(<Curves width={W} height={H} />, 'zh');
    expect(screen.getByText('还没有训练')).toBeDefined();
    expect(svg().getAttribute('aria-label')).toBe('训练曲线：还没有训练');
    expect([...svg().querySelectorAll('.axis-title')].map((t) => t.textContent)).toEqual(['损失', '准确率', '步数']);
    expect(screen.getByRole('checkbox', { name: '对数坐标（损失）' })).toBeDefined();
    emitSteps(h, 0, 1000, () => 0.4, (s) => (s < 500 ? 1 : 0.25), [evaluation(1000, { trainAccuracy: 0.75, testAccuracy: 0.7 })]);
    await nextFrame();
    expect(svg().getAttribute('aria-label')).toBe('第 999 步损失 0.4（平滑 0.4）；训练准确率 0.75；测试准确率 0.7');
    expect(svg().querySelector('.marker')?.textContent).toBe('η 0.25');
    expect([...svg().querySelectorAll('.legend text')].map((t) => t.textContent)).toEqual(['最小–最大', '原始', '平滑', '训练集', '测试集']);
  });
});
