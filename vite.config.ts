/// <reference types="vitest/config" />
import { createReadStream, existsSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { mnistFiles } from './src/pwa/mnist-files-plugin.ts';
import { serviceWorker } from './src/pwa/sw-plugin.ts';

/**
 * The dev server treats every extension-less URL as a module, so the MNIST IDX files
 * (`*-ubyte`, imported with `?url`) would come back as JavaScript. This serves a plain request
 * for one of them as the raw bytes; the build copies them as ordinary assets and needs nothing.
 */
function serveIdxFiles(): Plugin {
  return {
    name: 'backprop-lab:serve-idx-files',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? '';
        if (url.includes('?') || !/-ubyte$/.test(url)) return next();
        const root = server.config.root;
        const file = normalize(join(root, decodeURIComponent(url)));
        if (!file.startsWith(root) || !existsSync(file)) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
  };
}

// base './' makes every asset URL relative, so the built site works from any sub-path
// (for example https://example.org/backprop-lab/).
export default defineConfig({
  base: './',
  plugins: [react(), serveIdxFiles(), mnistFiles(), serviceWorker()],
  worker: { format: 'es', plugins: () => [mnistFiles()] },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      { extends: true, test: { name: 'component', include: ['test/component/**/*.test.tsx'], environment: 'jsdom' } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
