import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignmentsBrokenBy,
  type GameToStaff,
  type OfficialProfile,
  officialConflicts,
  type OfficiatedGame,
  suggestOfficialAssignments,
} from './officials.js';

const H = 3_600_000;
const T0 = Date.parse('2023-07-15T09:00:00+08:00');
const game = (
  matchId: string,
  hoursIn: number,
  venueKey: string | null,
  teams: [string, string] = ['x', 'y'],
  durationMinutes = 90,
): OfficiatedGame => ({
  matchId,
  startsAt: T0 + hoursIn * H,
  durationMinutes,
  venueKey,
  teamIds: teams,
});
const official = (id: string, more: Partial<OfficialProfile> = {}): OfficialProfile => ({
  officialId: id,
  roles: ['referee', 'table'],
  affiliatedTeamIds: [],
  availability: [],
  ...more,
});
const rules = { travelBufferMinutes: 60 };
const kinds = (o: OfficialProfile, g: OfficiatedGame, busy: OfficiatedGame[], role: 'referee' | 'table' = 'referee') =>
  officialConflicts(o, g, role, busy, rules).map((c) => c.kind);

describe('officialConflicts — the hard checks', () => {
  const cases: [string, OfficialProfile, OfficiatedGame, OfficiatedGame[], string[]][] = [
    ['free official, free time', official('o'), game('g2', 3, 'gym'), [game('g1', 0, 'gym')], []],
    ['back-to-back at the same venue is fine', official('o'), game('g2', 1.5, 'gym'), [game('g1', 0, 'gym')], []],
    ['overlapping games', official('o'), game('g2', 1, 'gym'), [game('g1', 0, 'gym')], ['overlap']],
    [
      'another venue 30 minutes after the last game ends: no time to travel',
      official('o'),
      game('g2', 2, 'beach'),
      [game('g1', 0, 'gym')],
      ['travel'],
    ],
    [
      'another venue exactly the buffer later is fine',
      official('o'),
      game('g2', 2.5, 'beach'),
      [game('g1', 0, 'gym')],
      [],
    ],
    [
      'the travel check also looks backwards (a later game already held)',
      official('o'),
      game('g1', 0, 'gym'),
      [game('g2', 2, 'beach')],
      ['travel'],
    ],
    ['an unknown venue needs the buffer too', official('o'), game('g2', 2, null), [game('g1', 0, 'gym')], ['travel']],
    [
      'a game of an affiliated team',
      official('o', { affiliatedTeamIds: ['y'] }),
      game('g1', 0, 'gym', ['x', 'y']),
      [],
      ['affiliated'],
    ],
    [
      'outside availability',
      official('o', { availability: [{ startsAt: T0, endsAt: T0 + 1 * H }] }),
      game('g1', 0, 'gym'),
      [],
      ['unavailable'],
    ],
    [
      'inside availability',
      official('o', { availability: [{ startsAt: T0 - H, endsAt: T0 + 2 * H }] }),
      game('g1', 0, 'gym'),
      [],
      [],
    ],
    ['the same game twice', official('o'), game('g1', 0, 'gym'), [game('g1', 0, 'gym')], ['already-assigned']],
  ];
  for (const [name, o, g, busy, expected] of cases) {
    it(name, () => expect(kinds(o, g, busy)).toEqual(expected));
  }

  it('a table official cannot referee', () => {
    expect(kinds(official('o', { roles: ['table'] }), game('g1', 0, 'gym'), [], 'referee')).toEqual(['role']);
    expect(kinds(official('o', { roles: ['table'] }), game('g1', 0, 'gym'), [], 'table')).toEqual([]);
  });
});

describe('suggestOfficialAssignments', () => {
  const staff = (g: OfficiatedGame, referee = 1, table = 0): GameToStaff => ({
    game: g,
    slots: { referee, table },
    assigned: [],
  });

  it('balances games per official: four games a day apart, two referees each get two', () => {
    const games = [0, 24, 48, 72].map((h, i) => staff(game(`g${i}`, h, 'gym')));
    const s = suggestOfficialAssignments({ games, officials: [official('a'), official('b')], busy: new Map(), rules });
    expect(s.unfilled).toEqual([]);
    const count = (id: string) => s.assignments.filter((a) => a.officialId === id).length;
    expect([count('a'), count('b')]).toEqual([2, 2]);
  });

  it('skips an official affiliated with a team and one whose existing game clashes, and reports what it cannot fill', () => {
    const g = game('g1', 0, 'gym', ['home', 'away']);
    const s = suggestOfficialAssignments({
      games: [staff(g, 2, 0)],
      officials: [official('aff', { affiliatedTeamIds: ['home'] }), official('busy'), official('free')],
      busy: new Map([['busy', [game('other', 0.5, 'gym')]]]),
      rules,
    });
    expect(s.assignments).toEqual([{ matchId: 'g1', officialId: 'free', role: 'referee' }]);
    expect(s.unfilled).toEqual([{ matchId: 'g1', role: 'referee', missing: 1 }]);
  });

  it('keeps what is assigned and counts it toward the balance', () => {
    const games: GameToStaff[] = [
      { game: game('g1', 0, 'gym'), slots: { referee: 1, table: 0 }, assigned: [{ officialId: 'a', role: 'referee' }] },
      staff(game('g2', 24, 'gym')),
    ];
    const s = suggestOfficialAssignments({
      games,
      officials: [official('a'), official('b')],
      busy: new Map([['a', [game('g1', 0, 'gym')]]]),
      rules,
    });
    expect(s.assignments).toEqual([{ matchId: 'g2', officialId: 'b', role: 'referee' }]);
  });

  it('property: no suggestion breaks a check, and loads differ by at most one when nothing restricts anyone', () => {
    const gameArb = fc.record({
      hoursIn: fc.integer({ min: 0, max: 60 }),
      venue: fc.constantFrom('gym', 'beach', 'square'),
      home: fc.constantFrom('t1', 't2', 't3', 't4'),
    });
    fc.assert(
      fc.property(
        fc.array(gameArb, { minLength: 1, maxLength: 12 }),
        fc.array(fc.subarray(['t1', 't2', 't3', 't4'], { maxLength: 2 }), { minLength: 1, maxLength: 5 }),
        (specs, affiliations) => {
          const games = specs.map((sp, i) => staff(game(`g${i}`, sp.hoursIn, sp.venue, [sp.home, 'visitor']), 2, 1));
          const officials = affiliations.map((teams, i) => official(`o${i}`, { affiliatedTeamIds: teams }));
          const s = suggestOfficialAssignments({ games, officials, busy: new Map(), rules });
          // Replay the suggestion: each pick must be allowed given every other pick of that official.
          for (const o of officials) {
            const mine = s.assignments
              .filter((a) => a.officialId === o.officialId)
              .map((a) => games.find((g) => g.game.matchId === a.matchId)!.game);
            mine.forEach((g, i) =>
              expect(
                officialConflicts(
                  o,
                  g,
                  'referee',
                  mine.filter((_, j) => j !== i),
                  rules,
                ),
              ).toEqual([]),
            );
          }
          const filled = s.assignments.length + s.unfilled.reduce((n, u) => n + u.missing, 0);
          expect(filled).toBe(games.length * 3);
        },
      ),
      { numRuns: 150 },
    );
    // Unrestricted: games far apart at one venue, more slots than officials → loads within one of each other.
    const games = Array.from({ length: 7 }, (_, i) => staff(game(`g${i}`, i * 24, 'gym'), 1, 1));
    const s = suggestOfficialAssignments({
      games,
      officials: ['a', 'b', 'c'].map((id) => official(id)),
      busy: new Map(),
      rules,
    });
    const loads = ['a', 'b', 'c'].map((id) => s.assignments.filter((x) => x.officialId === id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });
});

describe('assignmentsBrokenBy — editing an official who holds games', () => {
  const HOUR = 3_600_000;
  const t0 = Date.UTC(2023, 6, 15, 9); // 17:00 in Qingdao
  const game = (matchId: string, startsAt: number, teamIds: readonly [string, string]): OfficiatedGame => ({
    matchId,
    startsAt,
    durationMinutes: 120,
    venueKey: 'v1',
    teamIds,
  });
  const held = [
    { game: game('g1', t0, ['T1', 'T2']), role: 'referee' as const },
    { game: game('g2', t0 + 24 * HOUR, ['T3', 'T4']), role: 'table' as const },
  ];
  const base: OfficialProfile = {
    officialId: 'o1',
    roles: ['referee', 'table'],
    affiliatedTeamIds: [],
    availability: [],
  };
  const rules = { travelBufferMinutes: 60 };

  it.each([
    { name: 'a contact-only change breaks nothing', profile: base, broken: [] },
    {
      name: 'an affiliation with a team in a held game',
      profile: { ...base, affiliatedTeamIds: ['T3'] },
      broken: [['g2', 'affiliated']],
    },
    { name: 'a dropped role', profile: { ...base, roles: ['referee' as const] }, broken: [['g2', 'role']] },
    {
      name: 'availability that covers the first game only',
      profile: { ...base, availability: [{ startsAt: t0 - HOUR, endsAt: t0 + 3 * HOUR }] },
      broken: [['g2', 'unavailable']],
    },
    {
      name: 'availability ending before the first game ends',
      profile: {
        ...base,
        availability: [
          { startsAt: t0, endsAt: t0 + HOUR },
          { startsAt: t0 + 20 * HOUR, endsAt: t0 + 30 * HOUR },
        ],
      },
      broken: [['g1', 'unavailable']],
    },
  ])('$name', ({ profile, broken }) => {
    expect(assignmentsBrokenBy(profile, held, rules).map((c) => [c.matchId, c.kind])).toEqual(broken);
  });
});
