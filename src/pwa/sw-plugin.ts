/**
 * Build-time plugin (Node): writes dist/sw.js, the service worker that keeps the app for
 * offline use (src/pwa/sw-source.ts). Our own rather than Workbox through vite-plugin-pwa:
 * what it must do fits in sixty lines, and it adds no dependency or build step that has to
 * follow Vite 8.
 *
 * Kept by the worker: every file of the build and of public/, except the MNIST data (cached
 * when the user first opens an MNIST experiment, never before) and KaTeX's .woff/.ttf fonts
 * (every browser that runs service workers takes the .woff2 ones).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { serviceWorkerSource } from './sw-source.ts';

const isData = (file: string) => /-ubyte-[\w-]+\.gz$/.test(file);
const isSpareFont = (file: string) => /\.(woff|ttf)$/.test(file);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path).map((f) => `${name}/${f}`) : [name];
  });
}

export function serviceWorker(): Plugin {
  let publicDir = '';
  return {
    name: 'backprop-lab:service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    // Which deployment a page comes from (the Pages workflow names it after the commit).
    transformIndexHtml() {
      return [{ tag: 'meta', attrs: { name: 'backprop-lab-build', content: process.env['BACKPROP_LAB_BUILD'] ?? 'local' }, injectTo: 'head' }];
    },
    generateBundle(_options, bundle) {
      const hash = createHash('sha256');
      const app: string[] = [];
      const data: string[] = [];
      const publicFiles = publicDir === '' ? [] : filesUnder(publicDir);
      for (const file of publicFiles) hash.update(file).update(readFileSync(join(publicDir, file)));
      for (const [file, output] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
        if (isData(file)) data.push(file);
        else if (!isSpareFont(file)) app.push(file);
        hash.update(file).update(output.type === 'chunk' ? output.code : output.source);
      }
      const version = hash.digest('hex').slice(0, 16);
      app.push(...publicFiles.map((f) => relative('.', f)));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(version, app.sort(), data) });
    },
  };
}
