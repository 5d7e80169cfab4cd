/**
 * A store selection that follows the store at most once every `intervalMs` (the latest value
 * always arrives, at the end of the interval). With interval 0 it follows every change.
 */
import { useEffect, useRef, useState } from 'react';
import type { StoreApi } from 'zustand';

export function usePaced<S, T>(store: StoreApi<S>, selector: (s: S) => T, intervalMs: number): T {
  const select = useRef(selector);
  select.current = selector;
  const [value, setValue] = useState<T>(() => selector(store.getState()));
  useEffect(() => {
    let last = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      last = performance.now();
      const next = select.current(store.getState());
      setValue(() => next);
    };
    const onChange = () => {
      if (timer !== null) return;
      const wait = last + intervalMs - performance.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    };
    onChange();
    const unsubscribe = store.subscribe(onChange);
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, intervalMs]);
  return value;
}
