/** The pages the service worker may serve offline: each game's scorer console. */
export const OFFLINE_PAGES_CACHE = 'sailcourt-offline-pages';

export const isOfflinePage = (pathname: string): boolean => /^\/matches\/[0-9a-f-]{36}\/score\/?$/i.test(pathname);

/**
 * Stores the current console page for offline use (the Cache API is open to pages too), once the
 * service worker controls it. Resolves true when a reload without network will find it.
 */
export async function keepPageForOffline(pathname: string): Promise<boolean> {
  if (!('serviceWorker' in navigator) || typeof caches === 'undefined' || !isOfflinePage(pathname)) return false;
  await navigator.serviceWorker.ready;
  const response = await fetch(pathname, { credentials: 'same-origin' });
  if (!response.ok || response.redirected) return false;
  await (await caches.open(OFFLINE_PAGES_CACHE)).put(pathname, response);
  return true;
}
