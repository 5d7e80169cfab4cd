/**
 * Stepping back within a step, on the view side: the trace of the latest phase holds every
 * earlier phase's numbers too, so the state after an earlier phase is that trace with the
 * fields of the later phases left out.
 */
import type { Phase } from '../../core/phases.ts';
import type { LayerTrace, Trace } from '../../core/trace.ts';

/** The trace as it stood after phase `index` of `trace.phases` (the same object when it is the last). */
export function traceAtPhase(trace: Trace, index: number): Trace {
  if (index >= trace.phases.length - 1) return trace;
  const ran = trace.phases.slice(0, index + 1);
  const has = (kind: Phase['kind'], layer?: number) => ran.some((p) => p.kind === kind && (layer === undefined || ('layer' in p && p.layer === layer)));
  const layers = trace.layers.map((lt, i): LayerTrace => {
    const l = i + 1;
    return {
      W: lt.W,
      b: lt.b,
      ...(has('forward', l) ? { z: lt.z, a: lt.a } : {}),
      ...(has('backward', l) ? { delta: lt.delta, dW: lt.dW, db: lt.db } : {}),
      ...(has('update') ? { updateW: lt.updateW, updateB: lt.updateB } : {}),
    };
  });
  const lossRan = has('loss');
  return {
    step: trace.step,
    x: trace.x,
    t: trace.t,
    layers,
    phases: ran,
    ...(lossRan ? { y: trace.y, perSampleLoss: trace.perSampleLoss, loss: trace.loss } : {}),
    ...(has('update') && trace.learningRate !== undefined ? { learningRate: trace.learningRate } : {}),
  };
}

/** The phase index the graph shows: the viewed one if it is within the trace, else the latest. */
export function shownPhaseIndex(trace: Trace | null, viewed: number | null): number | null {
  if (trace === null || trace.phases.length === 0) return null;
  const last = trace.phases.length - 1;
  return viewed === null ? last : Math.max(0, Math.min(viewed, last));
}
