/**
 * The narrated worked lines, on real traces: the operands as shown, computed by hand, give the
 * result as shown, and the result is the trace's own number at the graph's 3 digits.
 */
import { describe, expect, it } from 'vitest';
import { phasesOf } from '../../../src/core/phases.ts';
import type { Trace } from '../../../src/core/trace.ts';
import { narrate } from '../../../src/views/narration/sentence.ts';
import { formatEngineering } from '../../../src/views/shared/diverging.ts';
import { readShown } from '../../../src/core/shown-number.ts';
import { build } from '../lessons/simulate.ts';

const r = (s: string | number) => readShown(String(s));
const shown = (x: number) => formatEngineering(x);

function tracedSteps(preset: string, steps: number): Trace[] {
  const experiment = build(preset);
  return Array.from({ length: steps }, () => experiment.trainer.step(experiment.nextBatch(), { trace: true }).trace!);
}

describe('narrated worked lines', () => {
  for (const preset of ['planar-2-4-1', 'sigmoid-2-3-3-1', 'regression-relu']) {
    it(`reproduce their results by hand (${preset}, every sample, every unit and weight)`, () => {
      const experiment = build(preset);
      const spec = experiment.config.network;
      const L = spec.layers.length - 1;
      let lines = 0;
      for (const trace of tracedSteps(preset, 3)) {
        for (const phase of phasesOf(L)) {
          if (phase.kind === 'backward') {
            const lt = trace.layers[phase.layer - 1]!;
            for (let k = 0; k < trace.x.rows; k++)
              for (let unit = 0; unit < lt.delta!.cols; unit++) {
                const told = narrate(phase, trace, spec, k, { kind: 'unit', layer: phase.layer, unit })!;
                const p = told.params;
                const delta = lt.delta!.data[k * lt.delta!.cols + unit]!;
                expect(p['delta']).toBe(shown(delta));
                const hand =
                  told.key === 'backward.hidden'
                    ? r(p['sum']!) * r(p['slope']!)
                    : told.key === 'backward.output'
                      ? r(p['y']!) - r(p['t']!)
                      : (p['c'] === '' ? 1 : r(String(p['c']).replace(' × ', ''))) * (r(p['y']!) - r(p['t']!)) * r(p['slope']!);
                expect(shown(hand), `${told.key} sample ${k} unit ${unit}: ${JSON.stringify(p)}`).toBe(p['delta']);
                lines++;
              }
          } else if (phase.kind === 'update') {
            for (let l = 1; l <= L; l++) {
              const lt = trace.layers[l - 1]!;
              for (let i = 0; i < lt.W.rows; i++)
                for (let j = 0; j < lt.W.cols; j++) {
                  const told = narrate(phase, trace, spec, 0, { kind: 'weight', layer: l, i, j })!;
                  const p = told.params;
                  const s = i * lt.W.cols + j;
                  expect(p['next']).toBe(shown(lt.W.data[s]! + lt.updateW!.data[s]!));
                  const hand = told.key === 'update.sgd' ? r(p['wv']!) - r(p['etaWorked']!) * r(p['dw']!) : r(p['wv']!) + r(p['update']!);
                  expect(shown(hand), `${told.key} W${l}[${i}][${j}]: ${JSON.stringify(p)}`).toBe(p['next']);
                  lines++;
                }
            }
          }
        }
      }
      expect(lines).toBeGreaterThan(100);
    });
  }
});
