import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BugLab } from '../../../src/views/buglab/BugLab.tsx';
import { Curves } from '../../../src/views/curves/Curves.tsx';
import { renderInLab } from '../lab-harness.tsx';

afterEach(cleanup);

describe('BugLab', () => {
  it('has a switch per mistake and sends the switched-on set', () => {
    const h = renderInLab(<BugLab />);
    const switches = screen.getAllByRole('switch');
    expect(switches).toHaveLength(5);
    fireEvent.click(screen.getByRole('switch', { name: /first layer’s bias is never updated/ }));
    fireEvent.click(screen.getByRole('switch', { name: /\(t − y\) while still subtracting/ }));
    fireEvent.click(screen.getByRole('switch', { name: /first layer’s bias is never updated/ }));
    expect(h.sent).toEqual([
      { type: 'set-bugs', bugs: ['first-bias-frozen'] },
      { type: 'set-bugs', bugs: ['first-bias-frozen', 'output-error-flipped'] },
      { type: 'set-bugs', bugs: ['output-error-flipped'] },
    ]);
    expect((screen.getByRole('switch', { name: /\(t − y\)/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('speaks 简体中文', () => {
    renderInLab(<BugLab />, 'zh');
    expect(screen.getByRole('switch', { name: /第一层的偏置从不更新/ })).toBeDefined();
  });

  it('the loss chart draws the bug-free twin beside the buggy run', async () => {
    const h = renderInLab(<Curves width={500} height={300} />);
    const step = Float64Array.from({ length: 50 }, (_, i) => i);
    act(() =>
      h.emit({
        type: 'metrics',
        steps: { step, loss: step.map((s) => 1 + s / 50), learningRate: step.map(() => 0.1), twinLoss: step.map((s) => 1 / (1 + s)) },
        evaluations: [],
        flow: null,
      }),
    );
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    const twin = h.container.querySelector('[data-testid="twin-loss"]');
    expect(twin).not.toBeNull();
    expect(twin!.getAttribute('d')!.split(/[ML]/).filter(Boolean)).toHaveLength(50);
    expect(screen.getByText('bug-free twin')).toBeDefined();
  });
});
