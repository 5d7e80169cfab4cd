/**
 * A plain static host for the hosting tests and benchmark: serves a build folder from a
 * sub-path, can be switched to another folder (a new deployment), and records every response
 * body it sends, so tests count the bytes that really travelled.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Text a host compresses on the way (as GitHub Pages and most others do); MNIST is gzip already. */
const COMPRESSED = new Set(['.html', '.js', '.css', '.svg', '.webmanifest']);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.webmanifest': 'application/manifest+json',
  '.gz': 'application/gzip',
};

export interface Served {
  path: string;
  status: number;
  bytes: number;
}

export class StaticHost {
  readonly log: Served[] = [];
  private server: Server | null = null;
  private base = '';

  constructor(
    public root: string,
    readonly subPath = '/backprop-lab/',
  ) {}

  get url(): string {
    return this.base + this.subPath;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const record = (status: number, bytes: number) => this.log.push({ path, status, bytes });
      const relative = path.startsWith(this.subPath) ? path.slice(this.subPath.length) || 'index.html' : null;
      const file = relative === null ? null : normalize(join(this.root, relative));
      if (file === null || !file.startsWith(normalize(this.root)) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404).end();
        record(404, 0);
        return;
      }
      const { size, mtimeMs } = statSync(file);
      // As most static hosts do: an ETag, and every request revalidated (304 sends no body).
      const etag = `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { ETag: etag }).end();
        record(304, 0);
        return;
      }
      const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', ETag: etag };
      if (COMPRESSED.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        const body = gzipSync(readFileSync(file));
        res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length }).end(body);
        record(200, body.length);
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Length': size });
      createReadStream(file).pipe(res);
      record(200, size);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('static host did not start');
    this.base = `http://127.0.0.1:${address.port}`;
  }

  /** Bytes of the response bodies sent since `from` (an index into the log), for paths that match. */
  bytesSince(from: number, match: (path: string) => boolean = () => true): number {
    return this.log.slice(from).filter((s) => match(s.path)).reduce((sum, s) => sum + s.bytes, 0);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server === null ? resolve() : this.server.close(() => resolve())));
  }
}
