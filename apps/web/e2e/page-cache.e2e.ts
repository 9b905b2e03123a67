import { describe, expect, inject, it } from 'vitest';

const web = (path: string) => `${inject('webUrl')}${path}`;
const apiUrl = (path: string) => `${inject('apiUrl')}/api${path}`;
const LEAGUE = 'cba-summer-league-2023';

async function organizerToken(): Promise<string> {
  const res = await fetch(apiUrl('/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'organizer@sailcourt.local', password: 'sailcourt-organizer' }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Fetches until `done` holds, for up to `timeoutMs`; returns the last answer. */
async function fetchUntil(
  url: string,
  init: RequestInit,
  done: (res: Response, body: string) => boolean,
  timeoutMs: number,
): Promise<{ res: Response; body: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(url, init);
    const body = await res.text();
    if (done(res, body) || Date.now() > deadline) return { res, body };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the page cache', () => {
  it('serves anonymous pages from the cache, with validators, and renders anew after a write', async () => {
    const path = web(`/events/${LEAGUE}/schedule`);
    const cached = await fetchUntil(path, {}, (res) => res.headers.get('x-page-cache') === 'hit', 10_000);
    expect(cached.res.headers.get('x-page-cache')).toBe('hit');
    expect(cached.res.headers.get('cache-control')).toContain('public');
    expect(cached.res.headers.get('vary')).toContain('Cookie');
    const etag = cached.res.headers.get('etag') ?? '';
    expect((await fetch(path, { headers: { 'if-none-match': etag } })).status).toBe(304);
    // A hit answered in front of SvelteKit (server.js) keeps the page's security headers and has its own request id.
    const again = await fetch(path, { headers: { 'x-request-id': 'fan-request-0001' } });
    expect(again.headers.get('x-page-cache')).toBe('hit');
    expect(again.headers.get('x-request-id')).toBe('fan-request-0001');
    expect(again.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(again.headers.get('x-content-type-options')).toBe('nosniff');

    // A write through the API (another client) reaches the next page within a second or so.
    const token = await organizerToken();
    const games = (await (await fetch(apiUrl(`/events/${LEAGUE}/matches`))).json()) as Array<{
      id: string;
      status: string;
      court: number | null;
      version: number;
    }>;
    const game = games.find((m) => m.status === 'scheduled')!;
    const moved = await fetch(apiUrl(`/matches/${game.id}`), {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ status: 'postponed', version: game.version }),
    });
    expect(moved.status).toBe(200);
    const fresh = await fetchUntil(path, {}, (res) => res.headers.get('etag') !== etag, 3_000);
    expect(fresh.res.headers.get('etag')).not.toBe(etag);
    expect(fresh.body).toContain(`data-match="${game.id}"`);
    expect(fresh.body).toMatch(new RegExp(`data-match="${game.id}"[\\s\\S]*?data-status="postponed"`));
  });

  it('never stores or shares a signed-in visitor’s page', async () => {
    const token = await organizerToken();
    const signedIn = { headers: { cookie: `sailcourt_session=${token}` } };
    for (let i = 0; i < 3; i++) {
      const res = await fetch(web('/'), signedIn);
      const body = await res.text();
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('x-page-cache')).toBeNull();
      expect(body).toContain('action="/logout"');
    }
    const anonymous = await fetchUntil(web('/'), {}, (res) => res.headers.get('x-page-cache') === 'hit', 10_000);
    expect(anonymous.body).not.toContain('action="/logout"');
  });
});
