import { fail, redirect } from '@sveltejs/kit';
import type { Schemas } from '@sailcourt/api-client';
import { problemOf } from '$lib/components/registration/form-errors';
import { optionalText, requireUser, text } from '$lib/components/registration/guard';
import { api, required } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

const SPORTS = ['basketball', 'sailing'] as const satisfies readonly Schemas['TeamDto']['sport'][];

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const client = api(event);
  const [teams, registrations] = await Promise.all([
    client.GET('/api/teams').then(required),
    client.GET('/api/me/registrations').then(required),
  ]);
  const mine = teams.filter((team) => team.managerId === user.id);
  const active = registrations.filter((r) => r.status !== 'rejected' && r.status !== 'withdrawn');
  return { teams: mine.map((team) => ({ team, registrations: active.filter((r) => r.teamId === team.id).length })) };
};

export const actions: Actions = {
  create: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = {
      name: text(form, 'name'),
      nameEn: text(form, 'nameEn'),
      sport: text(form, 'sport'),
      city: text(form, 'city'),
      cityEn: text(form, 'cityEn'),
    };
    const sport = SPORTS.find((s) => s === values.sport);
    if (!sport)
      return fail(400, {
        values,
        problem: {
          status: 400,
          errors: [{ field: 'sport', message: 'must be one of basketball, sailing' }],
          detail: null,
        },
      });
    const body = {
      name: values.name.trim(),
      sport,
      ...optional('nameEn', optionalText(form, 'nameEn')),
      ...optional('city', optionalText(form, 'city')),
      ...optional('cityEn', optionalText(form, 'cityEn')),
    };
    const result = await api(event).POST('/api/teams', { body });
    if (!result.data) return fail(result.response.status, { values, problem: problemOf(result) });
    redirect(303, `/teams/${result.data.id}/edit?created=1`);
  },
};

/** Creation takes no nulls: a blank optional field is simply left out. */
const optional = <K extends string>(key: K, value: string | null): Partial<Record<K, string>> =>
  value === null ? {} : ({ [key]: value } as Record<K, string>);
