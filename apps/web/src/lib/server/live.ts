import { env } from '$env/dynamic/private';
import { env as publicEnv } from '$env/dynamic/public';

/**
 * Where browsers open live streams: straight on the API, not through this server, so a crowd of
 * open streams costs the web nothing. PUBLIC_API_URL names it (empty = this site's own origin, as
 * behind the edge proxy, which routes /api); unset, the API is on API_PORT of the page's host.
 */
export function liveApiBase(url: URL): string {
  const configured = publicEnv.PUBLIC_API_URL;
  if (configured !== undefined) return configured.replace(/\/$/, '');
  return `${url.protocol}//${url.hostname}:${env.API_PORT ?? '3001'}`;
}

/** The live streams' origin when it is not the page's own (for the page's connect-src). */
export function liveApiOrigin(url: URL): string | null {
  const base = liveApiBase(url);
  if (!/^https?:\/\//.test(base)) return null;
  const origin = new URL(base).origin;
  return origin === url.origin ? null : origin;
}
