/** Refusal messages, produced by the real validators, read in 简体中文. */
import { describe, expect, it } from 'vitest';
import { ConfigError, RefusedError } from '../../src/core/errors.ts';
import { validateHyperparameters } from '../../src/core/spec.ts';
import { parseModelFile } from '../../src/data/model-file.ts';
import { refusalInChinese } from '../../src/i18n/refusals-zh.ts';
import { findPreset } from '../../src/presets/catalog.ts';
import { validateExperimentConfig } from '../../src/presets/config.ts';
import { decodeLink } from '../../src/store/link.ts';

function refusal(f: () => unknown): ConfigError {
  try {
    f();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('nothing was refused');
}

const preset = findPreset('planar-2-4-1')!;
const withData = (text: string) => ({ ...preset, data: { kind: 'csv', name: 'a.csv', text, target: null, testFraction: 0.2, seed: 0 } });

describe('refusals in 简体中文', () => {
  it.each([
    [() => validateExperimentConfig({ ...preset, schedule: { ...preset.schedule, batchSize: 0 } }), 'config.schedule.batchSize: 必须介于 1 与 100000 之间，当前为 0'],
    [() => validateHyperparameters({ ...preset.hyper, learningRate: -1 }), 'hyper.learningRate: 必须大于 0，当前为 -1'],
    [() => validateExperimentConfig({ ...preset, hyper: { ...preset.hyper, optimizer: { kind: 'nesterov' } } }), 'config.hyper.optimizer.kind: 必须是以下之一：sgd, momentum, adam；当前为 "nesterov"'],
    [() => validateExperimentConfig(withData('x,y,c\n1,,a')), 'config.data.text: 第 2 行，“y” 列：单元格为空，需要一个数'],
    [() => validateExperimentConfig(withData('x,y,c\n1,z,a')), 'config.data.text: 第 2 行，“y” 列："z" 不是数'],
    [() => validateExperimentConfig(withData('x,y,c\n1,2')), 'config.data.text: 第 2 行：应有 3 个单元格，实际为 2'],
    [() => validateExperimentConfig(withData('x,y,c')), 'config.data.text: 第 2 行：列名行之后没有数据行'],
    [() => parseModelFile('{"format":"other"}'), 'format: 必须是 "backprop-lab/model@1"，当前为 "other"'],
  ])('%#', (refuse, zh) => {
    expect(refusalInChinese(refusal(refuse))).toBe(zh);
  });

  it('reads the worker’s and the link’s words too, and leaves what it does not know in English', () => {
    expect(refusalInChinese(new RefusedError({ code: 'must-wait', command: 'step' }))).toBe('"step" 需要等待：数据仍在加载');
    expect(decodeLink('#config=%%%')?.problems.map(refusalInChinese)).toEqual(['链接不完整或已损坏']);
    expect(refusalInChinese(new ConfigError('config.network.layers[0].units', { code: 'data-inputs', data: 'my data.csv', expected: 1, got: 2 }))).toBe(
      'config.network.layers[0].units: 数据 my data.csv 有 1 个输入，当前为 2',
    );
    expect(refusalInChinese('something new went wrong')).toBe('something new went wrong');
  });
});
