import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gradientCheck, type GradCheckReport, type TensorCheck } from '../../../src/core/gradcheck.ts';
import { createNetwork } from '../../../src/core/network.ts';
import { createRng } from '../../../src/core/rng.ts';
import { fromRows } from '../../../src/core/tensor.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { GradCheckPanel } from '../../../src/views/gradcheck/GradCheckPanel.tsx';
import { groupDigits, logRatio, short } from '../../../src/views/gradcheck/checks.ts';
import { formatValue, colorRange } from '../../../src/views/shared/diverging.ts';
import { renderInLab } from '../lab-harness.tsx';

// jsdom has no 2-D canvas: getContext answers null, as the heatmap expects there.
beforeEach(() => vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => null));
afterEach(() => (cleanup(), vi.restoreAllMocks()));

const planar = findPreset('planar-2-4-1')!;
const batch = { x: fromRows([[0.5, -1], [2, 0.25], [-1, 1]]), t: fromRows([[1], [0], [1]]) };
/** The planar 2-4-1 net (W¹ 2 × 4, b¹ 4, W² 4 × 1, b² 1) with Xavier weights, checked on three samples. */
function checkReport(maxEntriesPerTensor?: number): GradCheckReport {
  const net = createNetwork(planar.network, { weights: { kind: 'xavier' }, biases: { kind: 'constant', value: 0.1 } }, createRng(1));
  return gradientCheck(net.spec, net.params, planar.hyper.regularization, batch, maxEntriesPerTensor === undefined ? {} : { maxEntriesPerTensor, seed: 2 });
}

/** The report with one tensor's backprop gradient scaled by `factor` and its errors recomputed. */
function corrupt(report: GradCheckReport, name: string, factor: number): GradCheckReport {
  const tensors = report.tensors.map((t): TensorCheck => {
    if (t.name !== name) return t;
    const analytic = t.analytic.map((g) => g * factor);
    const abs = analytic.map((g, q) => Math.abs(g - t.numeric[q]!));
    const relativeErrors = abs.map((d, q) => d / Math.max(Math.abs(analytic[q]!), Math.abs(t.numeric[q]!), report.relativeFloor));
    return { ...t, analytic, relativeErrors, maxAbsError: Math.max(...abs), maxRelError: Math.max(...relativeErrors), meanAbsDiff: abs.reduce((a, b) => a + b, 0) / abs.length };
  });
  return { ...report, tensors, maxRelError: Math.max(...tensors.map((t) => t.maxRelError)), maxAbsError: Math.max(...tensors.map((t) => t.maxAbsError)) };
}

function setup(language: 'en' | 'zh' = 'en') {
  const h = renderInLab(<GradCheckPanel />, language);
  act(() => h.ready());
  return h;
}

const rows = () => screen.getAllByRole('row').slice(1); // after the header row
const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);
const results = () => rows().map((r) => r.querySelector('td.result')!.textContent);
const threshold = () => screen.getByLabelText('Pass if relative error ≤') as HTMLInputElement;
function setThreshold(text: string) {
  fireEvent.change(threshold(), { target: { value: text } });
  fireEvent.keyDown(threshold(), { key: 'Enter' });
}

describe('GradCheckPanel', () => {
  it('the button asks the engine for a gradient check, once the network is there', () => {
    const h = renderInLab(<GradCheckPanel />);
    const button = screen.getByRole('button', { name: 'Gradient check' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    act(() => h.ready());
    expect((button as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(button);
    expect(h.sent.filter((c) => c.type === 'gradient-check')).toEqual([{ type: 'gradient-check' }]);
    expect(screen.getByText(/^No check yet/)).toBeDefined();
  });

  it('shows progress as done of total while the check runs, and hides it with the report', () => {
    const h = setup();
    expect(screen.queryByRole('progressbar')).toBeNull();
    act(() => h.emit({ type: 'gradcheck-progress', done: 12, total: 34 }));
    const bar = screen.getByRole('progressbar', { name: 'Checking entries: 12 of 34' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([12, 34]);
    expect(screen.getByText('Checking entries: 12 of 34', { selector: 'span' })).toBeDefined();
    act(() => h.emit({ type: 'gradcheck', report: checkReport() }));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('has one row per tensor with the report’s figures, all passing, and the method with h and the floor', () => {
    const h = setup();
    const report = checkReport();
    act(() => h.emit({ type: 'gradcheck', report }));
    expect(rows().map((r) => r.querySelector('th')!.textContent)).toEqual(['W¹', 'b¹', 'W²', 'b²']);
    report.tensors.forEach((t, i) => {
      expect(cells(rows()[i]!)).toEqual([`all ${t.size}`, short(t.maxAbsError), short(t.maxRelError), short(t.meanAbsDiff), '✓ pass']);
      expect(t.maxRelError).toBeLessThan(1e-6); // the figures shown are real passes
    });
    expect(short(report.tensors[0]!.maxRelError)).toMatch(/^\d(\.\d+)?e-\d+$/);
    expect(screen.getByRole('status').textContent).toBe(`All 4 tensors pass: max relative error ${short(report.maxRelError)} ≤ 1e-6.`);
    const method = h.container.querySelector('.gradcheck-method')!.textContent!;
    expect(method).toContain('fourth-order central difference');
    expect(method).toContain('h = 1e-3');
    expect(method).toContain('ε = |g − ĝ| / max(|g|, |ĝ|, 1e-5)');
  });

  it('says how many entries of how many were sampled', () => {
    const h = setup();
    act(() => h.emit({ type: 'gradcheck', report: checkReport(3) }));
    expect(rows().map((r) => cells(r)[0])).toEqual(['3 of 8 sampled', '3 of 4 sampled', '3 of 4 sampled', 'all 1']);
    expect(groupDigits(39200)).toBe('39\u202f200');
    expect(h.container.querySelector('.gradcheck-method')!.textContent).toContain('seeded random sample');
  });

  it('marks exactly the corrupted tensor as failing, and the threshold flips pass and fail', () => {
    const h = setup();
    const bad = corrupt(checkReport(), 'W2', 1.01);
    const w2 = bad.tensors[2]!;
    expect(w2.maxRelError).toBeGreaterThan(0.009);
    act(() => h.emit({ type: 'gradcheck', report: bad }));
    expect(results()).toEqual(['✓ pass', '✓ pass', '✗ fail', '✓ pass']);
    expect(cells(rows()[2]!).slice(1, 4)).toEqual([short(w2.maxAbsError), short(w2.maxRelError), short(w2.meanAbsDiff)]);
    expect(screen.getByRole('status').textContent).toBe('1 of 4 tensors fail: relative error above 1e-6.');

    setThreshold('0.02'); // above W²'s ~1% error
    expect(threshold().value).toBe('2e-2');
    expect(results()).toEqual(['✓ pass', '✓ pass', '✓ pass', '✓ pass']);
    setThreshold('1e-20'); // below every real error
    expect(results().every((r) => r === '✗ fail')).toBe(true);
    setThreshold('0');
    expect(screen.getByRole('alert').textContent).toBe('Must be a positive number.');
    expect(results().every((r) => r === '✗ fail')).toBe(true); // the refused value changed nothing
  });

  it('clicking a row shows that tensor’s relative errors as a log₁₀(ε/τ) heatmap of its shape', () => {
    const h = setup();
    const bad = corrupt(checkReport(), 'W2', 1.01);
    act(() => h.emit({ type: 'gradcheck', report: bad }));
    expect(screen.getByText('Click a row to see where that tensor’s errors are.')).toBeDefined();

    fireEvent.click(rows()[0]!); // W¹: 2 × 4, from unit i to unit j
    let figure = h.container.querySelector('figure.heatmap') as HTMLElement;
    expect(figure.dataset).toMatchObject({ rows: '2', cols: '4' });
    expect(screen.getByRole('button', { name: 'Show the errors of W¹' }).getAttribute('aria-pressed')).toBe('true');
    const w1 = bad.tensors[0]!;
    const values = Array.from(w1.relativeErrors, (e) => logRatio(e, 1e-6));
    expect(values.every((v) => v < 0)).toBe(true); // all pass: every cell on the blue side of the threshold
    const range = formatValue(Math.max(1, colorRange(values)));
    expect(screen.getByRole('img', { name: `log₁₀(ε/τ): −${range} to +${range}` })).toBeDefined();
    expect(h.container.querySelector('.gradcheck-key')!.textContent).toBe(
      'Colour: log₁₀(ε/τ) with τ = 1e-6. White is the threshold: red cells fail, blue cells pass, one decade per unit.',
    );

    fireEvent.click(rows()[2]!); // W²: 4 × 1, failing
    figure = h.container.querySelector('figure.heatmap') as HTMLElement;
    expect(figure.dataset).toMatchObject({ rows: '4', cols: '1' });
    expect(figure.querySelector('figcaption')!.textContent).toMatch(/^Relative errors of W²/);
    const canvas = screen.getByRole('img', { name: /^Relative errors of W²: 4 × 1 cells/ });
    act(() => canvas.focus());
    fireEvent.keyDown(canvas, { key: 'ArrowDown' });
    fireEvent.keyDown(canvas, { key: 'Enter' }); // W²[1][0]
    const w2 = bad.tensors[2]!;
    expect(h.container.querySelector('.gradcheck-entry')!.textContent).toMatch(
      new RegExp(`^W²\\[1\\]\\[0\\]: g = .*, ε = ${short(w2.relativeErrors[1]!).replace('.', '\\.')} \\(fail\\)$`),
    );
    expect(logRatio(w2.relativeErrors[1]!, 1e-6)).toBeGreaterThan(3); // red: four decades above τ
  });

  it('shows a sampled tensor as a 1 × k strip of its checked entries', () => {
    const h = setup();
    act(() => h.emit({ type: 'gradcheck', report: checkReport(3) }));
    fireEvent.click(rows()[0]!);
    const figure = h.container.querySelector('figure.heatmap') as HTMLElement;
    expect(figure.dataset).toMatchObject({ rows: '1', cols: '3' });
    expect(figure.querySelector('figcaption')!.textContent).toMatch(/^Relative errors of the 3 sampled entries of W¹/);
  });

  it('speaks Chinese', () => {
    const h = setup('zh');
    const button = screen.getByRole('button', { name: '梯度检验' });
    fireEvent.click(button);
    expect(h.sent.at(-1)).toEqual({ type: 'gradient-check' });
    act(() => h.emit({ type: 'gradcheck-progress', done: 1, total: 4 }));
    expect(screen.getByRole('progressbar', { name: '正在检验：1 / 4 个元素' })).toBeDefined();
    act(() => h.emit({ type: 'gradcheck', report: corrupt(checkReport(3), 'b1', 1.5) }));
    expect(screen.getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['张量', '检验的元素', '最大 |g − ĝ|', '最大相对误差', '平均 |g − ĝ|', '结果']);
    expect(cells(rows()[0]!)[0]).toBe('抽查 3 / 8 个');
    expect(results()).toEqual(['✓ 通过', '✗ 未通过', '✓ 通过', '✓ 通过']);
    expect(screen.getByRole('status').textContent).toBe('4 个张量中有 1 个未通过：相对误差超过 1e-6。');
    expect(screen.getByLabelText('通过条件：相对误差 ≤')).toBeDefined();
    fireEvent.click(rows()[1]!);
    expect(screen.getByText(/^b¹ 抽查的 3 个元素的相对误差/)).toBeDefined();
  });
});
