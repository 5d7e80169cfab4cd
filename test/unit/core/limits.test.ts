/** Each bound of limits.ts is the one the validators, the stores and the worker enforce. */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.ts';
import { BATCH_SIZE, LEARNING_RATE, NETWORK_LIMITS, SPEED } from '../../../src/core/limits.ts';
import { validateNetworkSpec } from '../../../src/core/spec.ts';
import { imageShape, MNIST_IMAGE, pixels } from '../../../src/data/image.ts';
import { COMMAND_TYPES, commandProblem } from '../../../src/engine/protocol-check.ts';
import { checkSpeed } from '../../../src/engine/live-settings.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { inputsOf, validateExperimentConfig } from '../../../src/presets/config.ts';
import { checkBatchSize } from '../../../src/presets/experiment.ts';
import { createConfigStore } from '../../../src/store/config.ts';
import { decodeLink, encodeLink } from '../../../src/store/link.ts';

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  return 'nothing was refused';
}

const planar = findPreset('planar-2-4-1')!;

describe('limits', () => {
  it('the batch size bound is the one the config, the live setting and the trainer check', () => {
    const schedule = (batchSize: number) => ({ ...planar, schedule: { ...planar.schedule, batchSize } });
    expect(() => validateExperimentConfig(schedule(BATCH_SIZE.max))).not.toThrow();
    expect(refusal(() => validateExperimentConfig(schedule(BATCH_SIZE.max + 1)))).toContain(`between ${BATCH_SIZE.min} and ${BATCH_SIZE.max}`);
    expect(() => checkBatchSize(BATCH_SIZE.max)).not.toThrow();
    expect(refusal(() => checkBatchSize(BATCH_SIZE.max + 1))).toBe(`batchSize: must be a whole number from 1 to ${BATCH_SIZE.max}, got ${BATCH_SIZE.max + 1}`);
    expect(refusal(() => checkBatchSize(300, 250))).toBe('batchSize: must be a whole number from 1 to 250, got 300');
  });

  it('the network bounds are the validator’s', () => {
    const hidden = (n: number) => ({
      layers: [{ units: 2 }, ...Array.from({ length: n }, () => ({ units: 3, activation: 'tanh' })), { units: 1, activation: 'sigmoid' }],
      loss: 'squared-error-half',
    });
    expect(() => validateNetworkSpec(hidden(NETWORK_LIMITS.maxHiddenLayers))).not.toThrow();
    expect(refusal(() => validateNetworkSpec(hidden(NETWORK_LIMITS.maxHiddenLayers + 1)))).toContain(`at most ${NETWORK_LIMITS.maxHiddenLayers} hidden layers`);
    const wide = { layers: [{ units: 2 }, { units: NETWORK_LIMITS.maxHiddenUnits + 1, activation: 'relu' }, { units: 1, activation: 'identity' }], loss: 'squared-error-half' };
    expect(refusal(() => validateNetworkSpec(wide))).toContain(`between 1 and ${NETWORK_LIMITS.maxHiddenUnits}`);
  });

  it('the learning rate keeps to the slider’s range in a config, a link and the settings store', () => {
    const rate = (learningRate: number) => ({ ...planar, hyper: { ...planar.hyper, learningRate } });
    for (const ok of [LEARNING_RATE.min, LEARNING_RATE.max]) expect(() => validateExperimentConfig(rate(ok))).not.toThrow();
    expect(refusal(() => validateExperimentConfig(rate(1e300)))).toBe(`config.hyper.learningRate: must be between ${LEARNING_RATE.min} and ${LEARNING_RATE.max}, got 1e+300`);
    expect(refusal(() => validateExperimentConfig(rate(1e-300)))).toBe(`config.hyper.learningRate: must be between ${LEARNING_RATE.min} and ${LEARNING_RATE.max}, got 1e-300`);
    expect(decodeLink(`#${encodeLink(rate(1e300))}`)).toMatchObject({ experiment: null, problem: expect.stringContaining('learningRate: must be between') });
    const sent: unknown[] = [];
    const store = createConfigStore({ send: (c) => sent.push(c), subscribe: () => () => {}, dispose() {} }, planar);
    store.getState().setLearningRate(1e300);
    expect(store.getState().refused).toMatchObject({ field: 'hyper.learningRate' });
    expect(sent).toEqual([]);
  });

  it('one speed check, with the bounds of limits.ts, for the store and the worker', () => {
    expect(() => checkSpeed({ kind: 'steps-per-second', value: SPEED.stepsPerSecond.max })).not.toThrow();
    expect(() => checkSpeed({ kind: 'steps-per-second', value: SPEED.stepsPerSecond.sliderMin })).not.toThrow();
    expect(refusal(() => checkSpeed({ kind: 'steps-per-second', value: 0 }))).toBe(`speed.value: must be between 0 and ${SPEED.stepsPerSecond.max}, got 0`);
    expect(refusal(() => checkSpeed({ kind: 'animated', phasesPerSecond: SPEED.phasesPerSecond.max + 1 }))).toBe(
      `speed.phasesPerSecond: must be between 0 and ${SPEED.phasesPerSecond.max}, got ${SPEED.phasesPerSecond.max + 1}`,
    );
    // The slowest animation the toolbar offers is within what the worker accepts.
    expect(1 / SPEED.secondsPerPhase.max).toBeGreaterThan(0);
    expect(1 / SPEED.secondsPerPhase.min).toBeLessThanOrEqual(SPEED.phasesPerSecond.max);
    expect(refusal(() => checkSpeed({ kind: 'warp' } as never))).toContain('speed.kind: must be one of full, steps-per-second, animated');
  });
});

describe('image geometry', () => {
  it('MNIST has as many inputs as its image has pixels; square inputs of 64 or more form an image', () => {
    expect(inputsOf(findPreset('mnist-two-layer-relu')!.data)).toBe(pixels(MNIST_IMAGE));
    expect(imageShape(pixels(MNIST_IMAGE))).toEqual(MNIST_IMAGE);
    expect(imageShape(64)).toEqual({ rows: 8, cols: 8 });
    expect(imageShape(49)).toBeNull();
    expect(imageShape(2)).toBeNull();
  });
});

describe('command types', () => {
  it('every command type the protocol lists is accepted by name, and nothing else', () => {
    expect([...COMMAND_TYPES].sort()).toEqual(
      ['configure', 'play', 'pause', 'step', 'reset', 'set', 'gradient-check', 'set-bugs', 'inspect', 'export-model', 'import-model', 'restore-checkpoint', 'snapshot-ack', 'read-csv'].sort(),
    );
    const bodies: Record<string, object> = { configure: { config: {} }, reset: { config: {} }, step: { granularity: 'batch' }, set: { settings: {} }, 'set-bugs': { bugs: [] }, 'import-model': { text: '' }, 'read-csv': { file: new Blob(['a,b']), name: 'a.csv', asked: 1 } };
    for (const type of COMMAND_TYPES) expect(commandProblem({ v: 1, command: { type, ...bodies[type] } })).toBeNull();
    expect(commandProblem({ v: 1, command: { type: 'toString' } })).toBe('unknown command type "toString"');
    expect(commandProblem({ v: 1, command: { type: 'read-csv', file: 'a,b', name: 'a.csv', asked: 1 } })).toBe('read-csv needs a file, its name and a number');
  });
});
