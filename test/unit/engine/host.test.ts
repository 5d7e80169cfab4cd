import { describe, expect, it } from 'vitest';
import { phasesOf } from '../../../src/core/phases.ts';
import { zeros } from '../../../src/core/tensor.ts';
import { paramSize } from '../../../src/engine/checkpoints.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import type { Event } from '../../../src/engine/protocol.ts';
import { bits } from '../core/helpers.ts';
import { harness, ManualScheduler, SMALL } from './fakes.ts';

type Snapshot = Extract<Event, { type: 'snapshot' }>;
const weightBits = (s: Snapshot) => bits(s.params.flatMap((p) => [...p.W.data, ...p.b]));

describe('engine host: messages', () => {
  it('answers malformed messages with an error event and keeps working', () => {
    const h = harness();
    h.host.handle('hello');
    h.host.handle({ v: 99, command: { type: 'play' } });
    h.host.handle({ v: 1, command: { type: 'dance' } });
    h.host.handle({ v: 1, command: { type: 'step', granularity: 'week' } });
    h.host.handle({ v: 1 });
    const errors = h.of('error').map((e) => e.message);
    expect(errors).toEqual([
      'a message must be an object { v, command }',
      'protocol version 99 is not supported (expected 1)',
      'unknown command type "dance"',
      'step needs granularity "phase", "batch" or "epoch", got "week"',
      'the message has no command object',
    ]);
    h.send({ type: 'configure', config: SMALL });
    expect(h.last('ready')?.info.name).toBe('small');
  });

  it('refuses commands before an experiment is configured', () => {
    const h = harness();
    h.send({ type: 'play' });
    expect(h.last('error')).toMatchObject({ command: 'play', message: '"play" needs a configured experiment first' });
  });

  it('configure: ready, an evaluation at step 0, and a snapshot of the initial weights', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    expect(h.last('ready')?.info).toMatchObject({ trainSize: 30, testSize: 30, stepsPerEpoch: 3, batchSize: 10 });
    expect(h.last('status')?.status).toBe('idle');
    expect(h.last('metrics')?.evaluations[0]).toMatchObject({ iteration: 0 });
    const snap = h.last('snapshot')!;
    expect(snap.step).toBe(0);
    expect(snap.params).toHaveLength(7);
    expect(snap.trace).toBeNull();
    // typed arrays travel as transferred buffers
    const sent = h.events.find((e) => e.event.type === 'snapshot')!;
    expect(sent.transfer).toContain(snap.params[0]!.W.data.buffer);
  });

  it('a bad config is refused with the field named, and the running experiment is kept', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    const before = h.of('ready').length;
    h.send({ type: 'configure', config: { ...SMALL, hyper: { ...SMALL.hyper, learningRate: -1 } } });
    expect(h.last('error')).toMatchObject({ field: 'config.hyper.learningRate', command: 'configure' });
    expect(h.of('ready')).toHaveLength(before);
    h.send({ type: 'step', granularity: 'batch' });
    expect(h.last('snapshot')?.step).toBe(1);
  });
});

describe('engine host: stepping', () => {
  it('stepping by phase equals stepping by batch, bit for bit', () => {
    const byPhase = harness();
    const byBatch = harness();
    byPhase.send({ type: 'configure', config: SMALL });
    byBatch.send({ type: 'configure', config: SMALL });
    const phases = phasesOf(7).length; // 7 forward, loss, 7 backward, update
    for (let k = 0; k < 5; k++) {
      for (let p = 0; p < phases; p++) byPhase.send({ type: 'step', granularity: 'phase' });
      byBatch.send({ type: 'step', granularity: 'batch' });
    }
    expect(byPhase.of('phase')).toHaveLength(5 * phases);
    expect(byPhase.of('phase').slice(0, 3).map((e) => e.phase)).toEqual([
      { kind: 'forward', layer: 1 },
      { kind: 'forward', layer: 2 },
      { kind: 'forward', layer: 3 },
    ]);
    const a = byPhase.last('snapshot')!;
    const b = byBatch.last('snapshot')!;
    expect(a.step).toBe(5);
    expect(b.step).toBe(5);
    expect(weightBits(a)).toEqual(weightBits(b));
  });

  it('a phase snapshot carries the partial trace up to that phase', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'step', granularity: 'phase' });
    h.send({ type: 'step', granularity: 'phase' });
    const snap = h.last('snapshot')!;
    expect(snap.phase).toEqual({ kind: 'forward', layer: 2 });
    expect(snap.trace?.layers[1]?.a).toBeDefined();
    expect(snap.trace?.layers[2]?.a).toBeUndefined();
    expect(snap.step).toBe(0);
  });

  it('a learning-rate change applies from the next update exactly', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'step', granularity: 'batch' });
    h.send({ type: 'set', settings: { hyper: { ...SMALL.hyper, learningRate: 0.25 } } });
    expect(h.last('applied')).toMatchObject({ fromStep: 1 });
    h.send({ type: 'step', granularity: 'batch' });
    const rates = h.of('metrics').flatMap((m) => Array.from(m.steps.learningRate));
    expect(rates).toEqual([0.03, 0.25]);
    const trace = h.last('snapshot')!.trace!;
    expect(trace.step).toBe(1);
    const l = trace.layers[0]!;
    for (let s = 0; s < l.dW!.data.length; s++) expect(l.updateW!.data[s]).toBe(-0.25 * l.dW!.data[s]!);
  });

  it('an impossible setting is refused with its field and changes nothing', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'set', settings: { hyper: { ...SMALL.hyper, learningRate: 0.5 }, batchSize: 0 } });
    expect(h.last('error')).toMatchObject({ field: 'batchSize' });
    h.send({ type: 'set', settings: { speed: { kind: 'steps-per-second', value: -3 } } });
    expect(h.last('error')).toMatchObject({ field: 'speed.value' });
    h.send({ type: 'step', granularity: 'batch' });
    expect(h.of('metrics').at(-1)!.steps.learningRate[0]).toBe(0.03);
  });

  it('epoch stepping runs to the end of the epoch and pauses', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'step', granularity: 'epoch' });
    h.run(() => h.last('status')?.status === 'paused');
    expect(h.last('status')).toMatchObject({ status: 'paused', step: 3 });
    h.send({ type: 'step', granularity: 'batch' });
    h.send({ type: 'step', granularity: 'epoch' });
    h.run(() => h.last('status')?.status === 'paused' && h.last('status')!.step > 3);
    expect(h.last('status')?.step).toBe(6);
  });
});

describe('engine host: free running', () => {
  it('plays in slices, sends every step\'s metrics, and honours pause between slices', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'play' });
    expect(h.last('status')?.status).toBe('running');
    h.scheduler.runPending(); // one slice
    const afterOne = h.of('metrics').flatMap((m) => Array.from(m.steps.step));
    expect(afterOne.length).toBeGreaterThan(0);
    expect(afterOne).toEqual(afterOne.map((_, i) => i)); // every step, in order
    h.send({ type: 'pause' });
    expect(h.last('status')?.status).toBe('paused');
    expect(h.scheduler.pending).toBe(0);
    h.send({ type: 'snapshot-ack' }); // the initial snapshot was still in flight; now the newest goes out
    expect(h.last('snapshot')!.step).toBe(afterOne.length);
    h.scheduler.runPending();
    h.send({ type: 'snapshot-ack' });
    expect(h.last('snapshot')!.step).toBe(afterOne.length);
    expect(h.of('metrics').flatMap((m) => Array.from(m.steps.step))).toHaveLength(afterOne.length);
  });

  it('keeps at most one snapshot in flight; the newest goes out on acknowledgement', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    const initial = h.of('snapshot').length;
    h.send({ type: 'play' });
    for (let i = 0; i < 5; i++) h.scheduler.runPending(); // no ack for the initial snapshot
    expect(h.of('snapshot')).toHaveLength(initial);
    h.send({ type: 'snapshot-ack' });
    expect(h.of('snapshot')).toHaveLength(initial + 1);
    expect(h.last('snapshot')!.step).toBeGreaterThan(5);
  });

  it('running free, sends a snapshot after every second slice, with a trace of its last step at most every fifth', () => {
    let t = 0;
    // Every look at the clock finds it 1 ms later: a slice (SLICE_MS) takes a few steps.
    const h = harness(undefined, new ManualScheduler(() => (t += 1)));
    h.send({ type: 'configure', config: { ...SMALL, schedule: { ...SMALL.schedule, evaluateEvery: 1_000_000 } } });
    h.send({ type: 'play' });
    const before = h.of('snapshot').length;
    const slices = 20;
    for (let i = 0; i < slices; i++) {
      h.send({ type: 'snapshot-ack' });
      h.scheduler.runPending();
    }
    const sent = h.of('snapshot').slice(before);
    expect(sent).toHaveLength(slices / 2);
    const traced = sent.filter((s) => s.trace !== null);
    // At least FREE_TRACE_MS apart: never on two snapshots in a row (FREE_SNAPSHOT_MS apart).
    expect(sent.map((s) => (s.trace === null ? '-' : 'T')).join('')).not.toContain('TT');
    expect(traced.length).toBeGreaterThanOrEqual(2);
    // A trace is of the last step before its snapshot (a trace's step counts from 0), never an older one.
    for (const s of traced) expect(s.trace!.step).toBe(s.step - 1);
  });

  it('paused after running free, the screen has the trace of the last step, not of an earlier one', () => {
    let t = 0;
    const h = harness(undefined, new ManualScheduler(() => (t += 1)));
    h.send({ type: 'configure', config: { ...SMALL, schedule: { ...SMALL.schedule, evaluateEvery: 1_000_000 } } });
    h.send({ type: 'play' });
    for (let slices = 1; slices <= 12; slices++) {
      h.send({ type: 'snapshot-ack' });
      h.scheduler.runPending();
      if (slices < 7) continue;
      // Pause after 7 … 12 slices: whether or not the last slice traced its last step.
      h.send({ type: 'pause' });
      h.send({ type: 'snapshot-ack' });
      const last = h.last('snapshot')!;
      const lastTrace = h.of('snapshot').filter((e) => e.trace !== null).at(-1)!.trace!;
      expect(last.step).toBe(h.last('status')!.step);
      expect(lastTrace.step).toBe(last.step - 1);
      h.send({ type: 'play' });
    }
  });

  it('steps-per-second takes one step per tick at the asked interval', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'set', settings: { speed: { kind: 'steps-per-second', value: 5 } } });
    h.send({ type: 'play' });
    h.scheduler.runPending();
    h.scheduler.runPending();
    h.scheduler.runPending();
    expect(h.of('metrics').reduce((n, m) => n + m.steps.step.length, 0)).toBe(3);
    expect(h.scheduler.nextDelay).toBe(200);
  });

  it('animated speed walks the phases', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'set', settings: { speed: { kind: 'animated', phasesPerSecond: 4 } } });
    h.send({ type: 'play' });
    for (let i = 0; i < 10; i++) h.scheduler.runPending();
    expect(h.of('phase').map((e) => e.phase.kind).slice(0, 9)).toEqual([...Array(7).fill('forward'), 'loss', 'backward']);
    expect(h.scheduler.nextDelay).toBe(250);
  });

  it('catches divergence, reports the step and where, and keeps the last finite weights', () => {
    const h = harness();
    const config = { ...findPreset('regression-relu')!, hyper: { ...findPreset('regression-relu')!.hyper, learningRate: 10 } };
    h.send({ type: 'configure', config });
    h.send({ type: 'play' });
    h.run(() => h.of('diverged').length > 0, 5000);
    const d = h.last('diverged')!;
    expect(d.learningRate).toBe(10);
    expect(d.step).toBeGreaterThan(0);
    expect(d.divergence.layer).not.toBeNull();
    expect(h.last('status')?.status).toBe('diverged');
    expect(h.scheduler.pending).toBe(0);
    h.send({ type: 'snapshot-ack' });
    const snap = h.last('snapshot')!;
    expect(snap.step).toBe(d.step);
    for (const p of snap.params) expect([...p.W.data, ...p.b].every(Number.isFinite)).toBe(true);
    // the diverged step's loss is not in the metrics
    expect(h.of('metrics').flatMap((m) => Array.from(m.steps.step)).at(-1)).toBe(d.step - 1);
  });

  it('after a refused update, a lower rate continues from the kept weights', () => {
    const h = harness();
    const config = findPreset('regression-relu')!;
    h.send({ type: 'configure', config });
    // Past the settings' range (which the store keeps to): the worker's trainer takes any η > 0.
    h.send({ type: 'set', settings: { hyper: { learningRate: 1e200 } } });
    // Weights so large that one update at rate 1e200 would overflow W2 (its gradient is ~1e202).
    const model = {
      format: 'backprop-lab/model@1',
      layers: config.network.layers,
      loss: config.network.loss,
      regularization: { kind: 'none', lambda: 0 },
      params: [
        { W: [Array(32).fill(1e100)], b: Array(32).fill(0) },
        { W: Array.from({ length: 32 }, () => [1]), b: [0] },
      ],
    };
    h.send({ type: 'import-model', text: JSON.stringify(model) });
    h.send({ type: 'step', granularity: 'batch' });
    expect(h.last('diverged')?.divergence).toEqual({ phase: { kind: 'update' }, quantity: 'W', layer: 2 });
    expect(h.last('snapshot')!.params[1]!.W.data[0]).toBe(1);
    h.send({ type: 'set', settings: { hyper: { ...config.hyper, learningRate: 1e-300 } } });
    h.send({ type: 'step', granularity: 'batch' });
    const snap = h.last('snapshot')!;
    expect(snap.step).toBe(1);
    const update = snap.trace!.layers[1]!.updateW!.data[0]!;
    expect(update).toBeLessThan(0); // applied (too small to move a weight of 1 in float64)
    expect(Number.isFinite(update)).toBe(true);
    expect(h.last('status')?.status).not.toBe('running');
  });
});

describe('engine host: instruments', () => {
  it('gradient check on the current batch: sampled per tensor, with progress, passing', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'step', granularity: 'batch' });
    h.gradientCheck();
    const report = h.last('gradcheck')!.report;
    const checked = report.tensors.map((t) => t.indices.length);
    // W1 2×8, b 8, five 8×8 weight tensors sampled to 40 entries, W7 8×1, b7 1
    expect(checked).toEqual([16, 8, 40, 8, 40, 8, 40, 8, 40, 8, 40, 8, 8, 1]);
    expect(report.sampled).toBe(true);
    expect(report.maxRelError).toBeLessThan(1e-6);
    const total = checked.reduce((a, b) => a + b, 0);
    expect(h.last('gradcheck-progress')).toEqual({ type: 'gradcheck-progress', done: total, total });
  });

  it('a large check runs in slices: commands are answered between them, and the report is the one-shot check’s', () => {
    const h = harness();
    // 2-64-64-64-1 on the spiral, every entry checked: about 8 600 entries, far more than a slice.
    const wide = {
      ...SMALL,
      network: { ...SMALL.network, layers: [{ units: 2 }, { units: 64, activation: 'tanh' as const }, { units: 64, activation: 'tanh' as const }, { units: 64, activation: 'tanh' as const }, SMALL.network.layers.at(-1)!] },
    };
    h.send({ type: 'configure', config: wide });
    h.send({ type: 'step', granularity: 'batch' });
    h.send({ type: 'export-model' });
    const before = h.last('model')!.text;
    h.send({ type: 'gradient-check', maxEntriesPerTensor: 1_000_000 });
    expect(h.of('gradcheck')).toHaveLength(0); // not done within the first slice
    const progress = h.last('gradcheck-progress')!;
    expect(progress.done).toBeGreaterThan(0);
    expect(progress.done).toBeLessThan(progress.total);
    // Between slices the worker answers at once: a step, then play and pause.
    h.send({ type: 'step', granularity: 'batch' });
    expect(h.last('snapshot')!.step).toBe(2);
    h.send({ type: 'play' });
    h.send({ type: 'pause' });
    expect(h.last('status')?.status).toBe('paused');
    h.run(() => h.of('gradcheck').length > 0, 10_000);
    const report = h.last('gradcheck')!.report;
    expect(report.tensors.reduce((n, t) => n + t.indices.length, 0)).toBe(progress.total);
    // The check is of the weights and batch when it was asked for, as a one-shot check of them finds.
    const again = harness();
    again.send({ type: 'configure', config: wide });
    again.send({ type: 'step', granularity: 'batch' });
    again.send({ type: 'export-model' });
    expect(again.last('model')!.text).toBe(before);
    const oneShot = again.gradientCheck({ type: 'gradient-check', maxEntriesPerTensor: 1_000_000 }).report;
    expect(report.tensors.map((t) => Array.from(t.numeric))).toEqual(oneShot.tensors.map((t) => Array.from(t.numeric)));
    expect(report.maxRelError).toBeLessThan(1e-6);
  });

  it('a check under way is dropped when the experiment is rebuilt', () => {
    const h = harness();
    const wide = { ...SMALL, network: { ...SMALL.network, layers: [{ units: 2 }, { units: 64, activation: 'tanh' as const }, { units: 64, activation: 'tanh' as const }, SMALL.network.layers.at(-1)!] } };
    h.send({ type: 'configure', config: wide });
    h.send({ type: 'gradient-check', maxEntriesPerTensor: 1_000_000 });
    expect(h.of('gradcheck')).toHaveLength(0);
    h.send({ type: 'configure', config: SMALL });
    h.run(() => false, 50);
    expect(h.of('gradcheck')).toHaveLength(0);
  });

  it('inspects one sample of the current batch without touching training', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'step', granularity: 'batch' });
    h.send({ type: 'snapshot-ack' });
    const before = weightBits(h.last('snapshot')!);
    h.send({ type: 'inspect', sample: 3 });
    const inspection = h.last('inspection')!;
    expect(inspection.sample).toBe(3);
    expect(inspection.trace.x.rows).toBe(1);
    expect(inspection.trace.layers[6]!.delta).toBeDefined();
    expect(inspection.trace.layers[0]!.updateW).toBeUndefined();
    h.send({ type: 'inspect', sample: 99 });
    expect(h.last('error')).toMatchObject({ field: 'sample' });
    h.send({ type: 'pause' });
    expect(weightBits(h.last('snapshot')!)).toEqual(before);
  });

  it('exports the model and imports it back, replacing the weights', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'export-model' });
    const text = h.last('model')!.text;
    const initial = weightBits(h.last('snapshot')!);
    for (let i = 0; i < 3; i++) h.send({ type: 'step', granularity: 'batch' });
    expect(weightBits(h.last('snapshot')!)).not.toEqual(initial);
    h.send({ type: 'import-model', text });
    expect(weightBits(h.last('snapshot')!)).toEqual(initial);
    h.send({ type: 'import-model', text: '{"format":"backprop-lab/model@1","layers":[{"units":3}]}' });
    expect(h.last('error')?.field).toBe('model.layers');
  });

  it('loads MNIST through the fetcher with progress, once per part', async () => {
    const calls: string[] = [];
    const fake = (part: 'train' | 't10k') => {
      calls.push(part);
      const n = part === 'train' ? 50 : 20;
      return { kind: 'classification' as const, name: part, x: zeros(n, 784), labels: new Int32Array(n), numClasses: 10 };
    };
    const h = harness(async (part, onProgress) => {
      onProgress(1, 2);
      onProgress(2, 2);
      return fake(part);
    });
    const config = { ...findPreset('mnist-two-layer-relu')!, schedule: { ...findPreset('mnist-two-layer-relu')!.schedule, batchSize: 5 } };
    h.send({ type: 'configure', config });
    expect(h.last('status')?.status).toBe('loading');
    await new Promise((r) => setTimeout(r, 0));
    expect(h.of('loading').map((e) => [e.what, e.loaded])).toEqual([['mnist-train', 1], ['mnist-train', 2], ['mnist-t10k', 1], ['mnist-t10k', 2]]);
    expect(h.last('ready')?.info).toMatchObject({ trainSize: 50, testSize: 20 });
    h.send({ type: 'configure', config });
    expect(calls).toEqual(['train', 't10k']);
  });
});

describe('engine host: gradient flow', () => {
  it('samples per-layer gradient norms and update ratios on traced steps, matching the trace', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'step', granularity: 'batch' });
    const flow = h.last('metrics')!.flow!;
    expect(flow.layers).toBe(7);
    expect(Array.from(flow.step)).toEqual([0]);
    const trace = h.last('snapshot')!.trace!;
    const norm = (xs: Float64Array) => Math.sqrt(xs.reduce((s, v) => s + v * v, 0));
    trace.layers.forEach((l, i) => {
      expect(flow.gradNorm[i]).toBeCloseTo(norm(l.dW!.data), 12);
      const after = h.last('snapshot')!.params[i]!.W.data;
      expect(flow.updateRatio[i]).toBeCloseTo(norm(l.updateW!.data) / norm(after), 12);
    });
  });
});

describe('engine host: bug lab', () => {
  it('set-bugs rebuilds from the seed with a bug-free twin stepping on the same batches', () => {
    const clean = harness();
    clean.send({ type: 'configure', config: SMALL });
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'step', granularity: 'batch' });
    h.send({ type: 'set-bugs', bugs: ['output-error-flipped'] });
    expect(h.last('ready')?.info.bugs).toEqual(['output-error-flipped']);
    expect(h.last('snapshot')?.step).toBe(0);
    for (let i = 0; i < 4; i++) {
      h.send({ type: 'step', granularity: 'batch' });
      clean.send({ type: 'step', granularity: 'batch' });
    }
    const twin = h.of('metrics').flatMap((m) => Array.from(m.steps.twinLoss ?? []));
    const cleanLoss = clean.of('metrics').flatMap((m) => Array.from(m.steps.loss));
    const buggyLoss = h.of('metrics').slice(-4).flatMap((m) => Array.from(m.steps.loss));
    expect(twin).toEqual(cleanLoss); // the twin is exactly the bug-free run
    expect(buggyLoss[0]).toBe(twin[0]); // same weights and batch for the first step's loss
    expect(buggyLoss[3]).not.toBe(twin[3]);
  });

  it('the forgotten b¹ update: the gradient check passes, the update check sent with it names b1', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'set-bugs', bugs: ['first-bias-frozen'] });
    h.send({ type: 'step', granularity: 'batch' });
    h.gradientCheck();
    const failing = h.last('gradcheck')!.report.tensors.filter((t) => t.maxRelError > 1e-4).map((t) => t.name);
    expect(failing).toEqual([]);
    expect(h.last('gradcheck')!.updates!.tensors.filter((t) => t.notUpdated).map((t) => t.name)).toEqual(['b1']);
    h.send({ type: 'set-bugs', bugs: ['output-error-flipped'] });
    h.gradientCheck();
    expect(h.last('gradcheck')!.report.tensors.filter((t) => t.maxRelError > 1e-4)).toHaveLength(h.last('gradcheck')!.report.tensors.length);
    h.host.handle({ v: 1, command: { type: 'set-bugs', bugs: ['nope'] } });
    expect(h.last('error')).toMatchObject({ field: 'bugs[0]' });
    h.send({ type: 'set-bugs', bugs: [] });
    h.send({ type: 'step', granularity: 'batch' });
    expect(h.last('metrics')!.steps.twinLoss).toBeUndefined();
  });
});

describe('engine host: recovering from divergence', () => {
  it('offers the latest checkpoint of ordinary size; going back there with a lower rate trains on (where the last finite weights cannot)', () => {
    const h = harness();
    const base = findPreset('regression-relu')!;
    h.send({ type: 'configure', config: { ...base, hyper: { ...base.hyper, learningRate: 0.05 } } });
    for (let i = 0; i < 120; i++) h.send({ type: 'step', granularity: 'batch' }); // checkpoints at 50 and 100
    h.send({ type: 'set', settings: { hyper: { ...base.hyper, learningRate: 100 } } });
    h.send({ type: 'play' });
    h.run(() => h.of('diverged').length > 0, 5000);
    const d = h.last('diverged')!;
    expect(d.checkpointStep).toBe(100); // trained at 0.05 up to step 120: still ordinary
    expect(d.recovery).toBe('go-back');
    expect(d.weightsOrdinary).toBe(false);
    // From the last finite weights even a tiny rate keeps diverging...
    h.send({ type: 'set', settings: { hyper: { ...base.hyper, learningRate: 1e-6 } } });
    h.send({ type: 'step', granularity: 'batch' });
    expect(h.last('status')?.status).toBe('diverged');
    // ...from the checkpoint, training goes on and the status leaves "diverged".
    h.send({ type: 'restore-checkpoint' });
    h.send({ type: 'snapshot-ack' });
    expect(h.last('snapshot')?.step).toBe(100);
    // The epoch counter went back with the weights: 100 batches of 10 over 150 training points.
    expect(h.last('rewound')).toEqual({ type: 'rewound', step: 100, epoch: (100 * 10) / 150 });
    expect(h.last('snapshot')?.epoch).toBeCloseTo((100 * 10) / 150, 12);
    h.send({ type: 'step', granularity: 'batch' });
    expect(h.last('snapshot')?.step).toBe(101);
    expect(h.last('status')?.status).toBe('paused');
  });

  it('regression-relu at rate 10: going back with the rate lowered tenfold per round recovers, never from ruined weights', () => {
    const h = harness();
    const base = findPreset('regression-relu')!;
    h.send({ type: 'configure', config: { ...base, hyper: { ...base.hyper, learningRate: 10 } } });
    const initialSize = paramSize(h.last('snapshot')!.params);
    h.send({ type: 'play' });
    h.run(() => h.of('diverged').length > 0, 5000);
    let rate = 10;
    const rounds: { rate: number; back: number }[] = [];
    while (h.of('diverged').length > rounds.length && rounds.length < 6) {
      const d = h.last('diverged')!;
      expect(d.recovery).toBe('go-back');
      rate /= 10; // what the lab's button does
      rounds.push({ rate, back: d.checkpointStep! });
      h.send({ type: 'set', settings: { hyper: { ...base.hyper, learningRate: rate } } });
      h.send({ type: 'restore-checkpoint' });
      h.send({ type: 'snapshot-ack' });
      // The weights gone back to are of ordinary size (the old "last finite" ones were |W| ≈ 10¹⁸³).
      expect(paramSize(h.last('snapshot')!.params)).toBeLessThanOrEqual(100 * Math.max(1, initialSize));
      h.send({ type: 'play' });
      const target = d.checkpointStep! + 500;
      h.run(() => (h.last('snapshot')?.step ?? 0) >= target || h.of('diverged').length > rounds.length, 2000);
    }
    h.send({ type: 'pause' });
    console.log(`regression-relu at rate 10: recovered after ${rounds.length} round(s): ${JSON.stringify(rounds)}`);
    // Each round is one click; the rate has to come down to this net's working range (0.05).
    expect(rounds.length).toBeLessThanOrEqual(3);
    expect(h.of('diverged')).toHaveLength(rounds.length);
    expect(h.last('snapshot')!.step).toBeGreaterThanOrEqual(rounds.at(-1)!.back + 500);
  });

  it('a model whose weights overflow the forward pass is offered re-initialisation, not a lower rate', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    const spec = SMALL.network;
    const params = spec.layers.slice(1).map((l, i) => ({ W: Array.from({ length: spec.layers[i]!.units }, () => Array(l.units).fill(1e308)), b: Array(l.units).fill(0) }));
    h.send({ type: 'import-model', text: JSON.stringify({ format: 'backprop-lab/model@1', layers: spec.layers, loss: spec.loss, params }) });
    expect(h.of('error')).toEqual([]);
    h.send({ type: 'step', granularity: 'batch' });
    const d = h.last('diverged')!;
    expect(d.divergence.phase.kind).toBe('forward');
    expect(d).toMatchObject({ recovery: 'reinitialise', checkpointStep: null, weightsOrdinary: false });
    h.send({ type: 'snapshot-ack' });
    expect(h.last('snapshot')).toMatchObject({ step: 0, epoch: 0 }); // the refused step drew no samples
  });

  it('epoch stepping stops at the end of the epoch at animated speed too', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'set', settings: { speed: { kind: 'animated', phasesPerSecond: 50 } } });
    h.send({ type: 'step', granularity: 'epoch' });
    h.run(() => h.last('status')?.status === 'paused', 200);
    expect(h.last('status')).toMatchObject({ status: 'paused', step: 3 });
  });

  it('a pause in the middle of an animated step keeps its phase in the snapshot', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'set', settings: { speed: { kind: 'animated', phasesPerSecond: 50 } } });
    h.send({ type: 'play' });
    for (let i = 0; i < 3; i++) h.scheduler.runPending();
    h.send({ type: 'pause' });
    h.send({ type: 'snapshot-ack' });
    expect(h.last('snapshot')?.phase).toEqual({ kind: 'forward', layer: 3 });
  });
});

describe('engine host: gradient check of a correct ReLU network', () => {
  it('passes at every point of training: kinks are flagged, not reported as errors', () => {
    const h = harness();
    h.send({ type: 'configure', config: findPreset('regression-relu')! });
    let kinks = 0;
    for (const until of [40, 80, 160]) {
      while ((h.last('snapshot')?.step ?? 0) < until) {
        h.send({ type: 'step', granularity: 'batch' });
        h.send({ type: 'snapshot-ack' });
      }
      h.gradientCheck();
      const report = h.last('gradcheck')!.report;
      expect(report.maxRelError).toBeLessThan(1e-6);
      kinks += report.kinkCount;
    }
    expect(kinks).toBeGreaterThan(0); // this net does sit on kinks, which used to fail the check
  });
});

describe('engine host: settings while data loads', () => {
  it('applies live settings and bug switches sent during loading once the experiment is built', async () => {
    const h = harness(async (part) => {
      const n = part === 'train' ? 50 : 20;
      return { kind: 'classification', name: part, x: zeros(n, 784), labels: new Int32Array(n), numClasses: 10 };
    });
    const config = findPreset('mnist-two-layer-relu')!;
    h.send({ type: 'configure', config });
    expect(h.last('status')?.status).toBe('loading');
    h.send({ type: 'set', settings: { hyper: { ...config.hyper, learningRate: 0.5 }, batchSize: 7 } });
    h.send({ type: 'set-bugs', bugs: ['first-bias-frozen'] });
    expect(h.of('error')).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(h.last('ready')?.info).toMatchObject({ batchSize: 7, bugs: ['first-bias-frozen'], hyper: { learningRate: 0.5 } });
  });
});

describe('engine host: importing a model beside a bug', () => {
  it('gives the twin the imported weights too, and confirms the imported regularization', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'step', granularity: 'batch' });
    h.send({ type: 'export-model' });
    const text = h.last('model')!.text;
    h.send({ type: 'set-bugs', bugs: ['first-bias-frozen'] });
    h.send({ type: 'import-model', text });
    expect(h.last('applied')?.settings.hyper?.regularization).toEqual(SMALL.hyper.regularization);
    h.send({ type: 'step', granularity: 'batch' });
    const m = h.last('metrics')!.steps;
    expect(m.loss[0]).toBe(m.twinLoss![0]); // same weights, same batch: the same loss before the bug acts
  });
});

describe('engine host: one reply to each settings command', () => {
  it('answers a set with `applied` or an error, each naming the command it answers and the settings in force', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'set', settings: { hyper: { learningRate: 0.25 } }, asked: 1 });
    const applied = h.last('applied')!;
    expect(applied.asked).toBe(1);
    // Only the rate was named: everything else stays as it was.
    expect(applied.inForce).toEqual({ network: SMALL.network, hyper: { ...SMALL.hyper, learningRate: 0.25 }, batchSize: SMALL.schedule.batchSize, speed: { kind: 'full' } });
    h.send({ type: 'set', settings: { batchSize: 1_000_000, hyper: { learningRate: 0.5 } }, asked: 2 });
    const refused = h.last('error')!;
    expect(refused).toMatchObject({ command: 'set', field: 'batchSize', asked: 2 });
    // All or nothing: the rate in the refused command did not take effect either.
    expect(refused.inForce).toEqual(applied.inForce);
  });

  it('keeps an imported model’s regularization when a later set names only the rate', () => {
    const h = harness();
    const l2 = { ...SMALL, hyper: { ...SMALL.hyper, regularization: { kind: 'l2' as const, lambda: 0.01 } } };
    h.send({ type: 'configure', config: l2 });
    h.send({ type: 'export-model' });
    const text = h.last('model')!.text;
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'import-model', text, asked: 1 });
    expect(h.last('applied')).toMatchObject({ asked: 1, inForce: { hyper: { regularization: { kind: 'l2', lambda: 0.01 } } } });
    h.send({ type: 'set', settings: { hyper: { learningRate: 0.5 } }, asked: 2 });
    expect(h.last('applied')?.inForce?.hyper).toEqual({ ...SMALL.hyper, learningRate: 0.5, regularization: { kind: 'l2', lambda: 0.01 } });
  });

  it('resets to the configuration it is sent, not to a copy of its own', () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'step', granularity: 'batch' });
    h.send({ type: 'reset', config: { ...SMALL, seed: SMALL.seed + 1 } });
    expect(h.last('status')).toMatchObject({ status: 'idle', step: 0 });
    h.send({ type: 'export-model' });
    const afterReset = h.last('model')!.text;
    h.send({ type: 'configure', config: { ...SMALL, seed: SMALL.seed + 1 } });
    h.send({ type: 'export-model' });
    expect(afterReset).toBe(h.last('model')!.text);
  });
});
