/** Which of an event's typed arrays travel to the main thread as transferred ArrayBuffers rather than copies. */
import type { Matrix } from '../core/tensor.ts';
import type { Event } from './protocol.ts';

/** The ArrayBuffers of an event, to be transferred rather than copied. */
export function transferables(event: Event): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const add = (a: Float64Array | undefined) => {
    if (a !== undefined && a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  };
  const addMatrix = (m: Matrix | undefined) => add(m?.data);
  if (event.type === 'ready' && event.info.points) {
    add(event.info.points.x.data);
    add(event.info.points.y);
  }
  if (event.type === 'snapshot' || event.type === 'inspection') {
    if (event.type === 'snapshot') for (const p of event.params) (addMatrix(p.W), add(p.b));
    const trace = event.trace;
    if (trace !== null) {
      addMatrix(trace.x);
      addMatrix(trace.t);
      addMatrix(trace.y);
      add(trace.perSampleLoss);
      for (const l of trace.layers) {
        [l.W, l.z, l.a, l.delta, l.dW, l.updateW].forEach(addMatrix);
        [l.b, l.db, l.updateB].forEach(add);
      }
    }
  } else if (event.type === 'metrics') {
    add(event.steps.step);
    add(event.steps.loss);
    add(event.steps.learningRate);
    add(event.steps.twinLoss);
    if (event.flow !== null) [event.flow.step, event.flow.gradNorm, event.flow.updateRatio].forEach(add);
  }
  return [...out];
}
