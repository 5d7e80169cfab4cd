import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineClient } from '../../../src/engine/client.ts';
import { BUGS } from '../../../src/core/bugs.ts';
import { findPreset, PRESETS } from '../../../src/presets/catalog.ts';
import { createConfigStore } from '../../../src/store/config.ts';
import { refusalInChinese } from '../../../src/i18n/refusals-zh.ts';
import { decodeLink, encodeLink, keepLinkInStep, lessonOf, MAX_LINK_CHARS, type LessonState } from '../../../src/store/link.ts';
import { createUiStore } from '../../../src/store/ui.ts';

const silent: EngineClient = { send() {}, subscribe: () => () => {}, dispose() {} };

describe('settings as a link', () => {
  it.each(PRESETS.map((p) => [p.name, p] as const))('carries %s there and back', (_, preset) => {
    const fragment = encodeLink(preset);
    expect(fragment).toMatch(/^config=[A-Za-z0-9_-]+$/); // nothing a URL would have to escape
    expect(decodeLink(`#${fragment}`)).toEqual({ experiment: preset, lesson: {}, problem: null, problems: [] });
  });

  it('carries names in any script', () => {
    const named = { ...findPreset('planar-2-4-1')!, name: '平面花朵 🌸' };
    expect(decodeLink(encodeLink(named))).toEqual({ experiment: named, lesson: {}, problem: null, problems: [] });
  });

  it('never throws on what a crafted link holds', () => {
    const crafted = encodeLink({ ...findPreset('planar-2-4-1')!, seed: { toString: 1 } as unknown as number });
    expect(decodeLink(crafted)).toEqual({ experiment: null, lesson: {}, problem: 'config.seed: must be a finite number, got an object', problems: [expect.objectContaining({ message: 'config.seed: must be a finite number, got an object' })] });
  });

  it('reads nothing from an address without settings', () => {
    expect(decodeLink('')).toBeNull();
    expect(decodeLink('#')).toBeNull();
    expect(decodeLink('#section-2')).toBeNull();
    expect(decodeLink('#theme=dark&section-2')).toBeNull(); // one word not the lab's: another page's anchor
    expect(decodeLink('#lesson=first-step')).toBeNull();
  });

  it('reads the screen’s words alone, with no experiment, so the running one is kept', () => {
    expect(decodeLink('#presenter=1&theme=dark&lang=zh')).toEqual({ experiment: null, lesson: { presenter: true, theme: 'dark', language: 'zh' }, problem: null, problems: [] });
    expect(decodeLink('#&conv=columns&')!.lesson).toEqual({ convention: 'columns' });
    const wrong = decodeLink('#theme=pink&lang=zh')!;
    expect(wrong.lesson).toEqual({ language: 'zh' });
    expect(wrong.problem).toBe('theme: must be one of system, light, dark, got "pink"');
  });

  it('says why a link cannot be used: damaged, not JSON, or an impossible setting named', () => {
    expect(decodeLink('#config=%%%')).toEqual({ experiment: null, lesson: {}, problem: 'the link is cut short or damaged', problems: [expect.objectContaining({ message: 'the link is cut short or damaged' })] });
    expect(decodeLink(`#config=${btoa('{"oops"')}`)).toEqual({ experiment: null, lesson: {}, problem: 'the link is cut short or damaged', problems: [expect.objectContaining({ message: 'the link is cut short or damaged' })] });
    const preset = findPreset('planar-2-4-1')!;
    const bad = encodeLink({ ...preset, schedule: { ...preset.schedule, batchSize: 0 } });
    const reading = decodeLink(bad);
    expect(reading?.experiment).toBeNull();
    expect(reading?.problem).toMatch(/batchSize/);
  });
});

describe('the lesson in a link', () => {
  const preset = findPreset('planar-2-4-1')!;
  const lessons: LessonState[] = [
    { speed: { kind: 'steps-per-second', value: 5 }, granularity: 'phase', tab: 'boundary', presenter: true, theme: 'dark', language: 'zh', convention: 'columns', bugs: ['batch-summed', 'first-bias-frozen'] },
    { speed: { kind: 'full' }, granularity: 'epoch', tab: 'curves', presenter: false, theme: 'light', language: 'en', convention: 'rows', bugs: ['relu-derivative-from-activation'] },
    { speed: { kind: 'steps-per-second', value: 0.5 }, granularity: 'batch', tab: 'settings', presenter: false, theme: 'system', language: 'en', convention: 'columns', bugs: [...BUGS] },
    { speed: { kind: 'animated', phasesPerSecond: 1 / 1.5 }, granularity: 'phase', tab: 'flow', presenter: true, theme: 'system', language: 'zh', convention: 'rows', bugs: ['delta-divided-every-layer'] },
  ];

  it.each(lessons.map((l, i) => [i, l] as const))('carries every field of lesson %i there and back', (_, lesson) => {
    const fragment = encodeLink(preset, lesson);
    const reading = decodeLink(`#${fragment}`)!;
    expect(reading.problem).toBeNull();
    expect(reading.experiment).toEqual(preset);
    const { speed, ...rest } = reading.lesson;
    const { speed: sent, ...sentRest } = lesson;
    expect(rest).toEqual(sentRest);
    if (sent.kind === 'animated') expect(speed).toMatchObject({ kind: 'animated', phasesPerSecond: expect.closeTo(sent.phasesPerSecond, 12) });
    else expect(speed).toEqual(sent);
  });

  it('reads the screen’s part as plain words', () => {
    expect(encodeLink(preset, lessons[0]).split('&').slice(1)).toEqual(['speed=5', 'by=phase', 'tab=boundary', 'presenter=1', 'theme=dark', 'lang=zh', 'conv=columns', 'bugs=batch-summed,first-bias-frozen']);
    expect(encodeLink(preset, { ...lessons[1]!, bugs: [] }).split('&')).not.toContainEqual(expect.stringMatching(/^bugs=/)); // none on: left out
    expect(encodeLink(preset, lessons[3]).split('&')[1]).toBe('speed=phase-1.5');
  });

  it('opens the rest of a link when one of its settings cannot be used, and says which', () => {
    const base = encodeLink(preset);
    const reading = decodeLink(`#${base}&speed=0.1&by=week&theme=dark&lang=fr&colour=red`)!;
    expect(reading.experiment).toEqual(preset);
    expect(reading.lesson).toEqual({ theme: 'dark' });
    expect(reading.problem).toBe(
      'speed.value: steps per second must be from 0.5 to 1000, got 0.1; by: must be one of phase, batch, epoch, got "week"; lang: must be one of en, zh, got "fr"; colour: is not a setting a link can hold',
    );
    expect(decodeLink(`#${base}&speed=phase-9`)!.problem).toMatch(/a phase must last from 0.3 to 5 s/);
    expect(decodeLink(`#${base}&speed=`)!.problem).toMatch(/^speed: must be "full"/);
  });

  it('carries each problem as a code, so every language writes it', () => {
    const base = encodeLink(preset);
    const reading = decodeLink(`#${base}&speed=0.1&speed=phase-9&speed=x&tab=A!&colour=red&conv=cols&bugs=batch-summed,off-by-one`)!;
    expect(reading.lesson).toEqual({});
    expect(reading.problems.map((p) => p.refusal?.code)).toEqual(['steps-per-second', 'phase-seconds', 'speed-text', 'not-a-view', 'link-parameter', 'one-of', 'unknown-bug']);
    expect(reading.problems.map(refusalInChinese)).toEqual([
      'speed.value: 每秒步数必须在 0.5 到 1000 之间，当前为 0.1',
      'speed.phasesPerSecond: 每个阶段必须持续 0.3 到 5 秒，当前为 9 秒',
      'speed: 必须是 "full"、每秒步数，或 "phase-" 加秒数，当前为 "x"',
      'tab: 不是一个视图，当前为 "A!"',
      'colour: 不是链接可以保存的设置',
      'conv: 必须是以下之一：rows, columns；当前为 "cols"',
      `bugs[1]: 没有名为 "off-by-one" 的常见错误（已有：${BUGS.join(', ')}）`,
    ]);
    expect(reading.problems.at(-1)!.message).toBe(`bugs[1]: unknown bug "off-by-one" (known: ${BUGS.join(', ')})`);
    expect(decodeLink('#config=%%%')!.problems.map(refusalInChinese)).toEqual(['链接不完整或已损坏']);
  });
});

describe('keepLinkInStep', () => {
  afterEach(() => vi.useRealTimers());

  it('writes the newest settings once after a burst of changes, and nothing when they did not change', () => {
    vi.useFakeTimers();
    const config = createConfigStore(silent, findPreset('planar-2-4-1'));
    const ui = createUiStore();
    const written: string[] = [];
    const stop = keepLinkInStep(config, ui, (f) => written.push(f), 400);
    config.getState().setGranularity('batch'); // as it was: no news
    vi.advanceTimersByTime(500);
    expect(written).toEqual([]);
    for (const rate of [0.5, 0.6, 0.7]) config.getState().setLearningRate(rate);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(written).toHaveLength(1);
    expect(decodeLink(written[0]!)).toMatchObject({ experiment: config.getState().experiment, problem: null });
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
    const stop = keepLinkInStep(config, createUiStore(), (f) => written.push(f), 10);
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

describe('keepLinkInStep: the whole lesson', () => {
  afterEach(() => vi.useRealTimers());

  it('writes the screen’s choices at once, without waiting for the slider delay', () => {
    vi.useFakeTimers();
    const config = createConfigStore(silent, findPreset('planar-2-4-1'));
    const ui = createUiStore();
    const written: string[] = [];
    const stop = keepLinkInStep(config, ui, (f) => written.push(f), 400);
    ui.getState().setLanguage('zh');
    expect(written).toHaveLength(1);
    expect(decodeLink(written[0]!)!.lesson.language).toBe('zh');
    stop();
  });

  it('writes speed, granularity, tab, presenter, theme, language, convention and bugs as they change', () => {
    vi.useFakeTimers();
    const config = createConfigStore(silent, findPreset('planar-2-4-1'));
    const ui = createUiStore();
    const written: string[] = [];
    const stop = keepLinkInStep(config, ui, (f) => written.push(f), 10);
    const changes: [string, () => void][] = [
      ['speed', () => config.getState().setSpeed({ kind: 'steps-per-second', value: 3 })],
      ['granularity', () => config.getState().setGranularity('phase')],
      ['tab', () => ui.getState().setTab('heatmaps')],
      ['presenter', () => ui.getState().setPresenter(true)],
      ['theme', () => ui.getState().setTheme('dark')],
      ['language', () => ui.getState().setLanguage('zh')],
      ['convention', () => ui.getState().setConvention('columns')],
      ['bugs', () => config.getState().setBugs(['batch-summed'])],
    ];
    for (const [field, change] of changes) {
      change();
      vi.advanceTimersByTime(20);
      expect(written, field).toHaveLength(changes.findIndex(([f]) => f === field) + 1);
      expect({ tab: null, bugs: [], ...decodeLink(written.at(-1)!)!.lesson }).toEqual(lessonOf(config, ui)); // no tab, no bugs: none written
    }
    expect(decodeLink(written.at(-1)!)!.lesson).toEqual({
      speed: { kind: 'steps-per-second', value: 3 },
      granularity: 'phase',
      tab: 'heatmaps',
      presenter: true,
      theme: 'dark',
      language: 'zh',
      convention: 'columns',
      bugs: ['batch-summed'],
    });
    stop();
  });
});
