/**
 * A batch's inputs kept as bytes, each read as byte / 255 (MNIST's pixels): a Matrix whose
 * doubles are made only when something reads `data` (a trace, a gradient check, a view).
 * A trainer lists a step's nonzero inputs straight from the bytes (an eighth of the memory
 * to read), with the very values byte / 255 the doubles hold, so the step is bit for bit
 * the one it takes on the doubles.
 */
import type { Matrix } from './tensor.ts';

/** BYTE_VALUE[v] = v / 255. */
export const BYTE_VALUE = Float64Array.from({ length: 256 }, (_, v) => v / 255);

export class ByteMatrix implements Matrix {
  private doubles: Float64Array | null = null;

  /**
   * bytes: rows × cols, row-major. into(n), when given, supplies the buffer the doubles are
   * written to when first read (e.g. one reused from batch to batch), else a new one is made.
   */
  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly bytes: Uint8Array,
    private readonly into?: (n: number) => Float64Array,
  ) {
    if (bytes.length !== rows * cols) throw new RangeError(`${rows} × ${cols} bytes expected, got ${bytes.length}`);
  }

  /** The inputs as doubles, byte / 255, made on first read. */
  get data(): Float64Array {
    if (this.doubles === null) {
      const n = this.bytes.length;
      const out = this.into?.(n) ?? new Float64Array(n);
      for (let s = 0; s < n; s++) out[s] = BYTE_VALUE[this.bytes[s]!]!;
      this.doubles = out.length === n ? out : out.subarray(0, n);
    }
    return this.doubles;
  }
}

export function isByteMatrix(x: Matrix): x is ByteMatrix {
  return x instanceof ByteMatrix;
}
