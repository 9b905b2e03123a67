import type { Cookies } from '@sveltejs/kit';

const SESSION_COOKIE = 'sailcourt_session';

/**
 * httpOnly + SameSite=Lax: the token is never readable by page scripts, and cross-site posts do not carry it.
 * SvelteKit marks it Secure everywhere but http://localhost.
 */
export function setSession(cookies: Cookies, accessToken: string): void {
  cookies.set(SESSION_COOKIE, accessToken, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 8 * 3600 });
}

export const readSession = (cookies: Cookies): string | undefined => cookies.get(SESSION_COOKIE);

export function clearSession(cookies: Cookies): void {
  cookies.delete(SESSION_COOKIE, { path: '/' });
}
