/** The worker's part of choosing a CSV file: size first, read and parsed in slices, answered with its shape or its line and column. */
import { describe, expect, it } from 'vitest';
import { MAX_CSV_FILE_BYTES } from '../../../src/core/limits.ts';
import { parseCsv } from '../../../src/data/csv.ts';
import { csvDataset, shapeOf } from '../../../src/presets/config.ts';
import { csvData } from '../../../src/presets/csv-experiment.ts';
import { harness, SMALL } from './fakes.ts';

/** 60 000 rows (1.1 MB): more than one slice to parse. */
const BIG = ['x1,x2,label', ...Array.from({ length: 60_000 }, (_, i) => `${(i % 97) / 97},${(i % 89) / 89},${i % 3 === 0 ? 'a' : 'b'}`)].join('\n');


describe('read-csv in the worker', () => {
  it('reads and parses a big file in slices while the experiment runs on, and answers with its shape', async () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'play' });
    h.send({ type: 'read-csv', file: new Blob([BIG]), name: 'big.csv', asked: 1 });
    await h.settle(() => h.of('csv-read').length > 0);
    const read = h.last('csv-read')!;
    expect(read.asked).toBe(1);
    expect(read.data).toEqual(csvData('big.csv', BIG));
    expect(read.shape).toEqual(shapeOf(parseCsv(BIG, { name: 'big.csv' })));
    expect(read.shape).toMatchObject({ rows: 60_000, features: 2, kind: 'classification', classes: 2, firstClass: 'a' });
    expect(h.of('csv-progress').some((p) => p.stage === 'parse' && p.done < p.total)).toBe(true);
    // The experiment ran on meanwhile, and the parsed data set is kept for the configure that follows.
    expect(h.last('status')?.status).toBe('running');
    expect(h.of('metrics').flatMap((m) => Array.from(m.steps.step)).length).toBeGreaterThan(0);
    expect(csvDataset(read.data).x.rows).toBe(60_000);
  });

  it('refuses a file that does not parse with its line and column, and changes nothing', async () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    const broken = BIG.split('\n');
    const line = 45_678;
    broken[line - 1] = '0.5,oops,a';
    h.send({ type: 'read-csv', file: new Blob([broken.join('\n')]), name: 'broken.csv', asked: 2 });
    await h.settle(() => h.of('error').length > 0);
    expect(h.last('error')).toMatchObject({ command: 'read-csv', asked: 2, field: 'data.text', place: { line, column: 'x2' } });
    expect(h.last('error')!.message).toBe(`data.text: line ${line}, column "x2": "oops" is not a number`);
    expect(h.of('ready')).toHaveLength(1);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const h = harness();
    const huge = { size: MAX_CSV_FILE_BYTES + 1, slice: () => { throw new Error('read'); } };
    Object.setPrototypeOf(huge, Blob.prototype);
    h.send({ type: 'read-csv', file: huge as unknown as Blob, name: 'huge.csv', asked: 3 });
    await h.settle(() => h.of('error').length > 0);
    expect(h.last('error')).toMatchObject({ command: 'read-csv', asked: 3, refusal: { code: 'max-file-bytes', max: MAX_CSV_FILE_BYTES, got: MAX_CSV_FILE_BYTES + 1 } });
  });

  it('a newer read drops the one under way', async () => {
    const h = harness();
    h.send({ type: 'read-csv', file: new Blob([BIG]), name: 'first.csv', asked: 1 });
    h.send({ type: 'read-csv', file: new Blob(['a,t\n1,x\n2,y\n']), name: 'second.csv', asked: 2 });
    await h.settle(() => h.of('csv-read').length > 0);
    await h.settle(() => false, 50);
    expect(h.of('csv-read').map((r) => r.data.name)).toEqual(['second.csv']);
  });

  it('a configure with a CSV text not parsed here (a restarted worker) parses it in slices before building', async () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'play' });
    const text = BIG.replace('x1,x2', 'u,v'); // a text this module has not kept
    const config = { ...SMALL, name: 'restarted', data: { ...csvData('restarted.csv', text), testFraction: 0.5 }, schedule: { ...SMALL.schedule, batchSize: 10 } };
    h.send({ type: 'configure', config });
    expect(h.of('ready')).toHaveLength(1); // not built within the first slice: the old session runs on
    expect(h.last('status')?.status).toBe('running');
    await h.settle(() => h.of('ready').length > 1);
    expect(h.last('ready')!.info).toMatchObject({ name: 'restarted', trainSize: 30_000, testSize: 30_000 });
  });
});
