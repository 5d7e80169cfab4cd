import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../src/views/export/file-name.ts';
import { HISTORY_COLUMNS, historyCsv } from '../../../src/views/export/history-csv.ts';
import { DecimatedSeries } from '../../../src/store/series.ts';

describe('exportFileName', () => {
  it('names a file after the experiment, the step and what it holds', () => {
    expect(exportFileName('mnist-two-layer-relu', 1200, 'graph', 'png')).toBe('mnist-two-layer-relu-step-1200-graph.png');
    expect(exportFileName('my data.csv', 3, 'history', 'csv')).toBe('my-data.csv-step-3-history.csv');
    expect(exportFileName('', 0, 'trace', 'json')).toBe('experiment-step-0-trace.json');
  });

  it('never puts a path separator or a space in a name', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), (name, step) => {
        expect(exportFileName(name, step, 'graph', 'svg')).toMatch(/^[\w.-]+-step-\d+-graph\.svg$/);
      }),
    );
  });
});

describe('historyCsv', () => {
  it('writes each kept loss bucket and each evaluation at its step, with the rate in effect', () => {
    const loss = new DecimatedSeries(4);
    [0.9, 0.7, 0.5, 0.4, 0.3, 0.2].forEach((y, i) => loss.push(i + 1, y)); // 6 points in 4 buckets: widths double
    const csv = historyCsv({
      loss,
      evaluations: [{ iteration: 4, epoch: 1, loss: 0.45, trainAccuracy: 0.875, testLoss: 0.5, testAccuracy: 0.75 }],
      rateChanges: [
        { step: 1, learningRate: 0.1 },
        { step: 5, learningRate: 0.05 },
      ],
    });
    const [header, ...rows] = csv.trim().split('\n');
    expect(header).toBe(HISTORY_COLUMNS.join(','));
    const byStep = new Map(rows.map((r) => [Number(r.split(',')[0]), r.split(',')]));
    // buckets after halving: [1,2], [3,4], [5,6]
    expect([...byStep.keys()]).toEqual([1, 3, 4, 5]);
    expect(byStep.get(1)).toEqual(['1', String((0.9 + 0.7) / 2), '0.7', '0.9', '2', '0.1', '', '', '', '']);
    expect(byStep.get(4)).toEqual(['4', '', '', '', '', '0.1', '0.45', '0.875', '0.5', '0.75']);
    expect(byStep.get(5)!.slice(1, 6)).toEqual([String((0.3 + 0.2) / 2), '0.2', '0.3', '2', '0.05']);
  });

  it('writes only the header for an empty history', () => {
    expect(historyCsv({ loss: new DecimatedSeries(4), evaluations: [], rateChanges: [] })).toBe(HISTORY_COLUMNS.join(',') + '\n');
  });
});
