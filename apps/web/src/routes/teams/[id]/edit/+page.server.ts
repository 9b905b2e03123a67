import { error, fail } from '@sveltejs/kit';
import { type Problem, problemOf } from '$lib/components/registration/form-errors';
import { optionalText, requireUser, text } from '$lib/components/registration/guard';
import {
  blankRow,
  isBlankRow,
  type RosterRow,
  rowsFromForm,
  toRosterInput,
} from '$lib/components/registration/roster-form';
import { parseRosterPaste, type SkippedLine } from '$lib/components/registration/roster-paste';
import { api, required } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

/** One answer shape per form, so the page reads `form.roster.rows` whatever happened. */
type DetailsAnswer = {
  values?: Record<'name' | 'nameEn' | 'city' | 'cityEn', string>;
  problem?: Problem;
  saved?: boolean;
};
type RosterAnswer = { rows?: RosterRow[]; problem?: Problem; saved?: number; pasted?: number; skipped?: SkippedLine[] };

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const client = api(event);
  const path = { params: { path: { id: event.params.id } } };
  const team = await client.GET('/api/teams/{id}', path).then(required);
  if (team.managerId !== user.id && user.role !== 'organizer')
    error(403, 'Only the team’s manager or an organizer may edit it.');
  const roster = await client.GET('/api/teams/{id}/roster', path).then(required);
  return { team, roster: roster.roster, created: event.url.searchParams.has('created') };
};

export const actions: Actions = {
  details: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = {
      name: text(form, 'name'),
      nameEn: text(form, 'nameEn'),
      city: text(form, 'city'),
      cityEn: text(form, 'cityEn'),
    };
    const result = await api(event).PATCH('/api/teams/{id}', {
      params: { path: { id: event.params.id } },
      body: {
        name: values.name.trim(),
        nameEn: optionalText(form, 'nameEn'),
        city: optionalText(form, 'city'),
        cityEn: optionalText(form, 'cityEn'),
      },
    });
    const answer = (details: DetailsAnswer) => ({ details });
    if (!result.data) return fail(result.response.status, answer({ values, problem: problemOf(result) }));
    return answer({ saved: true });
  },

  /** Save, or (without JavaScript) add or remove a row: those answer with the rows changed and store nothing. */
  roster: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const intent = text(form, 'intent');
    const typed = rowsFromForm(form);
    const answer = (roster: RosterAnswer) => ({ roster });
    if (intent === 'add') return answer({ rows: [...typed, blankRow()] });
    if (intent === 'paste') {
      // Pasted people join the rows already typed (blank ones dropped); nothing is saved until the manager checks them.
      const team = await api(event)
        .GET('/api/teams/{id}', { params: { path: { id: event.params.id } } })
        .then(required);
      const pasted = parseRosterPaste(text(form, 'paste'), team.sport);
      return answer({
        rows: [...typed.filter((row) => !isBlankRow(row)), ...pasted.rows],
        pasted: pasted.rows.length,
        skipped: pasted.skipped,
      });
    }
    const removeAt = /^remove:(\d+)$/.exec(intent);
    if (removeAt) return answer({ rows: typed.filter((_, i) => i !== Number(removeAt[1])) });

    const client = api(event);
    const team = await client.GET('/api/teams/{id}', { params: { path: { id: event.params.id } } }).then(required);
    // Rows left blank are dropped before sending, and the page shows the rows as sent, so `roster.3` is the fourth row on screen.
    const rows = typed.filter((row) => !isBlankRow(row));
    const { roster, errors } = toRosterInput(rows, team.sport);
    if (errors.length > 0) return fail(400, answer({ rows, problem: { status: 400, errors, detail: null } }));
    const result = await client.PUT('/api/teams/{id}/roster', { params: { path: { id: team.id } }, body: { roster } });
    if (!result.data) return fail(result.response.status, answer({ rows, problem: problemOf(result) }));
    return answer({ saved: result.data.roster.length });
  },
};
