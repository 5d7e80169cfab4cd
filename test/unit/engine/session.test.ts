/** The worker's session: built as one value, its config derived from what runs, settings all or none. */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.ts';
import { Session } from '../../../src/engine/session.ts';
import type { MnistLoader } from '../../../src/presets/data-source.ts';
import { SMALL } from './fakes.ts';

const noMnist: MnistLoader = () => {
  throw new Error('no MNIST here');
};

describe('Session', () => {
  it('is built whole: experiment, twin only with bugs on, checkpoints from step 0', () => {
    const plain = Session.build(SMALL, [], noMnist);
    expect(plain.twin).toBeNull();
    expect(plain.trainer.steps).toBe(0);
    const buggy = Session.build(SMALL, ['first-bias-frozen'], noMnist);
    expect(buggy.twin).not.toBeNull();
    // The twin starts from the same seed: the same weights.
    expect(Array.from(buggy.twin!.trainer.params[0]!.W.data)).toEqual(Array.from(buggy.trainer.params[0]!.W.data));
    expect(buggy.readyInfo()).toMatchObject({ name: 'small', bugs: ['first-bias-frozen'], batchSize: SMALL.schedule.batchSize });
  });

  it('its config is the one running: live settings show in it, no copy to drift', () => {
    const s = Session.build(SMALL, ['first-bias-frozen'], noMnist);
    s.apply({ hyper: { ...SMALL.hyper, learningRate: 0.5 }, batchSize: 7 });
    expect(s.config.hyper.learningRate).toBe(0.5);
    expect(s.config.schedule.batchSize).toBe(7);
    expect(s.twin!.trainer.hyper.learningRate).toBe(0.5);
    expect(s.twin!.batchSize).toBe(7);
    // A rebuild from it starts from the seed with the settings in force.
    const again = Session.build(s.config, s.bugs, noMnist);
    expect(again.experiment.batchSize).toBe(7);
    expect(Array.from(again.trainer.params[0]!.W.data)).toEqual(Array.from(Session.build(SMALL, [], noMnist).trainer.params[0]!.W.data));
  });

  it('refuses settings all or none', () => {
    const s = Session.build(SMALL, [], noMnist);
    const trainRows = s.data.train.x.rows;
    expect(() => s.apply({ hyper: { ...SMALL.hyper, learningRate: 0.25 }, batchSize: trainRows + 1 })).toThrow(ConfigError);
    expect(s.trainer.hyper.learningRate).toBe(SMALL.hyper.learningRate);
    expect(s.experiment.batchSize).toBe(SMALL.schedule.batchSize);
  });
});
