/**
 * A series of (x, y) points kept in at most `capacity` buckets. Each bucket covers `width`
 * consecutive points and keeps the first x, and the min, max, sum and last of their y. When
 * every bucket is full, neighbours merge pairwise and the width doubles. So a million steps
 * cost the same memory as ten thousand, and the min/max envelope of every span survives:
 * a spike is never decimated away.
 */
export class DecimatedSeries {
  readonly capacity: number;
  private _width = 1;
  private _length = 0;
  private _count = 0;
  readonly x: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly sum: Float64Array;
  readonly n: Float64Array;
  readonly last: Float64Array;

  constructor(capacity = 2048) {
    if (!Number.isInteger(capacity) || capacity < 2 || capacity % 2 !== 0) throw new RangeError(`capacity must be an even whole number ≥ 2, got ${capacity}`);
    this.capacity = capacity;
    this.x = new Float64Array(capacity);
    this.min = new Float64Array(capacity);
    this.max = new Float64Array(capacity);
    this.sum = new Float64Array(capacity);
    this.n = new Float64Array(capacity);
    this.last = new Float64Array(capacity);
  }

  /** Points per bucket. */
  get width(): number {
    return this._width;
  }

  /** Buckets in use. */
  get length(): number {
    return this._length;
  }

  /** Points pushed so far (non-finite y are skipped and not counted). */
  get count(): number {
    return this._count;
  }

  push(x: number, y: number): void {
    if (!Number.isFinite(y)) return;
    let b = this._length - 1;
    if (b < 0 || this.n[b]! >= this._width) {
      if (this._length === this.capacity) this.halve();
      b = this._length++;
      this.x[b] = x;
      this.min[b] = y;
      this.max[b] = y;
      this.sum[b] = 0;
      this.n[b] = 0;
    }
    if (y < this.min[b]!) this.min[b] = y;
    if (y > this.max[b]!) this.max[b] = y;
    this.sum[b] += y;
    this.n[b] += 1;
    this.last[b] = y;
    this._count++;
  }

  mean(b: number): number {
    return this.sum[b]! / this.n[b]!;
  }

  /**
   * Forgets the points after x (going back to an earlier step). A bucket that began at or
   * before x stays whole, so up to width − 1 later points may remain in it.
   */
  dropAfter(x: number): void {
    while (this._length > 0 && this.x[this._length - 1]! > x) {
      this._length--;
      this._count -= this.n[this._length]!;
    }
  }

  clear(): void {
    this._width = 1;
    this._length = 0;
    this._count = 0;
  }

  private halve(): void {
    const half = this._length / 2;
    for (let i = 0; i < half; i++) {
      const a = 2 * i;
      const c = a + 1;
      this.x[i] = this.x[a]!;
      this.min[i] = Math.min(this.min[a]!, this.min[c]!);
      this.max[i] = Math.max(this.max[a]!, this.max[c]!);
      this.sum[i] = this.sum[a]! + this.sum[c]!;
      this.n[i] = this.n[a]! + this.n[c]!;
      this.last[i] = this.last[c]!;
    }
    this._length = half;
    this._width *= 2;
  }
}
