/**
 * Work that follows a changing value at most once per animation frame: a change schedules one
 * frame (unless one is already pending), and that frame works on the newest value. A stream of
 * snapshots faster than the screen therefore costs one computation per frame and never starves.
 */
import { useEffect, useRef } from 'react';

const requestFrame = (cb: () => void): number =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(cb) : (setTimeout(cb, 16) as unknown as number);
const cancelFrame = (id: number): void =>
  typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(id) : clearTimeout(id);

export function useFrameWork<T>(value: T, work: (value: T) => void): void {
  const latest = useRef(value);
  const workRef = useRef(work);
  const pending = useRef<number | null>(null);
  useEffect(() => {
    workRef.current = work;
  });
  useEffect(() => {
    latest.current = value;
    if (pending.current !== null) return;
    pending.current = requestFrame(() => {
      pending.current = null;
      workRef.current(latest.current);
    });
  }, [value]);
  useEffect(
    () => () => {
      if (pending.current !== null) cancelFrame(pending.current);
      pending.current = null;
    },
    [],
  );
}
