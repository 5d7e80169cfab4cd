/**
 * A view whose code loads when first wanted, to keep the first page load small. `preload()`
 * starts loading (call it on intent: pointer over, focus, or idle time after the first screen);
 * the view shows `fallback` (give it the view's size, so nothing moves) until the code is in,
 * and once it is in, every later mount renders at once, without a fallback frame. Code that
 * cannot load shows why, with a button to try again (load-failure.tsx).
 */
import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { LoadFailure } from './load-failure.tsx';

export interface LazyView<P> {
  readonly View: ComponentType<P & { fallback?: ReactNode }>;
  preload(): Promise<unknown>;
}

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null; // a later attempt may succeed (the network came back)
        throw error;
      },
    ));
  // React keeps a lazy component's failure for good, so each attempt gets its own.
  const attempt = () => lazy(() => preload().then((component) => ({ default: component })));
  function View({ fallback = null, ...props }: P & { fallback?: ReactNode }) {
    // Chosen once per mount (and per retry): switching from the lazy component to the loaded
    // one would remount the view.
    const [Component, setComponent] = useState<ComponentType<P>>(() => loaded ?? (attempt() as unknown as ComponentType<P>));
    const [loadedAtMount] = useState(() => loaded !== null);
    const [tries, setTries] = useState(0);
    const retry = () => {
      setComponent(() => attempt() as unknown as ComponentType<P>);
      setTries((n) => n + 1);
    };
    if (loadedAtMount) return <Component {...(props as P)} />;
    return (
      <LoadFailure key={tries} loaded={() => loaded !== null} onRetry={retry}>
        <Suspense fallback={fallback}>
          <Component {...(props as P)} />
        </Suspense>
      </LoadFailure>
    );
  }
  return { View, preload: () => preload().catch(() => undefined) };
}

/** Runs `preload` once the browser has a quiet moment after the first screen. */
export function whenIdle(preload: () => unknown): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => void preload(), { timeout: 5000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => void preload(), 2000);
  return () => clearTimeout(id);
}
