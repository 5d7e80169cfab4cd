import { describe, it, expect } from 'vitest';
import { IdxError, parseIdx } from '../../../src/data/idx.ts';
import { idxBytes } from './idx-bytes.ts';

function idxErrorOf(f: () => unknown): IdxError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(IdxError);
    expect(e).toBeInstanceOf(Error);
    return e as IdxError;
  }
  throw new Error('expected an IdxError');
}

describe('parseIdx', () => {
  it('reads a 1-D file', () => {
    const { dims, data } = parseIdx(idxBytes([4], [7, 2, 1, 0]));
    expect(dims).toEqual([4]);
    expect(Array.from(data)).toEqual([7, 2, 1, 0]);
  });

  it('reads a 3-D file in row-major order', () => {
    const values = Array.from({ length: 2 * 2 * 3 }, (_, i) => i * 10);
    const { dims, data } = parseIdx(idxBytes([2, 2, 3], values));
    expect(dims).toEqual([2, 2, 3]);
    expect(Array.from(data)).toEqual(values);
  });

  it('reads big-endian dimensions above 255 and 65535', () => {
    expect(parseIdx(idxBytes([300, 0], [])).dims).toEqual([300, 0]);
    expect(parseIdx(idxBytes([70000, 0], [])).dims).toEqual([70000, 0]);
    expect(parseIdx(idxBytes([258], new Uint8Array(258))).data.length).toBe(258);
  });

  it('accepts a view into a larger buffer', () => {
    const file = idxBytes([3], [9, 8, 7]);
    const padded = new Uint8Array(file.length + 5);
    padded.set(file, 5);
    expect(Array.from(parseIdx(padded.subarray(5)).data)).toEqual([9, 8, 7]);
  });

  it('rejects a file shorter than the header', () => {
    expect(idxErrorOf(() => parseIdx(new Uint8Array([0, 0, 8]))).message).toMatch(/too short: 3 bytes/);
    expect(idxErrorOf(() => parseIdx(new Uint8Array(0))).message).toMatch(/too short/);
    // Declares 3 dimensions but holds only one size.
    expect(idxErrorOf(() => parseIdx(new Uint8Array([0, 0, 8, 3, 0, 0, 0, 1]))).message).toMatch(
      /too short: 8 bytes.*3-dimensional.*needs 16/,
    );
  });

  it('rejects a bad magic number', () => {
    const bytes = idxBytes([1], [0]);
    bytes[0] = 0x50;
    bytes[1] = 0x4b;
    expect(idxErrorOf(() => parseIdx(bytes)).message).toMatch(/not an IDX file.*0x50 0x4b/);
  });

  it('names an unsupported or unknown type', () => {
    expect(idxErrorOf(() => parseIdx(idxBytes([1], [0], 0x0d))).message).toMatch(/0x0d \(32-bit float\) is not supported/);
    expect(idxErrorOf(() => parseIdx(idxBytes([1], [0], 0x42))).message).toMatch(/unknown IDX type code 0x42/);
  });

  it('rejects zero dimensions', () => {
    expect(idxErrorOf(() => parseIdx(new Uint8Array([0, 0, 8, 0]))).message).toMatch(/zero dimensions/);
  });

  it('catches truncated and oversized data, saying expected vs got', () => {
    const file = idxBytes([2, 3], [1, 2, 3, 4, 5, 6]);
    const truncated = idxErrorOf(() => parseIdx(file.subarray(0, file.length - 2)));
    expect(truncated.message).toMatch(/truncated/);
    expect(truncated.message).toMatch(/2×3 need 6 data bytes, got 4/);
    const longer = new Uint8Array(file.length + 1);
    longer.set(file);
    expect(idxErrorOf(() => parseIdx(longer)).message).toMatch(/need 6 data bytes, got 7/);
  });
});
