import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineClient } from '../../../src/engine/client.ts';
import { findPreset, PRESETS } from '../../../src/presets/catalog.ts';
import { createConfigStore } from '../../../src/store/config.ts';
import { decodeLink, encodeLink, keepLinkInStep, MAX_LINK_CHARS } from '../../../src/store/link.ts';

const silent: EngineClient = { send() {}, subscribe: () => () => {}, dispose() {} };

describe('settings as a link', () => {
  it.each(PRESETS.map((p) => [p.name, p] as const))('carries %s there and back', (_, preset) => {
    const fragment = encodeLink(preset);
    expect(fragment).toMatch(/^config=[A-Za-z0-9_-]+$/); // nothing a URL would have to escape
    expect(decodeLink(`#${fragment}`)).toEqual({ experiment: preset });
  });

  it('carries names in any script', () => {
    const named = { ...findPreset('planar-2-4-1')!, name: '平面花朵 🌸' };
    expect(decodeLink(encodeLink(named))).toEqual({ experiment: named });
  });

  it('never throws on what a crafted link holds', () => {
    const crafted = encodeLink({ ...findPreset('planar-2-4-1')!, seed: { toString: 1 } as unknown as number });
    expect(decodeLink(crafted)).toEqual({ problem: 'config.seed: must be a finite number, got an object' });
  });

  it('reads nothing from an address without settings', () => {
    expect(decodeLink('')).toBeNull();
    expect(decodeLink('#')).toBeNull();
    expect(decodeLink('#section-2')).toBeNull();
  });

  it('says why a link cannot be used: damaged, not JSON, or an impossible setting named', () => {
    expect(decodeLink('#config=%%%')).toEqual({ problem: 'the link is cut short or damaged' });
    expect(decodeLink(`#config=${btoa('{"oops"')}`)).toEqual({ problem: 'the link is cut short or damaged' });
    const preset = findPreset('planar-2-4-1')!;
    const bad = encodeLink({ ...preset, schedule: { ...preset.schedule, batchSize: 0 } });
    const reading = decodeLink(bad);
    expect(reading).not.toBeNull();
    expect('problem' in reading! && reading.problem).toMatch(/batchSize/);
  });
});

describe('keepLinkInStep', () => {
  afterEach(() => vi.useRealTimers());

  it('writes the newest settings once after a burst of changes, and nothing when they did not change', () => {
    vi.useFakeTimers();
    const config = createConfigStore(silent, findPreset('planar-2-4-1'));
    const written: string[] = [];
    const stop = keepLinkInStep(config, (f) => written.push(f), 400);
    config.getState().setSpeed({ kind: 'steps-per-second', value: 5 }); // not part of the experiment
    vi.advanceTimersByTime(500);
    expect(written).toEqual([]);
    for (const rate of [0.5, 0.6, 0.7]) config.getState().setLearningRate(rate);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(written).toHaveLength(1);
    expect(decodeLink(written[0]!)).toEqual({ experiment: config.getState().experiment });
    expect(config.getState().experiment.hyper.learningRate).toBe(0.7);
    config.getState().setLearningRate(0.8);
    stop();
    vi.advanceTimersByTime(1000);
    expect(written).toHaveLength(1);
  });

  it('clears the address rather than write a link too long to hand out', () => {
    vi.useFakeTimers();
    const preset = findPreset('planar-2-4-1')!;
    const config = createConfigStore(silent, preset);
    const written: string[] = [];
    const stop = keepLinkInStep(config, (f) => written.push(f), 10);
    const rows = Array.from({ length: 3000 }, (_, i) => `${i},${i % 7},${i % 2}`);
    const network = { layers: [{ units: 2 }, { units: 4, activation: 'tanh' as const }, { units: 2, activation: 'identity' as const }], loss: 'softmax-cross-entropy' as const };
    config.getState().configure({ ...preset, network, data: { kind: 'csv', name: 'big.csv', text: ['a,b,c', ...rows].join('\n'), target: null, testFraction: 0.2, seed: 0 } });
    expect(config.getState().refused).toBeNull();
    expect(encodeLink(config.getState().experiment).length).toBeGreaterThan(MAX_LINK_CHARS);
    vi.advanceTimersByTime(20);
    expect(written).toEqual(['']);
    stop();
  });
});
