/**
 * The first load's JavaScript, measured from the build output as README's "Host it" says: the
 * module scripts dist/index.html runs and preloads, and every module those import statically
 * (what they import on demand, `import("…")`, is not part of it), each gzipped at level 9 as a
 * host compressing text sends it. The lab's worker is not part of it either.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FirstLoad {
  /** Each file (relative to the build folder) and its gzipped bytes, the entry first. */
  readonly files: readonly { readonly file: string; readonly gzipped: number }[];
  readonly gzipped: number;
}

/** Static `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"`, not `import("./x.js")`. */
const STATIC_IMPORT = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

export function firstLoadJs(dist: string): FirstLoad {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const tags = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"|<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)];
  const queue = tags.map((m) => normalize(m[1] ?? m[2]!));
  const seen = new Set<string>();
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(relative(dist, join(dist, dirname(file), m[1]!)));
  }
  const files = [...seen].map((file) => ({ file, gzipped: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length }));
  return { files, gzipped: files.reduce((sum, f) => sum + f.gzipped, 0) };
}
