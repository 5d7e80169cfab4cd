/**
 * A view whose code loads when first wanted, to keep the first page load small. `preload()`
 * starts loading (call it on intent: pointer over, focus, or idle time after the first screen);
 * the view shows `fallback` (give it the view's size, so nothing moves) until the code is in,
 * and once it is in, every later mount renders at once, without a fallback frame.
 */
import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';

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
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function View({ fallback = null, ...props }: P & { fallback?: ReactNode }) {
    // Chosen once per mount: switching from Lazy to the loaded component would remount it.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? (Lazy as unknown as ComponentType<P>));
    if (Component !== Lazy) return <Component {...(props as P)} />;
    return (
      <Suspense fallback={fallback}>
        <Component {...(props as P)} />
      </Suspense>
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
