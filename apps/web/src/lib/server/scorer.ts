import { randomUUID } from 'node:crypto';
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import type { Schemas } from '@sailcourt/api-client';
import { apiAs } from './api';

/** The scorer link's token lives in an httpOnly cookie scoped to that game's console, never in page scripts. */
const cookieName = (matchId: string) => `sailcourt_scorer_${matchId.replaceAll('-', '')}`;
const consolePath = (matchId: string) => `/matches/${matchId}/score`;

export function rememberScorerToken(cookies: Cookies, matchId: string, token: string): void {
  cookies.set(cookieName(matchId), token, {
    path: consolePath(matchId),
    httpOnly: true,
    sameSite: 'lax',
    maxAge: 7 * 24 * 3600,
  });
}

/** Who scores: the game's scorer link if this device holds one, else a signed-in organizer. */
export function scoringToken(
  event: Pick<RequestEvent, 'cookies' | 'locals' | 'params'>,
  matchId: string,
): string | null {
  const link = event.cookies.get(cookieName(matchId));
  if (link) return link;
  return event.locals.user?.role === 'organizer' ? event.locals.accessToken : null;
}

export type LiveActionInput = Schemas['LiveActionDto'];

/** Sends one live action to the API as the scorer; the answer (or problem) is relayed as it came. */
export async function sendLiveAction(event: RequestEvent, matchId: string, token: string, body: LiveActionInput) {
  return apiAs(event, token).POST('/api/matches/{id}/live', { params: { path: { id: matchId } }, body });
}

const POINTS = [1, 2, 3] as const;

/** A button pressed without JavaScript: `score:home:2`, `start`, `period-end`, `final`, `undo:<clientEventId>`. */
export function actionFromButton(value: string, clientEventId: string | null): LiveActionInput | null {
  const id = clientEventId && /^[0-9a-f-]{36}$/i.test(clientEventId) ? clientEventId : randomUUID();
  const [type, a, b] = value.split(':');
  const points = POINTS.find((p) => String(p) === b);
  if (type === 'score' && (a === 'home' || a === 'away') && points)
    return { clientEventId: id, type: 'score', team: a, points };
  if (type === 'undo' && a) return { clientEventId: id, type: 'undo', targetClientEventId: a };
  if (type === 'start' || type === 'period-end' || type === 'final') return { clientEventId: id, type };
  return null;
}
