/** A model file chosen on the page is read in the worker: its size checked first, then imported as its text. */
import { describe, expect, it } from 'vitest';
import { MAX_JSON_FILE_CHARS } from '../../../src/data/model-file.ts';
import { harness, SMALL } from './fakes.ts';


describe('import-model from a file', () => {
  it('reads the file in the worker and imports it as the text would be', async () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    h.send({ type: 'export-model' });
    const text = h.last('model')!.text;
    const model = JSON.parse(text) as { params: { W: number[][] }[] };
    model.params[0]!.W[0]![0] = 0.25;
    h.send({ type: 'import-model', file: new Blob([`\uFEFF${JSON.stringify(model)}`]), asked: 4 });
    await h.settle(() => h.of('applied').length > 0);
    expect(h.last('applied')).toMatchObject({ asked: 4, model: { network: SMALL.network } });
    expect(h.last('snapshot')!.params[0]!.W.data[0]).toBe(0.25);
  });

  it('refuses a file over the limit by its size, before reading it', async () => {
    const h = harness();
    h.send({ type: 'configure', config: SMALL });
    const huge = { size: MAX_JSON_FILE_CHARS + 1, slice: () => { throw new Error('read'); } };
    Object.setPrototypeOf(huge, Blob.prototype);
    h.send({ type: 'import-model', file: huge as unknown as Blob, asked: 5 });
    await h.settle(() => h.of('error').length > 0);
    expect(h.last('error')).toMatchObject({ command: 'import-model', asked: 5, refusal: { code: 'max-file-bytes', max: MAX_JSON_FILE_CHARS, got: MAX_JSON_FILE_CHARS + 1 } });
    expect(h.of('applied')).toHaveLength(0);
  });
});
