import { redirect, type RequestHandler } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n';

/** The language switch is a plain form post, so it works without JavaScript; back to where the reader was. */
export const POST: RequestHandler = async ({ request, cookies }) => {
  const form = await request.formData();
  const locale = form.get('locale');
  const back = String(form.get('redirectTo') ?? '/');
  if (isLocale(locale)) cookies.set('lang', locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 365 * 86400 });
  redirect(303, back.startsWith('/') && !back.startsWith('//') ? back.replace(/([?&])lang=[^&]*&?/, '$1').replace(/[?&]$/, '') : '/');
};
