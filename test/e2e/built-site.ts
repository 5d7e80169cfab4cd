/**
 * The site as people get it: the production build, served from a sub-path (/backprop-lab/)
 * by `vite preview` as a static host would. The browser tests, the screenshots and the
 * browser benchmarks all start from here.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { preview } from 'vite';

export const SUB_PATH = '/backprop-lab/';

/**
 * Builds dist/ in a process of its own with NODE_ENV=production (vitest sets NODE_ENV=test,
 * and the site under test is the production build).
 */
export function buildSite(): void {
  const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  execFileSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

export interface ServedSite {
  /** The site's address, ending in the sub-path. */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the last build on a free port of 127.0.0.1. */
export async function serveSite(): Promise<ServedSite> {
  const server = await preview({ base: SUB_PATH, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('vite preview did not start');
  return {
    url: `http://127.0.0.1:${address.port}${SUB_PATH}`,
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  };
}
