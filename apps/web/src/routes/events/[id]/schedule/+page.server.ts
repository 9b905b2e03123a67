import { chinaDate } from '@sailcourt/domain';
import { competitionEvent, eventMatches } from '$lib/components/competition/event.server';
import { chosenDivision, eventDivisions } from '$lib/components/divisions/divisions.server';
import {
  groupByDay,
  highlights,
  openPage,
  paginateDays,
  parseShow,
  scheduleOptions,
  showMatch,
} from '$lib/components/competition/schedule';
import { lastSeqOf } from '$lib/live/last-seq';
import { api } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const client = api(event);
  const ev = await competitionEvent(client, event.params.id);
  const query = event.url.searchParams;
  const divisions = await eventDivisions(client, ev.id);
  const division = chosenDivision(divisions, query.get('division'));
  const scope = division ? { division: division.id } : {};
  const all = await eventMatches(client, ev.id, scope);
  const options = scheduleOptions(all);
  // Only ids the schedule knows reach the API; anything else simply means "no filter".
  const teamId = options.teams.find((o) => o.id === query.get('team'))?.id ?? null;
  const venueId = options.venues.find((o) => o.id === query.get('venue'))?.id ?? null;
  const show = parseShow(query.get('show'));
  const filtered =
    teamId || venueId
      ? await eventMatches(client, ev.id, { ...scope, ...(teamId ? { teamId } : {}), ...(venueId ? { venueId } : {}) })
      : all;
  const shown = filtered.filter((m) => showMatch(show, m));
  const allDays = groupByDay(shown);
  const today = chinaDate(new Date());
  const marks = highlights(allDays, today);
  // A big season is sent a page of days at a time; the day index still lists (and links) every day.
  const { pages, index } = paginateDays(allDays);
  const page = openPage(index, pages.length, query.get('page'), marks);
  return {
    event: ev,
    days: pages[page - 1] ?? [],
    dayIndex: index,
    page,
    pageCount: pages.length,
    shownCount: shown.length,
    today,
    marks,
    options,
    filters: { teamId, venueId, show, divisionId: division?.id ?? null },
    divisions,
    total: all.length,
    liveSeq: lastSeqOf(all),
    illustrative: all.some((m) => m.source === 'illustrative' || m.illustrative.length > 0),
  };
};
