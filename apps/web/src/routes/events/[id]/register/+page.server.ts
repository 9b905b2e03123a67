import { fail, redirect } from '@sveltejs/kit';
import type { Schemas } from '@sailcourt/api-client';
import { eventDivisions } from '$lib/components/divisions/divisions.server';
import { type Problem, problemOf } from '$lib/components/registration/form-errors';
import { requireUser, text } from '$lib/components/registration/guard';
import { api, required } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

const ACTIVE: readonly Schemas['RegistrationDto']['status'][] = ['pending', 'confirmed', 'waitlisted'];

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const client = api(event);
  const id = { params: { path: { id: event.params.id } } };
  const [ev, summary, mine] = await Promise.all([
    client.GET('/api/events/{id}', id).then(required),
    client.GET('/api/events/{id}/registration-summary', id).then(required),
    client.GET('/api/me/registrations').then(required),
  ]);
  const divisions = await eventDivisions(client, ev.id);
  const teams = (await client.GET('/api/teams', { params: { query: { sport: ev.sport } } }).then(required)).filter(
    (team) => team.managerId === user.id,
  );
  const registrations = mine.filter((r) => r.eventId === ev.id && ACTIVE.includes(r.status));
  const registeredTeam = (teamId: string) => registrations.find((r) => r.teamId === teamId) ?? null;
  const asked = event.url.searchParams.get('team');
  const team = teams.find((t) => t.id === asked) ?? teams.find((t) => !registeredTeam(t.id)) ?? teams[0] ?? null;
  const roster = team
    ? (await client.GET('/api/teams/{id}/roster', { params: { path: { id: team.id } } }).then(required)).roster
    : [];
  return {
    event: ev,
    summary,
    divisions,
    teams,
    team,
    roster,
    registration: team ? registeredTeam(team.id) : null,
    registeredTeamIds: registrations.map((r) => r.teamId),
    justRegistered: event.url.searchParams.has('registered'),
  };
};

type RegisterAnswer = { teamId: string; divisionId: string; problem: Problem };

export const actions: Actions = {
  default: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const teamId = text(form, 'teamId');
    // Sent only when the page offered divisions; the API says when one is missing (400 naming divisionId).
    const divisionId = text(form, 'divisionId');
    // No roster sent: the team's saved roster (just reviewed on this page) is registered.
    const body = { teamId, ...(divisionId ? { divisionId } : {}) };
    const result = await api(event).POST('/api/events/{id}/registrations', {
      params: { path: { id: event.params.id } },
      body,
    });
    if (!result.data)
      return fail(result.response.status, { teamId, divisionId, problem: problemOf(result) } satisfies RegisterAnswer);
    // Back to this page for the registered team, which then shows its status (and a reload does not post again).
    redirect(303, `/events/${encodeURIComponent(event.params.id)}/register?team=${result.data.teamId}&registered=1`);
  },
};
