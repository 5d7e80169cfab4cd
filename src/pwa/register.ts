/**
 * Registers the service worker (production builds; see sw-source.ts) and tells the screen
 * when a new deployment has installed and waits. The update is applied only when the user
 * asks: the new worker takes over and this tab reloads, so no old page runs on new assets.
 */
import { useSyncExternalStore } from 'react';

let waiting: ServiceWorker | null = null;
const listeners = new Set<() => void>();

function setWaiting(worker: ServiceWorker): void {
  waiting = worker;
  for (const listener of listeners) listener();
}

function watch(worker: ServiceWorker | null): void {
  if (worker === null) return;
  // 'installed' with a page already controlled: a new version waiting behind the running one.
  const check = () => {
    if (worker.state === 'installed' && navigator.serviceWorker.controller !== null) setWaiting(worker);
  };
  check();
  worker.addEventListener('statechange', check);
}

export function registerServiceWorker(url: string): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register(url, { updateViaCache: 'none' })
    .then((registration) => {
      watch(registration.waiting);
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
    })
    // Without a service worker the lab works as before, only not offline.
    .catch((e: unknown) => console.warn('service worker not registered:', e));
}

/** Whether a new version of the site is installed and waits for a reload. */
export function useUpdateWaiting(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => waiting !== null,
  );
}

/** Lets the waiting version take over, then reloads this tab into it. */
export function applyUpdate(): void {
  if (waiting === null) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  waiting.postMessage('skip-waiting');
}
