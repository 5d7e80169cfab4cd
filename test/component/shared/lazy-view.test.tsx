/** Views loaded on demand: the fallback holds their place, a loaded view renders at once, a failed load can be retried. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Component, useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, translator, type Language } from '../../../src/i18n/i18n.ts';
import { lazyView } from '../../../src/views/shared/lazy-view.tsx';

afterEach(() => (cleanup(), vi.restoreAllMocks()));
/** React reports every error a boundary catches on the console; these are expected. */
const quietErrors = () => vi.spyOn(console, 'error').mockImplementation(() => {});

/** A load the test settles by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

let mounts = 0;
function Counter({ label }: { label: string }) {
  const [n] = useState(() => ++mounts);
  return <p data-testid="view">{`${label} #${n}`}</p>;
}

const inLanguage = (language: Language, ui: ReactNode) => <I18nContext.Provider value={{ language, t: translator(language), setLanguage() {} }}>{ui}</I18nContext.Provider>;

describe('lazyView', () => {
  it('shows the fallback until the code is in, then the view, which keeps its state as its props change', async () => {
    mounts = 0;
    const load = deferred<typeof Counter>();
    const { View } = lazyView(() => load.promise);
    const view = render(<View label="a" fallback={<p data-testid="fallback" />} />);
    expect(screen.getByTestId('fallback')).toBeTruthy();
    await act(async () => load.resolve(Counter));
    expect(screen.getByTestId('view').textContent).toBe('a #1');
    view.rerender(<View label="b" fallback={<p data-testid="fallback" />} />);
    expect(screen.getByTestId('view').textContent).toBe('b #1'); // the same mount
  });

  it('renders at once, without a fallback frame, once preloaded', async () => {
    mounts = 0;
    const { View, preload } = lazyView(() => Promise.resolve(Counter));
    await preload();
    render(<View label="c" fallback={<p data-testid="fallback" />} />);
    expect(screen.queryByTestId('fallback')).toBeNull();
    expect(screen.getByTestId('view').textContent).toBe('c #1');
  });

  it('says when the code could not load, and the next mount tries again', async () => {
    mounts = 0;
    quietErrors();
    let attempts = 0;
    const { View } = lazyView(() => (++attempts === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(Counter)));
    render(inLanguage('en', <View label="d" />));
    expect((await screen.findByRole('alert')).textContent).toContain('This view could not be loaded. Is the network off?');
    cleanup();
    render(<View label="d" />);
    // Its own mount tries again (attempt 2), and that one succeeds.
    expect((await screen.findByTestId('view')).textContent).toBe('d #1');
    expect(attempts).toBe(2);
  });

  it('tries again from the button, in 简体中文', async () => {
    mounts = 0;
    quietErrors();
    let attempts = 0;
    const { View } = lazyView(() => (++attempts === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(Counter)));
    render(inLanguage('zh', <View label="e" />));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('无法加载这个视图');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '重试' })));
    expect((await screen.findByTestId('view')).textContent).toBe('e #1');
  });

  it('lets an error of a loaded view through to the page', async () => {
    class Outer extends Component<{ children: ReactNode }, { caught: string | null }> {
      override state = { caught: null as string | null };
      static getDerivedStateFromError(e: Error) {
        return { caught: e.message };
      }
      override render() {
        return this.state.caught === null ? this.props.children : <p data-testid="outer">{this.state.caught}</p>;
      }
    }
    const Broken = (): ReactNode => {
      throw new Error('a bug in the view');
    };
    const { View } = lazyView(() => Promise.resolve(Broken));
    quietErrors();
    render(
      <Outer>
        <View />
      </Outer>,
    );
    expect((await screen.findByTestId('outer')).textContent).toBe('a bug in the view');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
