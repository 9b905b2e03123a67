import { error, type RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { createSailcourtClient, isProblem, type SailcourtClient } from '@sailcourt/api-client';

export const apiBaseUrl = (): string => env.API_URL ?? 'http://127.0.0.1:3001';

/**
 * The API as the current visitor: their bearer token (from the httpOnly cookie) never reaches the
 * browser, and their address travels in X-Forwarded-For with the shared WEB_PROXY_SECRET, so the
 * API's per-client rate limits count each visitor rather than this server.
 */
export function api(event: Pick<RequestEvent, 'fetch' | 'locals' | 'getClientAddress'>): SailcourtClient {
  return apiAs(event, event.locals.accessToken ?? undefined);
}

/** The API with another bearer than the visitor's session (a scorer link's token). */
export function apiAs(
  event: Pick<RequestEvent, 'fetch' | 'locals' | 'getClientAddress'>,
  token: string | undefined,
): SailcourtClient {
  const secret = env.WEB_PROXY_SECRET;
  return createSailcourtClient(apiBaseUrl(), token, {
    fetch: event.fetch,
    headers: {
      // The API believes the forwarded address only with the shared secret (or from TRUSTED_PROXIES).
      'X-Forwarded-For': clientAddress(event),
      ...(secret ? { 'X-Sailcourt-Web-Secret': secret } : {}),
      'X-Request-Id': event.locals.requestId,
    },
  });
}

function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string {
  try {
    return event.getClientAddress();
  } catch {
    return 'unknown'; // prerendering has no client
  }
}

/** The data of a read the page cannot do without; the API's problem becomes the page's error. */
export function required<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined) return result.data;
  const status = result.response.status >= 400 ? result.response.status : 502;
  throw error(status, isProblem(result.error) ? result.error.detail : 'The API did not answer as expected.');
}
