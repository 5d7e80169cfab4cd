/** Test helper: builds IDX files in memory. */

/** An unsigned-byte IDX file with the given dimensions and data. */
export function idxBytes(dims: number[], data: ArrayLike<number>, type = 0x08): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  out[2] = type;
  out[3] = dims.length;
  dims.forEach((d, k) => {
    out[4 + 4 * k] = (d >>> 24) & 0xff;
    out[5 + 4 * k] = (d >>> 16) & 0xff;
    out[6 + 4 * k] = (d >>> 8) & 0xff;
    out[7 + 4 * k] = d & 0xff;
  });
  out.set(Array.from(data), 4 + 4 * dims.length);
  return out;
}
