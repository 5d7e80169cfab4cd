/**
 * The slow motion of one phase, drawn over the graph for `durationMs`: forward, each input's
 * contribution a·W travels along its line into the layer; at the loss, the outputs travel into
 * the loss node; backward, δ travels back from the loss node, then each line carries its
 * contribution W·δ down to the layer below; at the update, each line's colour and width move
 * from W to W + ΔW. CSS animations (keyed on the phase) do the moving; nothing here re-renders
 * per frame. Users who ask for reduced motion see the end states only (graph.css).
 */
import type { CSSProperties } from 'react';
import type { Phase } from '../../core/phases.ts';
import type { Trace } from '../../core/trace.ts';
import { colorRange, signedColour, type ColourMode } from '../shared/diverging.ts';
import type { SignedPalette } from '../shared/signed-palette.ts';
import { useSignedPalette } from '../shared/use-signed-palette.ts';
import type { GraphLayout } from './layout.ts';
import { rowOf } from './values.ts';

interface Dot {
  readonly key: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly value: number;
}

/** The dots of a phase: start, end, and the value each carries. */
export function motionDots(phase: Phase, trace: Trace, layout: GraphLayout, k: number | 'mean'): Dot[] {
  const dots: Dot[] = [];
  const L = trace.layers.length;
  const along = (l: number, value: (i: number, j: number) => number | undefined, backwards: boolean) => {
    const from = layout.layers[l - 1]!;
    const to = layout.layers[l]!;
    if (from.image !== null) return;
    from.ys.forEach((y1, a) =>
      to.ys.forEach((y2, b) => {
        const v = value(from.offset + a, to.offset + b);
        if (v === undefined) return;
        const s = { x: from.x, y: y1 };
        const e = { x: to.x, y: y2 };
        const [p, q] = backwards ? [e, s] : [s, e];
        dots.push({ key: `${l}:${from.offset + a}:${to.offset + b}`, x1: p.x, y1: p.y, x2: q.x, y2: q.y, value: v });
      }),
    );
  };
  const out = layout.layers[L]!;
  const intoLoss = (values: Float64Array, backwards: boolean) =>
    out.ys.forEach((y, a) => {
      const j = out.offset + a;
      const s = { x: out.x, y };
      const e = { x: layout.loss.x - layout.loss.r, y: layout.loss.y };
      const [p, q] = backwards ? [e, s] : [s, e];
      dots.push({ key: `loss:${j}`, x1: p.x, y1: p.y, x2: q.x, y2: q.y, value: values[j]! });
    });
  switch (phase.kind) {
    case 'forward': {
      const l = phase.layer;
      const below = l === 1 ? trace.x : trace.layers[l - 2]!.a;
      if (below === undefined) return dots;
      const a = rowOf(below, k);
      const W = trace.layers[l - 1]!.W;
      along(l, (i, j) => a[i]! * W.data[i * W.cols + j]!, false);
      return dots;
    }
    case 'loss': {
      const y = trace.y;
      if (y !== undefined) intoLoss(rowOf(y, k), false);
      return dots;
    }
    case 'backward': {
      const l = phase.layer;
      if (l === L) {
        const delta = trace.layers[L - 1]!.delta;
        if (delta !== undefined) intoLoss(rowOf(delta, k), true);
        return dots;
      }
      const above = trace.layers[l]!;
      if (above.delta === undefined) return dots;
      const d = rowOf(above.delta, k);
      along(l + 1, (i, j) => above.W.data[i * above.W.cols + j]! * d[j]!, true);
      return dots;
    }
    case 'update':
      return dots;
  }
}

export interface MotionProps {
  readonly phase: Phase;
  readonly trace: Trace;
  readonly layout: GraphLayout;
  readonly sample: number | 'mean';
  readonly durationMs: number;
  readonly mode: ColourMode;
}

export function Motion({ phase, trace, layout, sample, durationMs, mode }: MotionProps) {
  const palette = useSignedPalette();
  const style = { '--phase-duration': `${durationMs}ms` } as CSSProperties;
  if (phase.kind === 'update') return <g className="motion" style={style}>{movingWeights(trace, layout, mode, palette)}</g>;
  const dots = motionDots(phase, trace, layout, sample);
  const colour = signedColour(colorRange(dots.map((d) => d.value)), mode, palette);
  const r = Math.max(2, Math.min(5, layout.radius * 0.45));
  return (
    <g className="motion" style={style} data-testid="motion" data-dots={dots.length}>
      {dots.map((d) => (
        <circle key={d.key} className="travelling" cx={d.x1} cy={d.y1} r={r} fill={colour(d.value)} style={{ '--dx': `${d.x2 - d.x1}px`, '--dy': `${d.y2 - d.y1}px` } as CSSProperties} />
      ))}
    </g>
  );
}

/** Every visible weight's line moving from W to W + ΔW, on one W scale for all layers. */
function movingWeights(trace: Trace, layout: GraphLayout, mode: ColourMode, palette: SignedPalette) {
  let m = 0;
  for (const lt of trace.layers) {
    if (lt.updateW === undefined) return null;
    for (let s = 0; s < lt.W.data.length; s++) m = Math.max(m, Math.abs(lt.W.data[s]!), Math.abs(lt.W.data[s]! + lt.updateW.data[s]!));
  }
  const colour = signedColour(m, mode, palette);
  const width = (w: number) => 0.4 + (m > 0 ? (2.6 * Math.abs(w)) / m : 0);
  return layout.layers.slice(1).map((to) => {
    const from = layout.layers[to.layer - 1]!;
    if (from.image !== null) return null;
    const { W, updateW } = trace.layers[to.layer - 1]!;
    return (
      <g key={to.layer} data-testid="moving-weights">
        {from.ys.map((y1, a) =>
          to.ys.map((y2, b) => {
            const s = (from.offset + a) * W.cols + to.offset + b;
            const w0 = W.data[s]!;
            const w1 = w0 + updateW!.data[s]!;
            const style = { '--w0': colour(w0), '--w1': colour(w1), '--s0': `${width(w0)}px`, '--s1': `${width(w1)}px` } as CSSProperties;
            return <line key={s} className="moving-weight" x1={from.x} y1={y1} x2={to.x} y2={y2} style={style} />;
          }),
        )}
      </g>
    );
  });
}
