/**
 * Reads a fetched body that is a gzip file (the built site ships MNIST so) or the plain bytes
 * (the dev server; or a host that sent the .gz with `Content-Encoding: gzip`, so the browser
 * already unpacked it), told apart by the gzip magic bytes 1f 8b. gzip is unpacked with the
 * browser's own DecompressionStream. Progress counts the bytes as they arrive (compressed).
 */

/** Bytes written into one array of the expected size, grown only if more arrive. */
class ByteSink {
  private out: Uint8Array;
  length = 0;
  constructor(expected: number) {
    this.out = new Uint8Array(expected);
  }
  push(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.out.length) {
      const bigger = new Uint8Array(Math.max(this.out.length * 2, this.length + chunk.length));
      bigger.set(this.out.subarray(0, this.length));
      this.out = bigger;
    }
    this.out.set(chunk, this.length);
    this.length += chunk.length;
  }
  bytes(): Uint8Array {
    return this.length === this.out.length ? this.out : this.out.slice(0, this.length);
  }
}

export interface ShippedFile {
  /** Bytes of the file as shipped (gzipped in a build). */
  bytes: number;
  /** Bytes of the unpacked file. */
  rawBytes: number;
}

const isGzip = (chunk: Uint8Array) => chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b;

/**
 * The unpacked bytes of `body`. `onProgress(loaded, total)` follows the transfer: total is
 * `file.bytes` for a gzip body and `file.rawBytes` for a plain one.
 */
export async function readBody(body: ReadableStream<Uint8Array>, file: ShippedFile, onProgress: (loaded: number, total: number) => void): Promise<Uint8Array> {
  const reader = body.getReader();
  // The first two bytes decide; a chunk may be shorter than that.
  const head = new ByteSink(2);
  while (head.length < 2) {
    const r = await reader.read();
    if (r.done) break;
    head.push(r.value);
  }
  const first = head.bytes();
  const gzip = isGzip(first);
  const total = gzip ? file.bytes : file.rawBytes;
  let loaded = first.length;
  onProgress(loaded, total);
  const rest = async (take: (chunk: Uint8Array) => unknown) => {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      loaded += r.value.length;
      onProgress(loaded, total);
      await take(r.value);
    }
  };
  const sink = new ByteSink(file.rawBytes);
  if (!gzip) {
    sink.push(first);
    await rest((chunk) => sink.push(chunk));
    return sink.bytes();
  }
  const gunzip = new DecompressionStream('gzip');
  const writer = gunzip.writable.getWriter();
  // BufferSource: the chunks of a fetched body are plain ArrayBuffer views.
  const write = (chunk: Uint8Array) => writer.write(chunk as Uint8Array<ArrayBuffer>);
  const feeding = (async () => {
    await write(first);
    await rest(write);
    await writer.close();
  })();
  const out = gunzip.readable.getReader();
  const draining = (async () => {
    for (let r = await out.read(); !r.done; r = await out.read()) sink.push(r.value);
  })();
  await Promise.all([feeding, draining]);
  return sink.bytes();
}
