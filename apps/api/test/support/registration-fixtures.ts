import { expect } from 'vitest';
import { bearer, type TestApp } from './test-app.js';
import type { Problem } from './problem.js';

export type RosterRow = { name: string; number?: number; role?: string };
export type Manager = { token: string; userId: string; teamId: string };

/** `count` players numbered from `first`. */
export const players = (count: number, first = 4): RosterRow[] =>
  Array.from({ length: count }, (_, i) => ({ name: `球员${first + i}`, number: first + i }));

export async function seasonId(t: TestApp): Promise<string> {
  const res = await t.http.get('/api/seasons/qingdao-basketball-2023').expect(200);
  return res.body.id as string;
}

/** A fresh event in the seeded season; registration settings come from `settings`. */
export async function createEvent(
  t: TestApp,
  settings: Record<string, unknown> = {},
): Promise<{ id: string } & Record<string, unknown>> {
  const res = await t.http
    .post('/api/events')
    .set(bearer(await t.organizerToken()))
    .send({
      seasonId: await seasonId(t),
      name: '测试赛',
      kind: 'tournament',
      startDate: '2023-07-20',
      endDate: '2023-07-21',
      ...settings,
    });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function createTeam(t: TestApp, token: string, fields: Record<string, unknown> = {}): Promise<string> {
  const res = await t.http
    .post('/api/teams')
    .set(bearer(token))
    .send({ name: '测试队', sport: 'basketball', city: '青岛', ...fields });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** A new team-manager account with one team. */
export async function newManager(t: TestApp, team: Record<string, unknown> = {}): Promise<Manager> {
  const { token, userId } = await t.signUp();
  return { token, userId, teamId: await createTeam(t, token, team) };
}

export const register = (t: TestApp, token: string, eventId: string, body: Record<string, unknown>) =>
  t.http.post(`/api/events/${eventId}/registrations`).set(bearer(token)).send(body);

export const setStatus = (t: TestApp, token: string, registrationId: string, body: Record<string, unknown>) =>
  t.http.patch(`/api/registrations/${registrationId}`).set(bearer(token)).send(body);

export async function summary(t: TestApp, eventId: string): Promise<Record<string, number | null>> {
  return (await t.http.get(`/api/events/${eventId}/registration-summary`).expect(200)).body;
}

/** The fields a 400 names, each once. */
export function badFields(res: { status: number; body: Partial<Problem> }): string[] {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  return [...new Set((res.body.errors ?? []).map((e) => e.field))];
}
