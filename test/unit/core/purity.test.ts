/** src/core must run unchanged in Node, a Worker and a test: no DOM, React, Worker or Node APIs. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const core = join(import.meta.dirname, '../../../src/core');
const files = readdirSync(core, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

describe('src/core is pure', () => {
  it('has files to check, including the WebAssembly kernels', () => {
    expect(files.length).toBeGreaterThan(8);
    expect(files).toContain(join('wasm', 'kernel.ts'));
  });

  it.each(files)('%s imports only core modules and touches no platform API', (file) => {
    // Comments, and the text of template literals (the Python a loss or an activation prints,
    // where `self` is Python's), are not code; a literal's ${…} expressions are kept.
    const src = readFileSync(join(core, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
      .replace(/`(?:[^`\\]|\\.)*`/g, (literal) => (literal.match(/\$\{[^}]*\}/g) ?? []).join(' '));
    const imports = [...src.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
    for (const spec of imports) {
      expect(spec).toMatch(/^\.\.?\/[\w/.-]+\.ts$/);
      expect(relative(core, resolve(core, dirname(file), spec))).not.toMatch(/^\.\./);
    }
    expect(src).not.toMatch(/\b(document|window|self|postMessage|process|require|Buffer|localStorage|fetch)\b/);
    expect(src).not.toMatch(/Math\.random/);
  });
});
