import type { Schemas } from '@sailcourt/api-client';
import { chinaWallClock } from '@sailcourt/domain';

export type Match = Schemas['MatchDto'];

/** A day of games; `date` null holds the games whose time is still to be announced. */
export type MatchDay = { date: string | null; matches: Match[] };

export type Highlights = {
  /** Today in Qingdao, when games are played today. */
  today: string | null;
  /** The day to look at next; see `nextKind`. */
  next: string | null;
  /**
   * `upcoming`: the first game day after today. `unplayed`: the season's dates are behind us, so the
   * first day that still has games without a result. `latest`: every game has a result, so the last day.
   */
  nextKind: 'upcoming' | 'unplayed' | 'latest' | null;
};

export type Show = 'all' | 'results' | 'upcoming';
export const SHOWS: readonly Show[] = ['all', 'results', 'upcoming'];

export const isPlayed = (m: Pick<Match, 'status'>): boolean => m.status === 'final' || m.status === 'forfeit';

/** Games by local day in playing order; days without a time come last. */
export function groupByDay(matches: readonly Match[]): MatchDay[] {
  const days = new Map<string | null, Match[]>();
  const sorted = [...matches].sort((a, b) => byStart(a, b) || (a.court ?? 0) - (b.court ?? 0));
  for (const m of sorted) days.set(m.date, [...(days.get(m.date) ?? []), m]);
  return [...days.entries()].map(([date, list]) => ({ date, matches: list }));
}

function byStart(a: Match, b: Match): number {
  if (a.startsAt === b.startsAt) return 0;
  if (a.startsAt === null) return 1;
  if (b.startsAt === null) return -1;
  return Date.parse(a.startsAt) - Date.parse(b.startsAt);
}

/** Where a fan should look first: today's games, else the next ones (see `Highlights.nextKind`). */
export function highlights(days: readonly MatchDay[], today: string): Highlights {
  const dated = days.filter((d): d is MatchDay & { date: string } => d.date !== null);
  const todays = dated.find((d) => d.date === today)?.date ?? null;
  const upcoming = dated.find((d) => d.date > today);
  if (upcoming) return { today: todays, next: upcoming.date, nextKind: 'upcoming' };
  if (todays) return { today: todays, next: null, nextKind: null };
  const unplayed = dated.find((d) => d.matches.some((m) => !isPlayed(m)));
  if (unplayed) return { today: null, next: unplayed.date, nextKind: 'unplayed' };
  const latest = dated.at(-1);
  return latest ? { today: null, next: latest.date, nextKind: 'latest' } : { today: null, next: null, nextKind: null };
}

export const showMatch = (show: Show, m: Match): boolean =>
  show === 'all' ? true : show === 'results' ? isPlayed(m) : !isPlayed(m);

export const parseShow = (value: string | null): Show => SHOWS.find((s) => s === value) ?? 'all';

export type Option = { id: string; name: string; nameEn: string | null };

/** The teams and venues that appear in the schedule, for the filters. */
export function scheduleOptions(matches: readonly Match[]): { teams: Option[]; venues: Option[] } {
  const teams = new Map<string, Option>();
  const venues = new Map<string, Option>();
  for (const m of matches) {
    teams.set(m.homeTeamId, { id: m.homeTeamId, name: m.homeTeamName, nameEn: m.homeTeamNameEn });
    teams.set(m.awayTeamId, { id: m.awayTeamId, name: m.awayTeamName, nameEn: m.awayTeamNameEn });
    if (m.venueId) venues.set(m.venueId, { id: m.venueId, name: m.venueName ?? '', nameEn: m.venueNameEn });
  }
  const byName = (a: Option, b: Option) => a.name.localeCompare(b.name, 'zh-CN');
  return { teams: [...teams.values()].sort(byName), venues: [...venues.values()].sort(byName) };
}

/** `HH:MM` in Qingdao from an instant the API wrote with its +08:00 offset. */
export const localTime = (startsAt: string): string => chinaWallClock(Date.parse(startsAt)).slice(11, 16);

/** The id of the section for one day, for "jump to" links. */
export const dayAnchor = (date: string | null): string => (date ? `day-${date}` : 'day-tba');

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A schedule page holds whole days and about this many games, so a 3,000-game season never ships at once. */
export const GAMES_PER_PAGE = 120;

/** One entry of the day index: where a day's games are, whichever page is open. */
export type DayEntry = { date: string | null; games: number; page: number };

/**
 * Splits days into pages of whole days, closing a page once it holds `budget` games or more (a day
 * bigger than the budget fills a page alone). Pages are numbered from 1.
 */
export function paginateDays(
  days: readonly MatchDay[],
  budget = GAMES_PER_PAGE,
): { pages: MatchDay[][]; index: DayEntry[] } {
  const pages: MatchDay[][] = [];
  let current: MatchDay[] = [];
  let games = 0;
  for (const day of days) {
    if (current.length > 0 && games + day.matches.length > budget) {
      pages.push(current);
      current = [];
      games = 0;
    }
    current.push(day);
    games += day.matches.length;
  }
  if (current.length > 0) pages.push(current);
  const index = pages.flatMap((page, i) =>
    page.map((day) => ({ date: day.date, games: day.matches.length, page: i + 1 })),
  );
  return { pages, index };
}

/**
 * The page to open: the one asked for when it exists, else the page holding the day a fan should see
 * first (today, else the next day; see `highlights`), else the first.
 */
export function openPage(
  index: readonly DayEntry[],
  pageCount: number,
  asked: string | null,
  marks: Highlights,
): number {
  const wanted = Number(asked);
  if (Number.isInteger(wanted) && wanted >= 1 && wanted <= pageCount) return wanted;
  const focus = marks.today ?? marks.next;
  return index.find((d) => d.date !== null && d.date === focus)?.page ?? 1;
}
