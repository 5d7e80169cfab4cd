/**
 * The service worker's text, written by the build (src/pwa/sw-plugin.ts) with the list of
 * the files it keeps. Plain JavaScript in a string: it runs as its own script, not a module.
 *
 * - install: every file of the app (not the MNIST data) goes into a cache named after this
 *   build's version; `cache: 'no-cache'` revalidates, so an HTTP cache cannot slip in a file
 *   of an older deployment.
 * - fetch: the app from its version's cache (a navigation inside the scope gets index.html);
 *   the MNIST files, once fetched, from a data cache that outlives versions (their names
 *   carry a content hash).
 * - a new build installs beside the old one and waits: the page offers to reload, and the
 *   tab that accepts sends 'skip-waiting'. activate then drops the old version's cache and
 *   data files no build lists, so an old app is never served with new assets.
 */
export function serviceWorkerSource(version: string, appFiles: readonly string[], dataFiles: readonly string[]): string {
  return `// Backprop Lab service worker, written by the build (src/pwa/sw-source.ts).
const VERSION = ${JSON.stringify(version)};
const APP_CACHE = 'backprop-lab-app-' + VERSION;
const DATA_CACHE = 'backprop-lab-data';
const SCOPE = self.registration.scope;
const url = (file) => new URL(file, SCOPE).href;
const APP_FILES = ${JSON.stringify(appFiles)}.map(url);
const DATA_FILES = new Set(${JSON.stringify(dataFiles)}.map(url));
const INDEX = url('index.html');

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(APP_CACHE).then((cache) => cache.addAll(APP_FILES.map((u) => new Request(u, { cache: 'no-cache' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('backprop-lab-app-') && name !== APP_CACHE) await caches.delete(name);
    }
    const data = await caches.open(DATA_CACHE);
    for (const request of await data.keys()) if (!DATA_FILES.has(request.url)) await data.delete(request);
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  if (event.data === 'version' && event.ports[0]) event.ports[0].postMessage(VERSION);
});

async function fromAppCache(key, request) {
  const hit = await caches.match(key, { cacheName: APP_CACHE });
  return hit || fetch(request);
}

async function fromDataCache(key, request, event) {
  const cache = await caches.open(DATA_CACHE);
  const hit = await cache.match(key);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) event.waitUntil(cache.put(key, response.clone()));
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const u = new URL(request.url);
  const key = u.origin + u.pathname;
  if (request.mode === 'navigate' && (key === SCOPE || key === INDEX)) event.respondWith(fromAppCache(INDEX, request));
  else if (DATA_FILES.has(key)) event.respondWith(fromDataCache(key, request, event));
  else if (APP_FILES.includes(key)) event.respondWith(fromAppCache(key, request));
});
`;
}
