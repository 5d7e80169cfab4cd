/**
 * The content size of an element, kept current with a ResizeObserver. The ref is a callback, so
 * an element that appears after the first render (a view that first says "waiting…") is observed
 * too.
 */
import { useCallback, useEffect, useState } from 'react';

export function useSize<T extends HTMLElement>(fallback = { width: 600, height: 400 }) {
  const [element, setElement] = useState<T | null>(null);
  const [size, setSize] = useState(fallback);
  const ref = useCallback((el: T | null) => setElement(el), []);
  useEffect(() => {
    if (element === null || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      if (width > 0 && height > 0) setSize({ width: Math.floor(width), height: Math.floor(height) });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [ref, size] as const;
}
