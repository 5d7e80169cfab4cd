/**
 * A callout: a ring drawn just outside an element of the screen and a short note placed beside
 * it, on the side with the most room, so that neither covers the element. Targets are named in
 * the lesson (TARGETS) and found by the selectors below; the ring follows the element when the
 * window is resized.
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Callout as CalloutSpec } from '../../lessons/schema.ts';
import { RichText } from './RichText.tsx';

/** Where each callout target is on screen. */
export const TARGET_SELECTORS: Record<CalloutSpec['target'], string> = {
  graph: '.lab-graph',
  panel: '.lab-panel',
  transport: '.lab-toolbar',
  'learning-rate': '.lab-toolbar',
  narration: '[data-testid="narration"]',
  status: '.run-status',
  presets: '.preset-picker',
};

const RING = 4;
const NOTE_WIDTH = 220;
const NOTE_HEIGHT = 64;

interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Where the note goes: beside the target on the side with most room, inside the viewport. */
export function placeNote(target: Box, viewport: { width: number; height: number }, avoid: Box | null): { left: number; top: number } {
  const room = {
    below: (avoid ? Math.min(avoid.top, viewport.height) : viewport.height) - (target.top + target.height),
    above: target.top,
    right: viewport.width - (target.left + target.width),
    left: target.left,
  };
  const clampX = (x: number) => Math.max(4, Math.min(viewport.width - NOTE_WIDTH - 4, x));
  const clampY = (y: number) => Math.max(4, Math.min(viewport.height - NOTE_HEIGHT - 4, y));
  if (room.below >= NOTE_HEIGHT + 2 * RING) return { left: clampX(target.left), top: target.top + target.height + 2 * RING };
  if (room.above >= NOTE_HEIGHT + 2 * RING) return { left: clampX(target.left), top: target.top - NOTE_HEIGHT - 2 * RING };
  if (room.right >= NOTE_WIDTH + 2 * RING) return { left: target.left + target.width + 2 * RING, top: clampY(target.top) };
  if (room.left >= NOTE_WIDTH + 2 * RING) return { left: target.left - NOTE_WIDTH - 2 * RING, top: clampY(target.top) };
  // No side has room (a target as large as the screen): the note sits over its top-right corner.
  return { left: clampX(target.left + target.width - NOTE_WIDTH - 8), top: clampY(target.top + 8) };
}

export function Callout({ callout, text, avoid }: { callout: CalloutSpec; text: string; avoid: HTMLElement | null }) {
  const [box, setBox] = useState<Box | null>(null);
  const [viewport, setViewport] = useState({ width: 0, height: 0 });
  const [avoidBox, setAvoidBox] = useState<Box | null>(null);
  useEffect(() => {
    const measure = () => {
      const element = document.querySelector(TARGET_SELECTORS[callout.target]);
      const r = element?.getBoundingClientRect();
      setBox(r ? { left: r.left, top: r.top, width: r.width, height: r.height } : null);
      const a = avoid?.getBoundingClientRect();
      setAvoidBox(a ? { left: a.left, top: a.top, width: a.width, height: a.height } : null);
      setViewport({ width: window.innerWidth, height: window.innerHeight });
    };
    measure();
    // The lab's layout changes size when the panel opens or a tab changes: follow it.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(document.body);
    window.addEventListener('resize', measure);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [callout.target, avoid]);
  if (box === null) return null;
  const note = placeNote(box, viewport, avoidBox);
  // In the body, outside the zoomed panel: fixed positions are then the viewport's own pixels.
  return createPortal(
    <>
      <div
        className="lesson-ring"
        data-testid="lesson-ring"
        aria-hidden="true"
        style={{ left: box.left - RING, top: box.top - RING, width: box.width + 2 * RING, height: box.height + 2 * RING }}
      />
      <div className="lesson-note" data-testid="lesson-note" role="note" style={{ left: note.left, top: note.top, width: NOTE_WIDTH, minHeight: NOTE_HEIGHT - 16 }}>
        <RichText text={text} />
      </div>
    </>,
    document.body,
  );
}
