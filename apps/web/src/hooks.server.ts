import type { Handle } from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale } from '$lib/i18n';
import { api } from '$lib/server/api';
import { cachedPage } from '$lib/server/page-cache';
import { clearSession, readSession } from '$lib/server/session';

export const LOCALE_COOKIE = 'lang';

export const handle: Handle = async ({ event, resolve }) => {
  // A shared link may carry ?lang=en; otherwise the reader's saved choice; Chinese first.
  const asked = event.url.searchParams.get('lang');
  const saved = event.cookies.get(LOCALE_COOKIE);
  event.locals.locale = isLocale(asked) ? asked : isLocale(saved) ? saved : DEFAULT_LOCALE;
  if (isLocale(asked) && asked !== saved) event.cookies.set(LOCALE_COOKIE, asked, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 365 * 86400 });

  event.locals.user = null;
  event.locals.accessToken = readSession(event.cookies) ?? null;
  // Anonymous pages come from the page cache when the data has not changed since they were rendered.
  return cachedPage(event, event.locals.locale, async () => {
    if (event.locals.accessToken) {
      const me = await api(event).GET('/api/auth/me');
      if (me.data) event.locals.user = me.data;
      else {
        event.locals.accessToken = null;
        clearSession(event.cookies);
      }
    }
    return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale) });
  });
};
