import { expect, inject } from 'vitest';

/** The API as the local organizer, for tests that set up data the way an organizer's script would. */
export function organizerApi() {
  let token = '';
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${inject('apiUrl')}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
    return (await res.json()) as T;
  }
  async function signIn(): Promise<void> {
    token = (
      await call<{ accessToken: string }>('POST', '/auth/login', {
        email: 'organizer@sailcourt.local',
        password: 'sailcourt-organizer',
      })
    ).accessToken;
  }
  /** A seeded event by its slug, from the season's list (tests add no events: the home page counts them). */
  async function seeded(slug: string): Promise<{ id: string; ruleset: string }> {
    const events = await call<{ id: string; slug: string | null; ruleset: string }[]>(
      'GET',
      '/seasons/qingdao-basketball-2023/events',
    );
    const event = events.find((e) => e.slug === slug);
    expect(event, slug).toBeDefined();
    return event as { id: string; ruleset: string };
  }
  return { call, signIn, seeded };
}
