import { describe, expect, it } from 'vitest';
import {
  loadBasketballSeason,
  loadCbaSummerLeagueTeams,
  loadFutureStarsDivisions,
  loadRally,
  type Sourced,
} from './data.js';

const season = loadBasketballSeason();
const teams = loadCbaSummerLeagueTeams();
const rally = loadRally();
const futureStarsDivisions = loadFutureStarsDivisions();

/** Every record in the seed files, with a label for failure messages. */
const records: [string, Sourced & Record<string, unknown>][] = [
  ['season', season.season],
  ...season.venues.map((v) => [`venue ${v.slug}`, v] as [string, Sourced & Record<string, unknown>]),
  ...season.events.map((e) => [`event ${e.slug}`, e] as [string, Sourced & Record<string, unknown>]),
  ...teams.map((t) => [`team ${t.slug}`, t] as [string, Sourced & Record<string, unknown>]),
  ...futureStarsDivisions.divisions.map(
    (d) => [`division ${d.code}`, d] as [string, Sourced & Record<string, unknown>],
  ),
  ['rally', rally.rally],
  ...rally.ports.map((p) => [`port ${p.slug}`, p] as [string, Sourced & Record<string, unknown>]),
  ...rally.legs.map((l) => [`leg ${l.number}`, l] as [string, Sourced & Record<string, unknown>]),
  ...rally.entries.map((e) => [`entry ${e.sailNumber}`, e] as [string, Sourced & Record<string, unknown>]),
  ...rally.legResults.map(
    (r) => [`leg ${r.leg} result ${r.sailNumber}`, r] as [string, Sourced & Record<string, unknown>],
  ),
];

describe('the 2023 seed data stays honest', () => {
  it.each(records)('%s names its source, and its illustrative fields exist', (_label, record) => {
    expect(record.source.trim().length).toBeGreaterThan(0);
    for (const field of record.illustrative ?? []) expect(Object.keys(record)).toContain(field);
  });

  it('holds the article’s season facts', () => {
    expect(season.season).toMatchObject({
      slug: 'qingdao-basketball-2023',
      theme: '未篮梦想',
      startDate: '2023-07-10',
      endDate: '2023-08-25',
    });
    expect(season.season.targets).toEqual({ participants: 6000, visits: 60000, spendingYuan: 200_000_000 });
    expect(season.season.source).toMatch(/Qingdao Daily/);
  });

  it('has 15 events inside the season, at known venues, with Guoxin Gymnasium first', () => {
    expect(season.events).toHaveLength(15);
    expect(season.venues[0]?.name).toBe('国信体育馆');
    const venues = new Set(season.venues.map((v) => v.slug));
    for (const event of season.events) {
      expect(
        event.startDate >= season.season.startDate &&
          event.endDate <= season.season.endDate &&
          event.startDate <= event.endDate,
      ).toBe(true);
      expect(venues.has(event.venueSlug)).toBe(true);
    }
    const futureStars = season.events.find((e) => e.name.includes('未来之星'));
    expect(futureStars?.cities).toHaveLength(16);
    expect(futureStars?.participantTarget).toBeGreaterThanOrEqual(2500);
  });

  it('plays the 3x3 street tournament under FIBA 3x3 rules (an illustrative setting), every other event five-a-side', () => {
    const threeByThree = season.events.filter((e) => e.ruleset === 'fiba-3x3');
    expect(threeByThree.map((e) => e.slug)).toEqual(['street-3x3-tournament']);
    expect(threeByThree[0]?.illustrative).toContain('ruleset');
  });

  it('marks the events the article does not name as illustrative', () => {
    const named = season.events.filter((e) => e.source !== 'illustrative').map((e) => e.slug);
    expect(named).toHaveLength(5);
  });

  it('splits the Future Stars league into U8/U10/U12 × boys/girls, all illustrative, within the event’s capacity', () => {
    const event = season.events.find((e) => e.slug === futureStarsDivisions.eventSlug);
    expect(event).toBeDefined();
    const { divisions } = futureStarsDivisions;
    expect(divisions.map((d) => d.code)).toEqual([
      'U8-boys',
      'U8-girls',
      'U10-boys',
      'U10-girls',
      'U12-boys',
      'U12-girls',
    ]);
    expect(divisions.every((d) => d.source === 'illustrative')).toBe(true);
    expect(divisions.reduce((sum, d) => sum + (d.capacity ?? 0), 0)).toBeLessThanOrEqual(event?.capacity ?? 0);
    // The older the group, the earlier the cut-off.
    expect(divisions.filter((d) => d.gender === 'boys').map((d) => d.bornOnOrAfter)).toEqual([
      '2015-01-01',
      '2013-01-01',
      '2011-01-01',
    ]);
  });

  it('has ten CBA Summer League teams, Liaoning, Guangdong and Shenzhen as reported', () => {
    expect(teams).toHaveLength(10);
    const reported = teams.filter((t) => t.source !== 'illustrative').map((t) => t.nameEn);
    expect(reported.sort()).toEqual(['Guangdong', 'Liaoning', 'Shenzhen']);
  });

  it('has the rally’s five legs round the peninsula over 840 nm and seven one-design boats', () => {
    expect(rally.legs.map((l) => `${l.from}→${l.to}`)).toEqual([
      'qingdao→weifang',
      'weifang→yantai',
      'yantai→weihai',
      'weihai→rizhao',
      'rizhao→qingdao',
    ]);
    expect(rally.legs.reduce((sum, l) => sum + l.distanceNm, 0)).toBe(840);
    expect(rally.legs[0]?.startsAt.startsWith('2023-06-19')).toBe(true);
    expect(rally.entries).toHaveLength(7);
    expect(rally.entries.every((e) => e.rating === 1)).toBe(true);
    expect([...rally.entries].sort((a, b) => a.officialRank - b.officialRank)[0]?.teamName).toContain(
      '山东港口青岛港—丹泉酒业',
    );
  });
});
