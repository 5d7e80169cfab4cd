import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gradientCheck } from '../../../src/core/gradcheck.ts';
import { createNetwork } from '../../../src/core/network.ts';
import { createRng } from '../../../src/core/rng.ts';
import { fromRows } from '../../../src/core/tensor.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { updateCheck } from '../../../src/core/update-check.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { GradCheckPanel } from '../../../src/views/gradcheck/GradCheckPanel.tsx';
import { renderInLab } from '../lab-harness.tsx';

beforeEach(() => vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => null));
afterEach(() => (cleanup(), vi.restoreAllMocks()));

const planar = findPreset('planar-2-4-1')!;
const batch = { x: fromRows([[0.5, -1], [2, 0.25], [-1, 1]]), t: fromRows([[1], [0], [1]]) };

/** The gradient check and the update check of the planar net, with the forgotten b¹ update on or off. */
function reports(forgotten: boolean) {
  const net = createNetwork(planar.network, { weights: { kind: 'xavier' }, biases: { kind: 'constant', value: 0.1 } }, createRng(1));
  const trainer = new Trainer(net, planar.hyper);
  trainer.setBugs(forgotten ? ['first-bias-frozen'] : []);
  const report = gradientCheck(net.spec, net.params, planar.hyper.regularization, batch, { analytic: trainer.gradientsOn(batch) });
  return { report, updates: updateCheck(trainer, batch) };
}

const section = () => screen.getByRole('region', { name: 'Parameters changed by this step' });

describe('Parameters changed by this step', () => {
  it('catches the forgotten b¹ update that the gradient check passes', () => {
    const h = renderInLab(<GradCheckPanel />);
    act(() => h.ready());
    act(() => h.emit({ type: 'gradcheck', ...reports(true) }));
    expect(screen.getByText(/^All 4 tensors pass/)).toBeDefined();
    const s = within(section());
    expect(s.getByRole('status').textContent).toBe('Not updated although its gradient is not zero: b¹.');
    const rows = s.getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('td.result')!.textContent)).toEqual(['✓ updated', '✗ not updated', '✓ updated', '✓ updated']);
    expect(rows[1]!.querySelectorAll('td')[0]!.textContent).toBe('0 of 4 (4 with g ≠ 0)');
    expect(rows[1]!.querySelectorAll('td')[1]!.textContent).toBe('0');
  });

  it('says every tensor moved on the correct code, in 简体中文 too', () => {
    const h = renderInLab(<GradCheckPanel />, 'zh');
    act(() => h.ready());
    act(() => h.emit({ type: 'gradcheck', ...reports(false) }));
    expect(screen.getByText('梯度不为零的张量都发生了变化。')).toBeDefined();
  });
});
