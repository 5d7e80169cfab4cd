/**
 * The IDX file format of the MNIST distribution: two zero bytes, a type code, the number of
 * dimensions d, then d big-endian uint32 sizes, then the data in row-major order. Only the
 * unsigned-byte type (0x08) is read; that is what MNIST uses.
 */

/** Whatever is wrong with an IDX file (or with a pair of them, see mnistFromIdx). */
export class IdxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdxError';
  }
}

const TYPE_NAMES: Readonly<Record<number, string>> = {
  0x08: 'unsigned byte',
  0x09: 'signed byte',
  0x0b: '16-bit integer',
  0x0c: '32-bit integer',
  0x0d: '32-bit float',
  0x0e: '64-bit float',
};

function hex(b: number): string {
  return `0x${b.toString(16).padStart(2, '0')}`;
}

function readUint32BE(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

/**
 * Parses an unsigned-byte IDX file. `data` is a view into `bytes` (not a copy) holding the
 * product of `dims` values. Throws IdxError when the file is too short, does not start with two
 * zero bytes, has another type code, has no dimensions, or its data length does not match.
 */
export function parseIdx(bytes: Uint8Array): { dims: number[]; data: Uint8Array } {
  if (bytes.length < 4) {
    throw new IdxError(`file too short: ${bytes.length} bytes, an IDX header needs at least 4`);
  }
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new IdxError(
      `not an IDX file: it starts with ${hex(bytes[0]!)} ${hex(bytes[1]!)} instead of 0x00 0x00`,
    );
  }
  const type = bytes[2]!;
  if (type !== 0x08) {
    const known = TYPE_NAMES[type];
    throw new IdxError(
      known === undefined
        ? `unknown IDX type code ${hex(type)}; only 0x08 (unsigned byte) is supported`
        : `IDX type ${hex(type)} (${known}) is not supported; only 0x08 (unsigned byte) is`,
    );
  }
  const rank = bytes[3]!;
  if (rank === 0) throw new IdxError('the IDX header declares zero dimensions');
  const headerLength = 4 + 4 * rank;
  if (bytes.length < headerLength) {
    throw new IdxError(
      `file too short: ${bytes.length} bytes, the header of a ${rank}-dimensional IDX file needs ${headerLength}`,
    );
  }
  const dims: number[] = [];
  for (let k = 0; k < rank; k++) dims.push(readUint32BE(bytes, 4 + 4 * k));
  const expected = dims.reduce((a, b) => a * b, 1);
  const got = bytes.length - headerLength;
  if (got !== expected) {
    throw new IdxError(
      `${got < expected ? 'truncated' : 'oversized'} IDX file: dimensions ${dims.join('×')} need ` +
        `${expected} data bytes, got ${got}`,
    );
  }
  return { dims, data: bytes.subarray(headerLength) };
}
