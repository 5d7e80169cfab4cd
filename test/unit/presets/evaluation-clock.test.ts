import { describe, expect, it } from 'vitest';
import { EvaluationClock } from '../../../src/presets/evaluation-clock.ts';

describe('evaluation clock', () => {
  it('is due on the schedule’s steps whatever the time', () => {
    const clock = new EvaluationClock(0);
    expect(clock.due(true, 1)).toBe(true);
    expect(clock.due(false, 1)).toBe(false);
  });

  it('is due once the interval has passed since the last evaluation', () => {
    const clock = new EvaluationClock(0, 250);
    expect(clock.due(false, 249)).toBe(false);
    expect(clock.due(false, 250)).toBe(true);
    clock.evaluated(250, 251);
    expect(clock.due(false, 500)).toBe(false);
    expect(clock.due(false, 501)).toBe(true);
  });

  it('waits longer after a costly evaluation, keeping evaluation within its budget of the time', () => {
    const clock = new EvaluationClock(0, 250, 0.1);
    clock.evaluated(1000, 1300); // 300 ms
    expect(clock.due(false, 1300 + 2999)).toBe(false);
    expect(clock.due(false, 1300 + 3000)).toBe(true);
    clock.evaluated(5000, 5010); // a cheap one: back to the interval
    expect(clock.due(false, 5260)).toBe(true);
  });
});
