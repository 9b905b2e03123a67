import { describe, expect, it } from 'vitest';
import { groupByDay, highlights, localTime, type Match, scheduleOptions, shanghaiDate, showMatch } from './schedule.js';

let seq = 0;
function game(startsAt: string | null, status: Match['status'] = 'scheduled', teams: [string, string] = ['h', 'a']): Match {
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
    expect(shanghaiDate(new Date('2023-08-14T15:59:00Z'))).toBe('2023-08-14');
    expect(shanghaiDate(new Date('2023-08-14T16:00:00Z'))).toBe('2023-08-15');
    expect(localTime('2023-08-15T20:00:00+08:00')).toBe('20:00');
  });

  it('groups games by local day in playing order, games without a time last', () => {
    const days = groupByDay([game('2023-08-11T19:30:00+08:00'), game(null), game('2023-08-10T20:00:00+08:00'), game('2023-08-10T17:00:00+08:00')]);
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
    const games = [game('2023-08-10T19:30:00+08:00', 'final', ['b', 'a']), game('2023-08-11T19:30:00+08:00', 'scheduled', ['a', 'c'])];
    expect(games.filter((m) => showMatch('results', m))).toHaveLength(1);
    expect(games.filter((m) => showMatch('upcoming', m))).toHaveLength(1);
    const options = scheduleOptions(games);
    expect(options.teams.map((o) => o.id)).toEqual(['a', 'b', 'c']);
    expect(options.venues).toEqual([{ id: 'v', name: '国信体育馆', nameEn: 'Guoxin Gymnasium' }]);
  });
});
