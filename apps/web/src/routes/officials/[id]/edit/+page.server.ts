import { fail } from '@sveltejs/kit';
import type { Schemas } from '@sailcourt/api-client';
import { type Problem, problemOf } from '$lib/components/registration/form-errors';
import { requireOrganizer, text } from '$lib/components/registration/guard';
import { api, required } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';
import { formatAvailability, parseAvailability } from './availability';

type Role = Schemas['OfficialDto']['roles'][number];
const ROLES: readonly Role[] = ['referee', 'table'];

/** The form as typed, so a refused edit shows it again. */
export type OfficialForm = {
  name: string;
  nameEn: string;
  contact: string;
  roles: Role[];
  affiliatedTeamIds: string[];
  availability: string;
};

export const load: PageServerLoad = async (event) => {
  requireOrganizer(event);
  const client = api(event);
  const official = await client
    .GET('/api/officials/{id}', { params: { path: { id: event.params.id } } })
    .then(required);
  const teams = await client.GET('/api/teams', { params: { query: { sport: 'basketball' } } }).then(required);
  const values: OfficialForm = {
    name: official.name,
    nameEn: official.nameEn ?? '',
    contact: official.contact ?? '',
    roles: official.roles,
    affiliatedTeamIds: official.affiliatedTeamIds,
    availability: formatAvailability(official.availability),
  };
  return { official, values, teams: teams.map((t) => ({ id: t.id, name: t.name, nameEn: t.nameEn ?? null })) };
};

const fieldProblem = (field: string, code: string, params: Record<string, number> = {}): Problem => ({
  status: 400,
  errors: [{ field, message: code, code, params }],
  detail: null,
});

export const actions: Actions = {
  /** Sends every field of the form; the API refuses (409) a change that would break a game the official holds. */
  save: async (event) => {
    requireOrganizer(event);
    const form = await event.request.formData();
    const values: OfficialForm = {
      name: text(form, 'name').trim(),
      nameEn: text(form, 'nameEn').trim(),
      contact: text(form, 'contact').trim(),
      roles: form.getAll('roles').flatMap((r) => ROLES.find((x) => x === r) ?? []),
      affiliatedTeamIds: form.getAll('affiliatedTeamIds').map(String).filter(Boolean),
      availability: text(form, 'availability'),
    };
    const availability = parseAvailability(values.availability);
    if (!availability.ok)
      return fail(400, {
        values,
        problem: fieldProblem('availability', 'officials.edit.availability-line', { line: availability.line }),
      });
    if (values.roles.length === 0)
      return fail(400, { values, problem: fieldProblem('roles', 'officials.edit.roles-empty') });
    const result = await api(event).PATCH('/api/officials/{id}', {
      params: { path: { id: event.params.id } },
      body: {
        name: values.name,
        nameEn: values.nameEn === '' ? null : values.nameEn,
        contact: values.contact === '' ? null : values.contact,
        roles: values.roles,
        affiliatedTeamIds: values.affiliatedTeamIds,
        availability: availability.windows,
      },
    });
    if (!result.data) return fail(result.response.status, { values, problem: problemOf(result) });
    return { values, saved: true };
  },
};
