import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BugBanner } from '../../../src/views/buglab/BugBanner.tsx';
import { BugLab } from '../../../src/views/buglab/BugLab.tsx';
import { Curves } from '../../../src/views/curves/Curves.tsx';
import { renderInLab } from '../lab-harness.tsx';

afterEach(cleanup);

describe('BugLab', () => {
  it('has a switch per mistake and sends the switched-on set', () => {
    const h = renderInLab(<BugLab />);
    const switches = screen.getAllByRole('switch');
    expect(switches).toHaveLength(7);
    fireEvent.click(screen.getByRole('switch', { name: /first layer’s bias update is forgotten/ }));
    fireEvent.click(screen.getByRole('switch', { name: /\(t − y\) while still subtracting/ }));
    fireEvent.click(screen.getByRole('switch', { name: /first layer’s bias update is forgotten/ }));
    expect(h.sent).toEqual([
      { type: 'set-bugs', bugs: ['first-bias-frozen'] },
      { type: 'set-bugs', bugs: ['first-bias-frozen', 'output-error-flipped'] },
      { type: 'set-bugs', bugs: ['output-error-flipped'] },
    ]);
    expect((screen.getByRole('switch', { name: /\(t − y\)/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('each bug says what the gradient check will and will not show; the ReLU one points to no. 3', () => {
    const h = renderInLab(<BugLab />);
    const items = h.container.querySelectorAll('li[data-bug]');
    expect(items).toHaveLength(7);
    items.forEach((li) => expect(li.querySelector('.bug-check')!.textContent).toMatch(/^Gradient check/));
    expect(h.container.querySelector('li[data-bug="first-bias-frozen"] .bug-check')!.textContent).toMatch(/passes everywhere.*parameters changed by this step/);
    expect(h.container.querySelector('li[data-bug="relu-derivative-from-activation"]')!.textContent).toMatch(/same mistake as no\. 3/);
  });

  it('the banner says which bugs are on, by number, and turns them off', () => {
    const h = renderInLab(
      <>
        <BugBanner />
        <BugLab />
      </>,
    );
    expect(screen.queryByTestId('bug-banner')).toBeNull();
    fireEvent.click(screen.getByRole('switch', { name: /first layer’s bias update is forgotten/ }));
    expect(screen.getByTestId('bug-banner').textContent).toMatch(/^Bug 2 is on: The first layer’s bias update is forgotten\./);
    fireEvent.click(screen.getByRole('switch', { name: /summed over the batch/ }));
    expect(screen.getByTestId('bug-banner').textContent).toMatch(/^Bugs 2, 6 are on:/);
    fireEvent.click(screen.getByRole('button', { name: 'Turn bugs off' }));
    expect(screen.queryByTestId('bug-banner')).toBeNull();
    expect(h.sent.at(-1)).toEqual({ type: 'set-bugs', bugs: [] });
  });

  it('speaks 简体中文', () => {
    renderInLab(<BugLab />, 'zh');
    expect(screen.getByRole('switch', { name: /忘了更新第一层的偏置/ })).toBeDefined();
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
