import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBody } from '../../../src/engine/gzip-body.ts';

/** A body that arrives in the given chunk sizes. */
function body(bytes: Uint8Array, chunk: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
}

const idx = (n: number) => {
  const out = new Uint8Array(8 + n);
  out.set([0, 0, 8, 1, 0, 0, n >> 8, n & 255]);
  for (let i = 0; i < n; i++) out[8 + i] = (i * 7) % 10;
  return out;
};

describe('readBody', () => {
  it('unpacks a gzip body and reports the compressed bytes as they arrive', async () => {
    const raw = idx(5000);
    const gz = gzipSync(raw);
    const seen: [number, number][] = [];
    const out = await readBody(body(gz, 100), { bytes: gz.length, rawBytes: raw.length }, (loaded, total) => seen.push([loaded, total]));
    expect(out).toEqual(raw);
    expect(seen.at(-1)).toEqual([gz.length, gz.length]);
    expect(seen.length).toBe(Math.ceil(gz.length / 100));
  });

  it('passes a plain body through (dev server, or a host that unpacked the .gz already), counting raw bytes', async () => {
    const raw = idx(300);
    const seen: [number, number][] = [];
    const out = await readBody(body(raw, 64), { bytes: 123, rawBytes: raw.length }, (loaded, total) => seen.push([loaded, total]));
    expect(out).toEqual(raw);
    expect(seen.at(-1)).toEqual([raw.length, raw.length]);
  });

  it('keeps every byte when the file is longer than expected', async () => {
    const raw = idx(1000);
    expect(await readBody(body(gzipSync(raw), 10), { bytes: 1, rawBytes: 10 }, () => {})).toEqual(raw);
  });

  it('rejects a damaged gzip body', async () => {
    const gz = gzipSync(idx(1000));
    gz[gz.length - 5]! ^= 0xff; // the length/CRC trailer
    await expect(readBody(body(gz, 50), { bytes: gz.length, rawBytes: 1008 }, () => {})).rejects.toThrow();
  });

  it('gives back the same bytes for any content and any chunking, gzipped or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 3000 }), fc.integer({ min: 1, max: 700 }), fc.boolean(), async (raw, chunk, zip) => {
        fc.pre(zip || !(raw[0] === 0x1f && raw[1] === 0x8b));
        const sent = zip ? gzipSync(raw) : raw;
        const out = await readBody(body(sent, chunk), { bytes: sent.length, rawBytes: raw.length }, () => {});
        expect(out).toEqual(raw);
      }),
      { numRuns: 60 },
    );
  });
});
