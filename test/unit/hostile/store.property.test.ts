/**
 * Property of the settings store under hostile input: a refused configure, link or setting
 * leaves the experiment as it was and sends the worker nothing, so the store always equals what
 * the worker was last told to run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineClient } from '../../../src/engine/client.ts';
import type { Command } from '../../../src/engine/protocol.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import type { ExperimentConfig } from '../../../src/presets/config.ts';
import { createConfigStore } from '../../../src/store/config.ts';
import { decodeLink } from '../../../src/store/link.ts';
import { replaceAt } from './replace-at.ts';

function fakeClient() {
  const sent: Command[] = [];
  const client: EngineClient = { send: (c) => sent.push(c), subscribe: () => () => {}, dispose: () => {} };
  return { client, sent };
}


/** What the worker was last told to run: the last configure, with the live settings sent since (merged). */
function workerView(sent: readonly Command[], initial: ExperimentConfig): ExperimentConfig {
  let experiment = initial;
  for (const c of sent) {
    if (c.type === 'configure') experiment = c.config;
    if (c.type === 'set' && c.settings.hyper !== undefined) experiment = { ...experiment, hyper: { ...experiment.hyper, ...c.settings.hyper } }; // the worker merges what changed
    if (c.type === 'set' && c.settings.batchSize !== undefined) experiment = { ...experiment, schedule: { ...experiment.schedule, batchSize: c.settings.batchSize } };
  }
  return experiment;
}

const valueArb = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: -5, max: 200_000 }),
  fc.double(),
  fc.constantFrom(0, 1, 2, 5, 10, 2.5, -1, 1e300, '3', null, 'relu', 'mnist', 'epochs'),
);

describe('the settings store under hostile input', () => {
  it('stays equal to what the worker was told, whatever is configured, set or pasted', () => {
    const planar = findPreset('planar-2-4-1')!;
    const action = fc.oneof(
      fc.record({ kind: fc.constant('configure' as const), path: fc.array(fc.nat({ max: 40 }), { maxLength: 5 }), value: valueArb }),
      fc.record({ kind: fc.constant('rate' as const), value: fc.oneof(fc.double(), fc.constantFrom(1e300, 1e-300, 0, -1, 0.5)) }),
      fc.record({ kind: fc.constant('batch' as const), value: fc.oneof(fc.integer({ min: -5, max: 200_000 }), fc.double()) }),
      fc.record({ kind: fc.constant('link' as const), text: fc.string() }),
    );
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 8 }), (actions) => {
        const { client, sent } = fakeClient();
        const store = createConfigStore(client, planar);
        for (const a of actions) {
          const before = store.getState().experiment;
          const sentBefore = sent.length;
          if (a.kind === 'configure') store.getState().configure(replaceAt(before, a.path, a.value));
          else if (a.kind === 'rate') store.getState().setLearningRate(a.value);
          else if (a.kind === 'batch') store.getState().setBatchSize(a.value);
          else {
            const reading = decodeLink(`#config=${a.text}`);
            if (reading !== null && 'experiment' in reading) store.getState().configure(reading.experiment);
          }
          if (store.getState().refused !== null && sent.length === sentBefore) expect(store.getState().experiment).toBe(before);
          expect(JSON.parse(JSON.stringify(workerView(sent, planar)))).toEqual(JSON.parse(JSON.stringify(store.getState().experiment)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
