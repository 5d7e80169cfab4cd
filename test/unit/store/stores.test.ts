import { describe, expect, it } from 'vitest';
import type { EngineClient } from '../../../src/engine/client.ts';
import type { Command, Event } from '../../../src/engine/protocol.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { createConfigStore } from '../../../src/store/config.ts';
import { createPlaybackStore } from '../../../src/store/playback.ts';
import { connectStores } from '../../../src/store/connect.ts';
import { createHistoryStore } from '../../../src/store/history.ts';
import { createRunStore } from '../../../src/store/run.ts';

function fakeClient() {
  const sent: Command[] = [];
  const listeners = new Set<(e: Event) => void>();
  const client: EngineClient = {
    send: (c) => sent.push(c),
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    dispose: () => listeners.clear(),
  };
  return { client, sent, emit: (e: Event) => listeners.forEach((l) => l(e)) };
}

const metrics = (steps: number[], lr: number[]): Event => ({
  type: 'metrics',
  steps: { step: Float64Array.from(steps), loss: Float64Array.from(steps, (s) => 1 / (s + 1)), learningRate: Float64Array.from(lr) },
  evaluations: [],
  flow: null,
});

describe('config store', () => {
  it('sends live settings as set, and architecture or preset changes as configure', () => {
    const { client, sent } = fakeClient();
    const config = createConfigStore(client);
    config.getState().setLearningRate(0.5);
    config.getState().setBatchSize(32);
    config.getState().setSpeed({ kind: 'steps-per-second', value: 2 });
    config.getState().loadPreset('planar-2-4-1');
    // A preset comes with the speed it starts at.
    expect(sent.map((c) => c.type)).toEqual(['set', 'set', 'set', 'configure', 'set']);
    expect(sent[0]).toMatchObject({ settings: { hyper: { learningRate: 0.5 } } });
    expect(config.getState().experiment.name).toBe('planar-2-4-1');
    expect(sent[4]).toEqual({ type: 'set', settings: { speed: { kind: 'steps-per-second', value: 20 } } });
    expect(config.getState().speed).toEqual({ kind: 'steps-per-second', value: 20 });
  });

  it('refuses an impossible setting, naming the field, and sends nothing', () => {
    const { client, sent } = fakeClient();
    const config = createConfigStore(client);
    const before = config.getState().experiment;
    config.getState().setLearningRate(NaN);
    expect(config.getState().refused).toMatchObject({ field: 'hyper.learningRate' });
    config.getState().setBatchSize(0);
    expect(config.getState().refused).toMatchObject({ field: 'batchSize' });
    config.getState().configure({ ...before, network: { ...before.network, layers: [{ units: 0 }] } });
    expect(config.getState().refused?.field).toMatch(/^config\.network/);
    expect(config.getState().experiment).toBe(before);
    expect(sent).toEqual([]);
    config.getState().setLearningRate(0.2);
    expect(config.getState().refused).toBeNull();
  });

  it('transport actions send play, pause, step at the chosen granularity, and reset', () => {
    const { client, sent } = fakeClient();
    const config = createConfigStore(client);
    const playback = createPlaybackStore(client, config);
    playback.getState().play();
    playback.getState().pause();
    config.getState().setGranularity('phase');
    playback.getState().step();
    playback.getState().reset();
    expect(sent).toEqual([{ type: 'play' }, { type: 'pause' }, { type: 'step', granularity: 'phase' }, { type: 'reset' }]);
  });

  it('is serialisable', () => {
    const config = createConfigStore(fakeClient().client, findPreset('mnist-two-layer-relu'));
    const { experiment, speed, granularity } = config.getState();
    expect(JSON.parse(JSON.stringify({ experiment, speed, granularity }))).toEqual({ experiment, speed, granularity });
  });
});

describe('run and history stores, connected to the engine', () => {
  it('routes events: snapshots by reference, metrics into bounded history, errors kept', () => {
    const { client, emit } = fakeClient();
    const run = createRunStore();
    const history = createHistoryStore(8);
    const disconnect = connectStores(client, { run, history });
    emit({ type: 'ready', info: { name: 'x', network: findPreset('planar-2-4-1')!.network, hyper: findPreset('planar-2-4-1')!.hyper, batchSize: 4, trainSize: 8, testSize: 0, stepsPerEpoch: 2, parameterCount: 17 } });
    const snapshot: Event = { type: 'snapshot', step: 3, epoch: 1.5, phase: null, params: [], trace: null };
    emit(snapshot);
    expect(run.getState().snapshot).toBe(snapshot);
    expect(run.getState().step).toBe(3);
    emit(metrics([0, 1, 2], [0.1, 0.1, 0.3]));
    emit(metrics([3, 4, 5, 6, 7, 8, 9, 10, 11, 12], new Array(10).fill(0.3)));
    const h = history.getState();
    expect(h.loss.count).toBe(13);
    expect(h.loss.length).toBeLessThanOrEqual(8);
    expect(h.rateChanges).toEqual([{ step: 0, learningRate: 0.1 }, { step: 2, learningRate: 0.3 }]);
    emit({ type: 'error', message: 'hyper.learningRate: must be greater than 0', field: 'hyper.learningRate' });
    expect(run.getState().error?.field).toBe('hyper.learningRate');
    emit({ type: 'ready', info: run.getState().info! });
    expect(history.getState().loss.count).toBe(0);
    disconnect();
    emit(snapshot);
    expect(run.getState().snapshotCount).toBe(0);
  });

  it('records divergence, and clears it when running again', () => {
    const run = createRunStore();
    run.getState().receive({ type: 'diverged', step: 12, divergence: { phase: { kind: 'loss' }, quantity: 'loss', layer: null }, learningRate: 9, checkpointStep: null, recovery: 'reinitialise', weightsOrdinary: false });
    expect(run.getState().divergence?.step).toBe(12);
    run.getState().receive({ type: 'status', status: 'running', step: 12 });
    expect(run.getState().divergence).toBeNull();
  });
});

describe('gradient flow history', () => {
  it('keeps one bounded series per layer of ‖∂L/∂W‖ and ‖ΔW‖/‖W‖', () => {
    const history = createHistoryStore(8);
    history.getState().append({ step: Float64Array.of(0, 1), loss: Float64Array.of(1, 1), learningRate: Float64Array.of(0.1, 0.1) }, [], {
      step: Float64Array.of(1),
      layers: 2,
      gradNorm: Float64Array.of(0.5, 0.25),
      updateRatio: Float64Array.of(0.01, 0.02),
    });
    const h = history.getState();
    expect(h.gradNorm.map((s) => [s.x[0], s.last[0]])).toEqual([[1, 0.5], [1, 0.25]]);
    expect(h.updateRatio.map((s) => s.last[0])).toEqual([0.01, 0.02]);
    h.clear();
    expect(history.getState().gradNorm).toEqual([]);
  });
});

describe('config store and the engine', () => {
  it('takes a setting the engine refused back to its last confirmed value, and says why', () => {
    const { client, emit } = fakeClient();
    const config = createConfigStore(client, findPreset('spiral-deep-tanh'));
    const run = createRunStore();
    connectStores(client, { run, history: createHistoryStore(), config });
    const p = findPreset('spiral-deep-tanh')!;
    emit({ type: 'ready', info: { name: p.name, network: p.network, hyper: p.hyper, batchSize: 10, trainSize: 250, testSize: 250, stepsPerEpoch: 25, parameterCount: 0 } });
    config.getState().setBatchSize(5000);
    expect(config.getState().experiment.schedule.batchSize).toBe(5000);
    emit({ type: 'error', message: 'batchSize: must be a whole number from 1 to 250, got 5000', field: 'batchSize', command: 'set' });
    expect(config.getState().experiment.schedule.batchSize).toBe(10);
    expect(config.getState().refused).toEqual({ field: 'batchSize', message: 'batchSize: must be a whole number from 1 to 250, got 5000' });
    config.getState().setLearningRate(0.2);
    emit({ type: 'applied', settings: { hyper: { ...p.hyper, learningRate: 0.2 } }, fromStep: 3 });
    emit({ type: 'error', message: 'hyper.learningRate: nope', field: 'hyper.learningRate' });
    expect(config.getState().experiment.hyper.learningRate).toBe(0.2);
  });

  it('takes up the architecture and regularization an imported model brought, and keeps exported models', () => {
    const { client, sent, emit } = fakeClient();
    const p = findPreset('planar-2-4-1')!;
    const config = createConfigStore(client, p);
    const run = createRunStore();
    connectStores(client, { run, history: createHistoryStore(), config });
    config.getState().importModel('{"format":"backprop-lab/model@1"}');
    expect(sent.at(-1)).toEqual({ type: 'import-model', text: '{"format":"backprop-lab/model@1"}' });
    const wider = { ...p.network, layers: [p.network.layers[0]!, { units: 7, activation: 'tanh' as const }, p.network.layers[2]!] };
    emit({ type: 'ready', info: { name: p.name, network: wider, hyper: p.hyper, batchSize: 10, trainSize: 300, testSize: 100, stepsPerEpoch: 30, parameterCount: 29 } });
    expect(config.getState().experiment.network).toEqual(p.network); // a ready alone changes nothing
    const l2 = { ...p.hyper, regularization: { kind: 'l2' as const, lambda: 0.01 } };
    emit({ type: 'applied', settings: { hyper: l2 }, fromStep: 0, model: { network: wider } });
    expect(config.getState().experiment.network).toEqual(wider);
    expect(config.getState().experiment.hyper).toEqual(l2);

    createPlaybackStore(client, config).getState().exportModel();
    expect(sent.at(-1)).toEqual({ type: 'export-model' });
    emit({ type: 'model', text: 'first', step: 3 });
    emit({ type: 'model', text: 'second', step: 4 });
    expect(run.getState().model).toEqual({ text: 'second', step: 4, serial: 2 });
  });

  it('does not let the echo of an older setting undo a newer one', () => {
    const { client, sent, emit } = fakeClient();
    const p = findPreset('planar-2-4-1')!;
    const config = createConfigStore(client, p);
    connectStores(client, { run: createRunStore(), history: createHistoryStore(), config });
    config.getState().setLearningRate(0.5);
    config.getState().setHyper({ optimizer: { kind: 'momentum', momentum: 0.5 } });
    const first = sent.find((c) => c.type === 'set')!;
    if (first.type !== 'set') throw new Error('expected a set');
    emit({ type: 'applied', settings: first.settings, fromStep: 0 }); // the echo of the learning rate only
    expect(config.getState().experiment.hyper.optimizer).toEqual({ kind: 'momentum', momentum: 0.5 });
    expect(config.getState().experiment.hyper.learningRate).toBe(0.5);
  });

  it('keeps a setting changed while a model was being imported, with the model\'s regularization, here and in the engine', () => {
    const { client, sent, emit } = fakeClient();
    const p = findPreset('planar-2-4-1')!;
    const config = createConfigStore(client, p);
    connectStores(client, { run: createRunStore(), history: createHistoryStore(), config });
    config.getState().importModel('{}');
    config.getState().setLearningRate(0.5); // sent with the regularization from before the import
    const l2 = { ...p.hyper, regularization: { kind: 'l2' as const, lambda: 0.01 } };
    emit({ type: 'applied', settings: { hyper: l2 }, fromStep: 0, model: { network: p.network } });
    const shown = config.getState().experiment.hyper;
    expect(shown).toEqual({ ...p.hyper, learningRate: 0.5, regularization: l2.regularization });
    expect(sent.at(-1)).toEqual({ type: 'set', settings: { hyper: shown } }); // the engine gets both too
  });
});
