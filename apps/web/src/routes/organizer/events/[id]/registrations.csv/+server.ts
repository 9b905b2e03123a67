import { error, type RequestHandler } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/components/registration/guard';
import { api } from '$lib/server/api';

/**
 * The organizers' CSV, fetched with the session's bearer token on this server and streamed on:
 * the browser downloads a same-origin file and never sees the token.
 */
export const GET: RequestHandler = async (event) => {
  requireOrganizer(event);
  const result = await api(event).GET('/api/events/{id}/registrations.csv', {
    params: { path: { id: event.params.id ?? '' } },
    parseAs: 'stream',
  });
  if (!result.response.ok || !result.data)
    error(result.response.status >= 400 ? result.response.status : 502, 'The registrations could not be exported.');
  const headers = new Headers({
    'Content-Type': result.response.headers.get('Content-Type') ?? 'text/csv; charset=utf-8',
    'Cache-Control': 'private, no-store',
  });
  const disposition = result.response.headers.get('Content-Disposition');
  if (disposition) headers.set('Content-Disposition', disposition);
  return new Response(result.data, { headers });
};
