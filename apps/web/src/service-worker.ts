/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, version } from '$service-worker';
import { OFFLINE_PAGES_CACHE, isOfflinePage } from '$lib/live/offline';

/**
 * Keeps the scorer console working through a lost network: the app's own scripts and styles
 * (content-hashed, so cached for good) and the console pages the scorer opened (the page caches
 * itself, see ScorerConsole). Every other request goes to the network untouched.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const ASSETS_CACHE = `sailcourt-assets-${version}`;
const ASSETS = new Set(build);

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(ASSETS_CACHE)
      .then((cache) => cache.addAll([...ASSETS]))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('sailcourt-assets-') && key !== ASSETS_CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (ASSETS.has(url.pathname)) {
    event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)));
  } else if (request.mode === 'navigate' && isOfflinePage(url.pathname)) {
    // Network first, so an online scorer always gets the current game; the cached page only offline.
    event.respondWith(
      fetch(request).catch(
        async () =>
          (await caches.open(OFFLINE_PAGES_CACHE).then((cache) => cache.match(url.pathname))) ?? Response.error(),
      ),
    );
  }
});
