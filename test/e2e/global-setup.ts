/**
 * Builds the site and serves it from a sub-path (/backprop-lab/), as a static host would,
 * with `vite preview`. Tests read the address with inject('baseUrl').
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export const SUB_PATH = '/backprop-lab/';

export default async function setup(project: TestProject) {
  // vitest sets NODE_ENV=test; the site under test is the production build people get, so
  // build it in its own process with NODE_ENV=production.
  const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  execFileSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const server = await preview({ base: SUB_PATH, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('vite preview did not start');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}${SUB_PATH}`);
  return async () => {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  };
}
