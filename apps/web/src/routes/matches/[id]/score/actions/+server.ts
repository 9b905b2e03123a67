import { json } from '@sveltejs/kit';
import { UUID } from '$lib/components/competition/schedule';
import { type LiveActionInput, scoringToken, sendLiveAction } from '$lib/server/scorer';
import type { RequestHandler } from './$types';

const problem = (status: number, detail: string) =>
  json(
    { type: 'about:blank', title: 'Error', status, detail },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );

/**
 * The console's queue sends each tap here (same origin, so the scorer link's cookie comes along);
 * it goes on to the API with that token, and the API's answer comes back unchanged.
 */
export const POST: RequestHandler = async (event) => {
  const matchId = event.params.id;
  if (!UUID.test(matchId)) return problem(404, 'Match not found.');
  const token = scoringToken(event, matchId);
  if (!token) return problem(401, 'Scoring needs a scorer link or an organizer session.');
  const body: unknown = await event.request.json().catch(() => null);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return problem(400, 'The body must be a JSON object.');
  const sent = await sendLiveAction(event, matchId, token, body as LiveActionInput);
  return json(sent.data ?? sent.error, {
    status: sent.response.status,
    headers: { 'content-type': sent.response.headers.get('content-type') ?? 'application/json' },
  });
};
