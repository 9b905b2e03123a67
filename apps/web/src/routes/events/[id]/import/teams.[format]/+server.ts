import { error } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/components/registration/guard';
import { api } from '$lib/server/api';
import type { RequestHandler } from './$types';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The event's teams and rosters in the import's columns (organizers only; the API checks again). */
export const GET: RequestHandler = async (event) => {
  requireOrganizer(event);
  const format = event.params.format === 'xlsx' ? 'xlsx' : event.params.format === 'csv' ? 'csv' : null;
  if (!format) error(404, 'Not found.');
  const client = api(event);
  const path = { params: { path: { id: event.params.id } }, parseAs: 'arrayBuffer' as const };
  const result =
    format === 'csv'
      ? await client.GET('/api/events/{id}/exports/teams.csv', path)
      : await client.GET('/api/events/{id}/exports/teams.xlsx', path);
  if (!result.data) error(result.response.status >= 400 ? result.response.status : 502, 'The export failed.');
  return new Response(result.data, {
    headers: {
      'content-type': TYPES[format],
      'content-disposition':
        result.response.headers.get('content-disposition') ?? `attachment; filename="teams.${format}"`,
    },
  });
};
