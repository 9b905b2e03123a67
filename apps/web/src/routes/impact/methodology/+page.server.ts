import { fail } from '@sveltejs/kit';
import { isProblem } from '@sailcourt/api-client';
import { applyEdits, assumptionSections, type EditedValue } from '$lib/components/impact/assumptions';
import type { LeverError } from '$lib/components/impact/scenario';
import { api, required } from '$lib/server/api';
import { IMPACT_SEASON, seasonSummary, storedAssumptionsOf } from '../impact.server';
import type { Actions, PageServerLoad } from './$types';

const season = { params: { path: { id: IMPACT_SEASON } } };

export const load: PageServerLoad = async (event) => {
  const client = api(event);
  const [seasonDto, impact, history] = await Promise.all([
    client.GET('/api/seasons/{id}', season).then(required),
    client.GET('/api/seasons/{id}/impact', season).then(required),
    client.GET('/api/seasons/{id}/impact/assumptions/history', season).then(required),
  ]);
  return {
    season: seasonSummary(seasonDto),
    stored: storedAssumptionsOf(impact.assumptions),
    version: impact.version,
    updatedAt: impact.updatedAt,
    updatedBy: impact.updatedBy,
    history: history.changes,
    canEdit: event.locals.user?.role === 'organizer',
  };
};

/** The rule an API error names, from the field it names (`…Share`, `…nights`, `….source`). */
function ruleOf(path: string): LeverError['kind'] {
  if (path.endsWith('.source')) return 'source';
  if (path.endsWith('Share')) return 'share';
  if (path.endsWith('.nights')) return 'nights';
  if (path.endsWith('daysAttendedPerPerson')) return 'other';
  return 'nonNegative';
}

export const actions: Actions = {
  /** PUT the edited set with the version the organizer read: a newer version in between is a 409, never an overwrite. */
  save: async (event) => {
    const form = await event.request.formData();
    const version = Number(form.get('version'));
    const reason = String(form.get('reason') ?? '').trim();
    const client = api(event);
    const stored = storedAssumptionsOf(
      (await client.GET('/api/seasons/{id}/impact', season).then(required)).assumptions,
    );

    const entered: Record<string, EditedValue> = {};
    for (const row of assumptionSections(stored).flatMap((s) => s.rows)) {
      if (row.value === null) continue;
      entered[row.path] = {
        value: String(form.get(`value:${row.path}`) ?? ''),
        source: String(form.get(`source:${row.path}`) ?? ''),
      };
    }
    const errors: Record<string, LeverError> = {};
    const edited = applyEdits(stored, new Map(Object.entries(entered)));
    if (!edited.ok) {
      for (const path of edited.notNumbers)
        errors[`value:${path}`] = { kind: 'number', value: entered[path]?.value ?? '', message: '' };
      return fail(400, { entered, reason, errors, otherErrors: [] as string[], stale: false });
    }

    const result = await client.PUT('/api/seasons/{id}/impact/assumptions', {
      ...season,
      body: {
        version: Number.isInteger(version) ? version : -1,
        assumptions: { ...edited.assumptions },
        ...(reason ? { reason } : {}),
      },
    });
    if (result.data) return { saved: result.data.version, unchanged: result.data.version === version };

    const status = result.response.status;
    if (status === 409) return fail(409, { entered, reason, errors, otherErrors: [] as string[], stale: true });
    const rejection: unknown = result.error; // typed `never`: the document lists no error bodies
    if (status !== 400 || !isProblem(rejection))
      return fail(status >= 400 ? status : 502, {
        entered,
        reason,
        errors,
        otherErrors: [isProblem(rejection) ? rejection.detail : ''],
        stale: false,
      });
    const otherErrors: string[] = [];
    for (const { field, message } of rejection.errors ?? []) {
      const path = field.replace(/^assumptions\./, '');
      const row = path.replace(/\.(source|value)$/, '');
      if (entered[row] === undefined) {
        otherErrors.push(`${field}: ${message}`);
        continue;
      }
      const input = path.endsWith('.source') ? `source:${row}` : `value:${row}`;
      errors[input] ??= {
        kind: ruleOf(path),
        value: path.endsWith('.source') ? (entered[row]?.source ?? '') : (entered[row]?.value ?? ''),
        message,
      };
    }
    return fail(400, { entered, reason, errors, otherErrors, stale: false });
  },
};
