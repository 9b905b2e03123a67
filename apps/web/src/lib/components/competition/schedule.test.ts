import { chinaDate } from '@sailcourt/domain';
import { describe, expect, it } from 'vitest';
import {
  groupByDay,
  highlights,
  localTime,
  type Match,
  openPage,
  paginateDays,
  scheduleOptions,
  showMatch,
} from './schedule.js';

let seq = 0;
function game(
  startsAt: string | null,
  status: Match['status'] = 'scheduled',
  teams: [string, string] = ['h', 'a'],
): Match {
  seq += 1;
  return {
    id: `m${seq}`,
    divisionId: null,
    eventId: 'e',
    homeTeamId: teams[0],
    homeTeamName: `${teams[0]}队`,
    homeTeamNameEn: teams[0].toUpperCase(),
    awayTeamId: teams[1],
    awayTeamName: `${teams[1]}队`,
    awayTeamNameEn: null,
    startsAt,
    date: startsAt ? startsAt.slice(0, 10) : null,
    venueId: 'v',
    venueName: '国信体育馆',
    venueNameEn: 'Guoxin Gymnasium',
    court: 1,
    group: '',
    round: 1,
    status,
    homeScore: status === 'scheduled' ? null : 80,
    awayScore: status === 'scheduled' ? null : 70,
    period: status === 'scheduled' ? 0 : 4,
    liveSeq: null,
    forfeitedBy: null,
    overtime: false,
    winnerTeamId: null,
    playoffSlot: null,
    version: 1,
    updatedAt: '2023-08-01T00:00:00+08:00',
    source: null,
    illustrative: [],
  };
}

describe('schedule by day', () => {
  it('takes the calendar day in Qingdao, which starts 8 hours before UTC', () => {
    expect(chinaDate(new Date('2023-08-14T15:59:00Z'))).toBe('2023-08-14');
    expect(chinaDate(new Date('2023-08-14T16:00:00Z'))).toBe('2023-08-15');
    expect(localTime('2023-08-15T20:00:00+08:00')).toBe('20:00');
  });

  it('groups games by local day in playing order, games without a time last', () => {
    const days = groupByDay([
      game('2023-08-11T19:30:00+08:00'),
      game(null),
      game('2023-08-10T20:00:00+08:00'),
      game('2023-08-10T17:00:00+08:00'),
    ]);
    expect(days.map((d) => d.date)).toEqual(['2023-08-10', '2023-08-11', null]);
    expect(days[0]?.matches.map((m) => m.startsAt)).toEqual(['2023-08-10T17:00:00+08:00', '2023-08-10T20:00:00+08:00']);
  });

  const season = groupByDay([
    game('2023-08-10T19:30:00+08:00', 'final'),
    game('2023-08-12T19:30:00+08:00', 'final'),
    game('2023-08-15T19:30:00+08:00'),
    game('2023-08-18T19:30:00+08:00'),
  ]);

  it('during the season: today when there are games today, and the next game day after it', () => {
    expect(highlights(season, '2023-08-12')).toEqual({ today: '2023-08-12', next: '2023-08-15', nextKind: 'upcoming' });
    expect(highlights(season, '2023-08-13')).toEqual({ today: null, next: '2023-08-15', nextKind: 'upcoming' });
    expect(highlights(season, '2023-08-01')).toEqual({ today: null, next: '2023-08-10', nextKind: 'upcoming' });
  });

  it('after the season (the 2023 data read today): the first day with games still to play, else the last day', () => {
    expect(highlights(season, '2026-11-30')).toEqual({ today: null, next: '2023-08-15', nextKind: 'unplayed' });
    const done = groupByDay([game('2023-08-10T19:30:00+08:00', 'final'), game('2023-08-12T19:30:00+08:00', 'forfeit')]);
    expect(highlights(done, '2026-11-30')).toEqual({ today: null, next: '2023-08-12', nextKind: 'latest' });
    expect(highlights([], '2026-11-30')).toEqual({ today: null, next: null, nextKind: null });
  });

  it('filters results and games still to play, and lists each team and venue once for the filters', () => {
    const games = [
      game('2023-08-10T19:30:00+08:00', 'final', ['b', 'a']),
      game('2023-08-11T19:30:00+08:00', 'scheduled', ['a', 'c']),
    ];
    expect(games.filter((m) => showMatch('results', m))).toHaveLength(1);
    expect(games.filter((m) => showMatch('upcoming', m))).toHaveLength(1);
    const options = scheduleOptions(games);
    expect(options.teams.map((o) => o.id)).toEqual(['a', 'b', 'c']);
    expect(options.venues).toEqual([{ id: 'v', name: '国信体育馆', nameEn: 'Guoxin Gymnasium' }]);
  });
});

describe('schedule pages for big seasons', () => {
  /** `count` games a day from 1 July 2023, at 10:00 and on as many courts as needed. */
  const season = (perDay: readonly number[]) =>
    groupByDay(
      perDay.flatMap((count, d) =>
        Array.from({ length: count }, () => game(`2023-07-${String(d + 1).padStart(2, '0')}T10:00:00+08:00`)),
      ),
    );

  it('keeps days whole and closes a page at the budget; a day bigger than the budget fills a page alone', () => {
    const { pages, index } = paginateDays(season([40, 40, 40, 150, 10]), 100);
    expect(pages.map((p) => p.map((d) => d.matches.length))).toEqual([[40, 40], [40], [150], [10]]);
    expect(index.map((d) => d.page)).toEqual([1, 1, 2, 3, 4]);
    expect(index[3]).toEqual({ date: '2023-07-04', games: 150, page: 3 });
  });

  it('splits a 3,000-game season (30 days × 100 games) into pages of at most the budget', () => {
    const { pages } = paginateDays(season(Array.from({ length: 30 }, () => 100)), 120);
    expect(pages).toHaveLength(30);
    expect(pages.flat().reduce((n, d) => n + d.matches.length, 0)).toBe(3000);
    expect(Math.max(...pages.map((p) => p.reduce((n, d) => n + d.matches.length, 0)))).toBe(100);
  });

  it('opens the page asked for, else the page of today or the next game day, else the first', () => {
    const { pages, index } = paginateDays(season([60, 60, 60]), 100);
    const marks = highlights(groupByDay(pages.flat().flatMap((d) => d.matches)), '2023-07-02');
    expect(openPage(index, pages.length, '3', marks)).toBe(3);
    expect(openPage(index, pages.length, null, marks)).toBe(2);
    for (const junk of ['0', '4', '1.5', 'x', '']) expect(openPage(index, pages.length, junk, marks)).toBe(2);
    expect(openPage(index, pages.length, null, { today: null, next: null, nextKind: null })).toBe(1);
  });
});
