/**
 * A callout: a ring drawn just outside an element of the screen. Its note is written in the
 * lesson panel (LessonPlayer), which the lab makes room for, so neither ring nor note covers
 * the element or anything else. Targets are named in the lesson (TARGETS) and found by the
 * selectors below; the ring follows the element when the layout changes.
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Callout as CalloutSpec } from '../../lessons/schema.ts';

/** Where each callout target is on screen. */
export const TARGET_SELECTORS: Record<CalloutSpec['target'], string> = {
  graph: '.lab-graph',
  panel: '.lab-panel',
  transport: '.transport',
  'learning-rate': '.learning-rate',
  narration: '[data-testid="narration"]',
  status: '.run-status',
  presets: '.preset-picker',
};

const RING = 4;

interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export function CalloutRing({ target }: { target: CalloutSpec['target'] }) {
  const [box, setBox] = useState<Box | null>(null);
  useEffect(() => {
    const measure = () => {
      const element = document.querySelector(TARGET_SELECTORS[target]) ?? (target === 'transport' || target === 'learning-rate' ? document.querySelector('.lab-toolbar') : null);
      const r = element?.getBoundingClientRect();
      setBox((old) => {
        if (!r) return null;
        const next = { left: r.left, top: r.top, width: r.width, height: r.height };
        return old !== null && old.left === next.left && old.top === next.top && old.width === next.width && old.height === next.height ? old : next;
      });
    };
    measure();
    // The lab's layout changes when the panel opens, a tab changes or the toolbar wraps: follow it.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(document.body);
    const element = document.querySelector(TARGET_SELECTORS[target]);
    if (element !== null) observer?.observe(element);
    window.addEventListener('resize', measure);
    const timer = setInterval(measure, 500);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', measure);
      clearInterval(timer);
    };
  }, [target]);
  if (box === null) return null;
  // In the body, outside the zoomed panel: fixed positions are then the viewport's own pixels.
  return createPortal(
    <div
      className="lesson-ring"
      data-testid="lesson-ring"
      aria-hidden="true"
      style={{ left: box.left - RING, top: box.top - RING, width: box.width + 2 * RING, height: box.height + 2 * RING }}
    />,
    document.body,
  );
}
