import { chinaDate } from '@sailcourt/domain';
import { fail, redirect } from '@sveltejs/kit';
import type { Schemas, SailcourtClient } from '@sailcourt/api-client';
import { competitionEvent, eventMatches } from '$lib/components/competition/event.server';
import {
  parseScore,
  type RescheduleAnswer,
  type ResultAnswer,
  shanghaiInstant,
} from '$lib/components/competition/forms';
import { type ClashingMatch, clashIds } from '$lib/components/competition/match-errors';
import { groupByDay, highlights, isPlayed } from '$lib/components/competition/schedule';
import { type Problem, problemOf } from '$lib/components/registration/form-errors';
import { requireOrganizer, text } from '$lib/components/registration/guard';
import { pickName } from '$lib/i18n';
import { previewBracket } from '$lib/components/competition/bracket-preview';
import { bracketFlags } from '$lib/components/competition/bracket-flags.server';
import { eventDivisions } from '$lib/components/divisions/divisions.server';
import { api, required } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireOrganizer(event);
  const client = api(event);
  const ev = await competitionEvent(client, event.params.id);
  const [matches, venues, divisions] = await Promise.all([
    eventMatches(client, ev.id),
    client.GET('/api/venues').then(required),
    eventDivisions(client, ev.id),
  ]);
  // The event's bracket, or each division's.
  const scopes = divisions.length > 0 ? divisions.map((d) => ({ division: d.id })) : [{}];
  const brackets = await Promise.all(
    scopes.map((query) => client.GET('/api/events/{id}/bracket', { params: { path: { id: ev.id }, query } })),
  );
  const seeds = brackets.flatMap((b) => (b.response.status === 200 && b.data ? b.data.seeds : []));
  // Seeded teams that withdrew after games (or ask to): the organizer reviews the bracket.
  const flagged = await bracketFlags(client, ev.id, seeds.length > 0 ? { seeds } : null);
  const days = groupByDay(matches);
  const asked = event.url.searchParams.get('day');
  const marks = highlights(days, chinaDate(new Date()));
  // An organizer usually comes to enter the latest results: the next day with games still to play.
  const day =
    days.find((d) => (d.date ?? 'tba') === asked) ??
    days.find((d) => d.date === (marks.today ?? marks.next)) ??
    days[0] ??
    null;
  return {
    event: ev,
    days: days.map((d) => ({
      date: d.date,
      games: d.matches.length,
      toPlay: d.matches.filter((m) => !isPlayed(m)).length,
    })),
    day: day ? { date: day.date, matches: day.matches } : null,
    venues,
    groupGamesLeft: matches.filter((m) => m.playoffSlot === null && !isPlayed(m)).length,
    hasBracket: brackets.some((b) => b.response.status === 200),
    flagged,
    total: matches.length,
  };
};

const problem = (field: string, message: string, code?: string): Problem => ({
  status: 400,
  errors: [{ field, message, ...(code ? { code } : {}) }],
  detail: null,
});

/** The games a 409 clash names, so the page can say which one in words. */
async function clashingMatches(client: SailcourtClient, found: Problem): Promise<ClashingMatch[]> {
  const ids = clashIds(found.errors);
  const results = await Promise.all(ids.map((id) => client.GET('/api/matches/{id}', { params: { path: { id } } })));
  return results.flatMap((r) => (r.data ? [r.data] : []));
}

/**
 * The playoffs form as the organizer filled it (sent back with any refusal) and its qualifiers per group; or the
 * refusal of a qualifiers count that is not a whole number.
 */
function playoffsForm(form: FormData) {
  const qualifiers = text(form, 'qualifiersPerGroup').trim();
  const answer = {
    qualifiersPerGroup: qualifiers,
    thirdPlaceGame: form.has('thirdPlaceGame'),
    replace: form.has('replace'),
  };
  const count = parseScore(qualifiers);
  if (!count.ok)
    return {
      refusal: fail(400, {
        playoffs: { ...answer, problem: problem('qualifiersPerGroup', 'must be an integer number') },
      }),
    };
  return { answer, count };
}

export const actions: Actions = {
  /** Scores (and whether overtime decided it), or the team that forfeited (then the scores are ignored: the API counts 20–0, or w-0 under 3x3). */
  result: async (event) => {
    requireOrganizer(event);
    const form = await event.request.formData();
    const answer: ResultAnswer = {
      matchId: text(form, 'matchId'),
      homeScore: text(form, 'homeScore'),
      awayScore: text(form, 'awayScore'),
      forfeitedBy: text(form, 'forfeitedBy'),
      overtime: form.get('overtime') === 'on',
    };
    const reply = (more: Pick<ResultAnswer, 'problem' | 'saved' | 'savedLabel'>) => ({
      result: { ...answer, ...more },
    });
    const version = Number(text(form, 'version')) || undefined;
    let body: Schemas['MatchResultDto'];
    if (answer.forfeitedBy) {
      body = { forfeitedBy: answer.forfeitedBy, version };
    } else {
      const home = parseScore(answer.homeScore);
      const away = parseScore(answer.awayScore);
      if (!home.ok) return fail(400, reply({ problem: problem('homeScore', 'must be an integer number') }));
      if (!away.ok) return fail(400, reply({ problem: problem('awayScore', 'must be an integer number') }));
      body = { homeScore: home.value, awayScore: away.value, ...(answer.overtime ? { overtime: true } : {}), version };
    }
    const result = await api(event).PUT('/api/matches/{id}/result', { params: { path: { id: answer.matchId } }, body });
    if (!result.data) return fail(result.response.status, reply({ problem: problemOf(result) }));
    // Named here, so the page can say what was saved even when the day it was on has no game left to enter.
    const m = result.data;
    const locale = event.locals.locale;
    const savedLabel = `${pickName(locale, m.homeTeamName, m.homeTeamNameEn)} ${m.homeScore ?? ''} : ${m.awayScore ?? ''} ${pickName(locale, m.awayTeamName, m.awayTeamNameEn)}`;
    return reply({ saved: true, savedLabel });
  },

  /** Move a game, postpone it, or put a postponed one back; a clash is a 409 naming the other game. */
  reschedule: async (event) => {
    requireOrganizer(event);
    const form = await event.request.formData();
    const answer: RescheduleAnswer = {
      matchId: text(form, 'matchId'),
      date: text(form, 'date'),
      time: text(form, 'time'),
      venueId: text(form, 'venueId'),
      court: text(form, 'court').trim(),
    };
    const reply = (more: Pick<RescheduleAnswer, 'problem' | 'saved' | 'clashing'>) => ({
      reschedule: { ...answer, ...more },
    });
    const intent = text(form, 'intent');
    const version = Number(text(form, 'version')) || undefined;
    let body: Schemas['UpdateMatchDto'];
    if (intent === 'postpone') {
      body = { status: 'postponed', version };
    } else {
      const startsAt = shanghaiInstant(answer.date, answer.time);
      if (!startsAt)
        return fail(
          400,
          reply({ problem: problem('startsAt', 'needs a date and a time', 'match.date-time-required') }),
        );
      const court = parseScore(answer.court);
      if (!court.ok) return fail(400, reply({ problem: problem('court', 'must be an integer number') }));
      body = {
        startsAt,
        version,
        ...(answer.venueId && answer.venueId !== text(form, 'currentVenueId') ? { venueId: answer.venueId } : {}),
        ...(court.value !== undefined ? { court: court.value } : {}),
        ...(intent === 'restore' ? { status: 'scheduled' as const } : {}),
      };
    }
    const client = api(event);
    const result = await client.PATCH('/api/matches/{id}', { params: { path: { id: answer.matchId } }, body });
    if (!result.data) {
      const found = problemOf(result);
      return fail(
        result.response.status,
        reply({ problem: found, clashing: found.status === 409 ? await clashingMatches(client, found) : [] }),
      );
    }
    // The game may now sit on another day: the answer is shown where it went.
    const saved = intent === 'postpone' ? 'postponed' : intent === 'restore' ? 'restored' : 'rescheduled';
    if (result.data.date !== event.url.searchParams.get('day') && result.data.date) {
      redirect(
        303,
        `/events/${event.params.id}/manage?day=${result.data.date}&moved=${result.data.id}#match-${result.data.id}`,
      );
    }
    return reply({ saved });
  },

  /**
   * The bracket as it would be drawn, stored nowhere: the same domain rule the API applies to the same standings,
   * so the organizer sees the seeds and first games before generating.
   */
  previewPlayoffs: async (event) => {
    requireOrganizer(event);
    const read = playoffsForm(await event.request.formData());
    if ('refusal' in read) return read.refusal;
    const { answer, count } = read;
    const client = api(event);
    const ev = await competitionEvent(client, event.params.id);
    const standings = await client
      .GET('/api/events/{id}/standings', { params: { path: { id: ev.id } } })
      .then(required);
    const preview = previewBracket(standings.groups, count.value, answer.thirdPlaceGame);
    if ('problem' in preview) return fail(422, { playoffs: { ...answer, problem: preview.problem } });
    return { playoffs: { ...answer, preview: preview.games, problem: undefined } };
  },

  /** Seeds the bracket from the final standings; the bracket page then shows it. */
  playoffs: async (event) => {
    requireOrganizer(event);
    const read = playoffsForm(await event.request.formData());
    if ('refusal' in read) return read.refusal;
    const { answer, count } = read;
    const client = api(event);
    const ev = await competitionEvent(client, event.params.id);
    const result = await client.POST('/api/events/{id}/playoffs', {
      params: { path: { id: ev.id } },
      body: {
        ...(count.value !== undefined ? { qualifiersPerGroup: count.value } : {}),
        thirdPlaceGame: answer.thirdPlaceGame,
        replace: answer.replace,
      },
    });
    if (!result.data) return fail(result.response.status, { playoffs: { ...answer, problem: problemOf(result) } });
    redirect(303, `/events/${ev.id}/bracket`);
  },
};
