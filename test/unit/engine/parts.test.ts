import { describe, expect, it } from 'vitest';
import { fromRows, zeros } from '../../../src/core/tensor.ts';
import { Checkpoints } from '../../../src/engine/checkpoints.ts';
import { DataCache } from '../../../src/engine/data-cache.ts';
import { SnapshotGate } from '../../../src/engine/snapshot-gate.ts';
import type { Trace } from '../../../src/core/trace.ts';
import { Stepping } from '../../../src/engine/stepping.ts';
import { loadExperimentData } from '../../../src/presets/data-source.ts';
import { Experiment } from '../../../src/presets/experiment.ts';
import { SMALL } from './fakes.ts';

const params = (w: number) => [{ W: fromRows([[w]]), b: Float64Array.of(0) }];

describe('Checkpoints', () => {
  it('keeps the start and every n-th step, offers the latest of ordinary size, copies the weights', () => {
    const c = new Checkpoints(50);
    const p = params(1);
    c.startAt(0, p);
    p[0]!.W.data[0] = 99;
    expect(c.offered?.params[0]!.W.data[0]).toBe(1);
    c.afterStep(49, params(2));
    expect(c.offered?.step).toBe(0);
    c.afterStep(50, params(3), { samplesSeen: 500 });
    c.afterStep(100, params(4));
    expect(c.offered?.step).toBe(100);
    // Blowing up: |W| of 10¹⁸³ is far past 100 × the initial size; the last ordinary one is offered.
    c.afterStep(150, params(1e183));
    c.afterStep(200, params(1e250));
    expect(c.offered?.step).toBe(100);
    expect(c.takeOffered().params[0]!.W.data[0]).toBe(4);
    expect(c.offered?.step).toBe(100); // going back again lands on the same weights, in one round
    expect(() => new Checkpoints(10).takeOffered()).toThrow(/no checkpoint/);
  });

  it('advises re-initialising when only weights of extraordinary size are kept (an imported W = 10³⁰⁸)', () => {
    const c = new Checkpoints(50);
    c.startAt(0, params(0.5));
    expect(c.recovery.kind).toBe('go-back');
    c.startAt(0, params(1e308), { initialised: false });
    expect(c.recovery).toEqual({ kind: 'reinitialise' });
    expect(c.offered).toBeUndefined();
    expect(c.isOrdinary(100)).toBe(true);
    expect(c.isOrdinary(101)).toBe(false);
  });
});

describe('DataCache', () => {
  it('fetches each MNIST part once, reports progress, and serves loaded parts only', async () => {
    const fetched: string[] = [];
    const cache = new DataCache(async (part, onProgress) => {
      fetched.push(part);
      onProgress(5, 10);
      return { kind: 'classification', name: part, x: zeros(1, 784), labels: new Int32Array(1), numClasses: 10 };
    });
    const data = { kind: 'mnist' as const, train: { part: 'train' as const, take: 'all' as const }, test: { part: 't10k' as const, take: 'all' as const } };
    expect(cache.needsFetching(data)).toBe(true);
    expect(() => cache.loader('train')).toThrow(/not loaded/);
    const progress: string[] = [];
    await cache.ensure(data, (part, loaded, total) => progress.push(`${part} ${loaded}/${total}`));
    await cache.ensure(data, () => progress.push('again'));
    expect(fetched).toEqual(['train', 't10k']);
    expect(progress).toEqual(['train 5/10', 't10k 5/10']);
    expect(cache.needsFetching(data)).toBe(false);
    expect(cache.loader('t10k').name).toBe('t10k');
    expect(cache.needsFetching({ kind: 'toy2d', name: 'xor', n: 10, noise: 0, testFraction: 0, seed: 1 })).toBe(false);
  });
});

describe('SnapshotGate', () => {
  it('lets one snapshot fly, remembers a wanted one, and hands over the unsent trace once', () => {
    const gate = new SnapshotGate();
    const trace = { step: 3 } as unknown as Trace;
    expect(gate.wantsTrace).toBe(true);
    gate.keep(trace);
    expect(gate.wantsTrace).toBe(false);
    expect(gate.open(false)).toBe(true);
    expect(gate.takeTrace()).toBe(trace);
    expect(gate.takeTrace()).toBeNull();
    expect(gate.open(false)).toBe(false); // one in flight
    expect(gate.open(true)).toBe(true); // a user's step forces one out
    expect(gate.acknowledge()).toBe(false);
    gate.open(false);
    gate.open(false);
    expect(gate.acknowledge()).toBe(true); // a snapshot was wanted meanwhile
    gate.keep(trace);
    gate.reset();
    expect(gate.wantsTrace).toBe(true);
    expect(gate.open(false)).toBe(true);
  });
});

describe('Stepping', () => {
  const noMnist = () => {
    throw new Error('no MNIST here');
  };
  const experiment = () => new Experiment(SMALL, loadExperimentData(SMALL.data, noMnist));

  it('takes a step phase by phase exactly as whole, and finishes one left half-way', () => {
    const byPhase = new Stepping(experiment(), null);
    const whole = new Stepping(experiment(), null);
    expect(byPhase.lastPhase()).toBeNull();
    const first = byPhase.phase();
    expect(byPhase.midStep).toBe(true);
    expect(byPhase.lastPhase()).toEqual(first.phase);
    let last = first;
    while (last.result === null) last = byPhase.phase();
    expect(byPhase.midStep).toBe(false);
    expect(last.result.loss).toEqual(whole.whole(false).loss);
    byPhase.phase();
    const finished = byPhase.finish()!;
    expect(finished.result.loss).toEqual(whole.whole(false).loss);
    expect(byPhase.finish()).toBeNull();
    expect(byPhase.experiment.trainer.params).toEqual(whole.experiment.trainer.params);
  });

  it('lets the twin take the same step on the same batch, and hands the instruments the last batch', () => {
    const e = experiment();
    const s = new Stepping(e, experiment());
    expect(s.twinStep()).toBeUndefined(); // no batch yet
    expect(s.currentBatch().x.rows).toBe(Math.min(e.batchSize, e.data.train.x.rows)); // the first of the data
    const result = s.whole(false);
    expect(s.twinStep()).toBe(result.loss.total); // no bugs: the same loss
    expect(s.twin!.trainer.params).toEqual(e.trainer.params);
  });
});
