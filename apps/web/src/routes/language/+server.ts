import { redirect, type RequestHandler } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n';
import { sameOriginPath } from '$lib/safe-redirect';

/** The language switch is a plain form post, so it works without JavaScript; back to where the reader was. */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
  const form = await request.formData();
  const locale = form.get('locale');
  if (isLocale(locale))
    cookies.set('lang', locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 365 * 86400 });
  // The saved choice wins from now on, so a ?lang= in the page's address is dropped.
  const back = new URL(sameOriginPath(String(form.get('redirectTo') ?? '/'), url.origin, '/'), url.origin);
  back.searchParams.delete('lang');
  redirect(303, `${back.pathname}${back.search}${back.hash}`);
};
