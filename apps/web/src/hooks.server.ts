import type { Handle } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { isLocale } from '$lib/i18n';
import { api } from '$lib/server/api';
import { cachedPage, localeOf } from '$lib/server/page-cache';
import { logRequest, requestIdOf } from '$lib/server/request-log';
import { liveApiOrigin } from '$lib/server/live';
import { securityHeaders, withConnectSource, withFrameAncestors } from '$lib/server/security-headers';
import { clearSession, readSession } from '$lib/server/session';

export const LOCALE_COOKIE = 'lang';

export const handle: Handle = async ({ event, resolve }) => {
  const started = performance.now();
  event.locals.requestId = requestIdOf(event.request.headers);
  // A shared link may carry ?lang=en; otherwise the reader's saved choice; Chinese first.
  const asked = event.url.searchParams.get('lang');
  const saved = event.cookies.get(LOCALE_COOKIE);
  event.locals.locale = localeOf(asked, saved);
  if (isLocale(asked) && asked !== saved)
    event.cookies.set(LOCALE_COOKIE, asked, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 365 * 86400 });

  event.locals.user = null;
  event.locals.accessToken = readSession(event.cookies) ?? null;
  // Anonymous pages come from the page cache when the data has not changed since they were rendered.
  const response = await cachedPage(event, event.locals.locale, async () => {
    if (event.locals.accessToken) {
      const me = await api(event).GET('/api/auth/me');
      if (me.data) event.locals.user = me.data;
      else {
        event.locals.accessToken = null;
        clearSession(event.cookies);
      }
    }
    const rendered = await resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale),
    });
    // Inside the render, so a cached page keeps them (server.js serves hits without this hook).
    applySecurityHeaders(event.url, rendered.headers);
    return rendered;
  });
  response.headers.set('X-Request-Id', event.locals.requestId);
  logRequest({
    requestId: event.locals.requestId,
    method: event.request.method,
    path: event.url.pathname,
    status: response.status,
    ms: performance.now() - started,
  });
  return response;
};

function applySecurityHeaders(url: URL, headers: Headers): void {
  const { 'x-frame-ancestors': ancestors = "'none'", ...rest } = securityHeaders(url.pathname, {
    https: url.protocol === 'https:',
    embedFrameAncestors: env.EMBED_FRAME_ANCESTORS ?? '*',
  });
  for (const [name, value] of Object.entries(rest)) headers.set(name, value);
  // Some responses (redirects, files) carry no page policy: they still must not be framed.
  headers.set(
    'Content-Security-Policy',
    withFrameAncestors(withConnectSource(headers.get('Content-Security-Policy'), liveApiOrigin(url)), ancestors),
  );
}
