/**
 * A progress bar on stderr. On a terminal it redraws one line at most every 200 ms; when
 * stderr is a file or a pipe it writes a plain line at every tenth of the way instead.
 */
export class ProgressBar {
  private readonly start = performance.now();
  private lastDraw = 0;
  private lastTenth = -1;

  constructor(
    private readonly total: number,
    private readonly unit: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, note = ''): void {
    const now = performance.now();
    const fraction = this.total > 0 ? Math.min(1, done / this.total) : 1;
    const elapsed = (now - this.start) / 1000;
    const eta = fraction > 0 ? (elapsed * (1 - fraction)) / fraction : NaN;
    const text = `${(fraction * 100).toFixed(0).padStart(3)}% ${done}/${this.total} ${this.unit}  ${elapsed.toFixed(1)} s` +
      (fraction < 1 && Number.isFinite(eta) ? `  eta ${eta.toFixed(0)} s` : '') + (note ? `  ${note}` : '');
    if (this.stream.isTTY) {
      if (now - this.lastDraw < 200 && done < this.total) return;
      this.lastDraw = now;
      const width = 24;
      const filled = Math.round(fraction * width);
      this.stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}\x1b[K`);
    } else {
      const tenth = Math.floor(fraction * 10);
      if (tenth === this.lastTenth) return;
      this.lastTenth = tenth;
      this.stream.write(`${text}\n`);
    }
  }

  finish(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}
