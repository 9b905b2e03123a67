import { error, type RequestEvent } from '@sveltejs/kit';
import { apiBaseUrl } from '$lib/server/api';

const PASSED = ['content-type', 'content-disposition', 'etag', 'cache-control', 'last-modified', 'vary'];

/**
 * A public download of the API (calendar feeds, CSV) served from this site, so calendar apps and
 * browsers need not reach the API; revalidation (If-None-Match → 304) passes through.
 */
export async function passThrough(
  event: Pick<RequestEvent, 'fetch' | 'request'> & { url?: URL },
  path: string,
): Promise<Response> {
  const forwarded: Record<string, string> = {};
  for (const name of ['if-none-match', 'accept-language']) {
    const value = event.request.headers.get(name);
    if (value) forwarded[name] = value;
  }
  // A calendar feed follows its reader's language: the link carries ?lang=, a calendar app its Accept-Language.
  const lang = event.url?.searchParams.get('lang');
  const query = lang === 'en' || lang === 'zh-CN' ? `?lang=${lang}` : '';
  const upstream = await event.fetch(`${apiBaseUrl()}${path}${query}`, { headers: forwarded });
  if (upstream.status === 404) error(404, 'Not found.');
  if (upstream.status !== 200 && upstream.status !== 304) error(502, 'The API did not answer as expected.');
  const headers = new Headers();
  for (const name of PASSED) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.status === 304 ? null : await upstream.arrayBuffer(), {
    status: upstream.status,
    headers,
  });
}
