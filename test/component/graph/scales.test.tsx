/** The pure parts of the watched step: the colour scale's positions, the label format, and a trace cut at a phase. */
import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../../src/core/network.ts';
import { createRng } from '../../../src/core/rng.ts';
import { fromRows } from '../../../src/core/tensor.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { findPreset } from '../../../src/presets/catalog.ts';
import { traceAtPhase } from '../../../src/views/graph/view-phase.ts';
import { formatEngineering, RESOLUTION, resolutionOf, scalePosition } from '../../../src/views/shared/diverging.ts';

describe('scalePosition', () => {
  it('is linear and symmetric, clamped at the range', () => {
    expect(scalePosition(0.5, 2, 'linear')).toBe(0.25);
    expect(scalePosition(-0.5, 2, 'linear')).toBe(-0.25);
    expect(scalePosition(5, 2, 'linear')).toBe(1);
    expect(scalePosition(Number.NaN, 2, 'linear')).toBe(0);
    expect(scalePosition(1, 0, 'linear')).toBe(0);
  });

  it('draws values below the resolution as zero, and says where that is', () => {
    for (const mode of ['linear', 'symlog'] as const) {
      const r = resolutionOf(3, mode);
      expect(scalePosition(r * 0.99, 3, mode)).toBe(0);
      expect(Math.abs(scalePosition(r * 1.01, 3, mode))).toBeGreaterThanOrEqual(RESOLUTION);
    }
    expect(resolutionOf(3, 'linear')).toBeCloseTo(3 / 128, 15);
    expect(resolutionOf(3, 'symlog')).toBeLessThan(resolutionOf(3, 'linear') / 1000);
  });

  it('symlog keeps the order of magnitudes apart and the ends at ±1', () => {
    const p = [1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1].map((x) => scalePosition(x, 1, 'symlog'));
    for (let i = 1; i < p.length; i++) expect(p[i]!).toBeGreaterThan(p[i - 1]! + 0.1);
    expect(p.at(-1)).toBeCloseTo(1, 12);
    expect(scalePosition(-1, 1, 'symlog')).toBeCloseTo(-1, 12);
  });
});

describe('formatEngineering', () => {
  it('gives 3 significant digits, in engineering notation outside 0.001 … 9999, with a true minus', () => {
    expect(formatEngineering(0)).toBe('0');
    expect(formatEngineering(0.0994321)).toBe('0.0994');
    expect(formatEngineering(-1.2345)).toBe('−1.23');
    expect(formatEngineering(5.7e-5)).toBe('57e−6');
    expect(formatEngineering(-1.6e-13)).toBe('−160e−15');
    expect(formatEngineering(123456)).toBe('123e3');
    expect(formatEngineering(999.96e-6)).toBe('1e−3');
    expect(formatEngineering(Number.POSITIVE_INFINITY)).toBe('Infinity');
    // With more digits (the graph's readout), the same power of ten as the label beside it.
    expect(formatEngineering(5.7213e-5, 4)).toBe('57.21e−6');
    expect(formatEngineering(-0.150712, 4)).toBe('−0.1507');
  });
});

describe('traceAtPhase', () => {
  it('keeps exactly the fields of the phases that had run', () => {
    const preset = findPreset('planar-2-4-1')!;
    const trainer = new Trainer(createNetwork(preset.network, preset.init, createRng(1)), preset.hyper);
    const stepper = trainer.begin({ x: fromRows([[0.5, -1], [2, 0.25]]), t: fromRows([[1], [0]]) }, { trace: true });
    stepper.runAll();
    const full = stepper.trace();
    expect(full.phases).toHaveLength(6);
    expect(traceAtPhase(full, 5)).toBe(full);
    const loss = traceAtPhase(full, 2);
    expect(loss.phases.map((p) => p.kind)).toEqual(['forward', 'forward', 'loss']);
    expect(loss.loss).toBe(full.loss);
    expect(loss.layers[1]!.a).toBe(full.layers[1]!.a);
    expect(loss.layers[1]!.delta).toBeUndefined();
    const back2 = traceAtPhase(full, 3);
    expect(back2.layers[1]!.delta).toBe(full.layers[1]!.delta);
    expect(back2.layers[0]!.delta).toBeUndefined();
    expect(back2.layers[0]!.updateW).toBeUndefined();
    const first = traceAtPhase(full, 0);
    expect(first.layers[1]!.a).toBeUndefined();
    expect(first.loss).toBeUndefined();
    expect(first.layers[0]!.W).toBe(full.layers[0]!.W);
  });
});
