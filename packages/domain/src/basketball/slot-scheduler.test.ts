import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BasketballRuleError } from './errors.js';
import { generateRoundRobin } from './round-robin.js';
import {
  findScheduleConflicts,
  scheduleMatchSlots,
  type MatchScheduleRules,
  type MatchSlotInput,
  type SchedulablePairing,
  type ScheduledMatchRef,
} from './slot-scheduler.js';

const P = (round: number, homeTeamId: string, awayTeamId: string): SchedulablePairing => ({
  round,
  homeTeamId,
  awayTeamId,
});
const GYM = 'guoxin-gym';
const base = {
  startDate: '2023-07-10',
  endDate: '2023-07-16',
  dailySlots: ['19:30'],
  courts: [{ venueId: GYM, court: '1' }],
  timeZoneOffset: '+08:00',
  minRestHours: 20,
  matchDurationMinutes: 120,
} satisfies Omit<MatchSlotInput, 'pairings'>;

const twoCourts = [
  { venueId: GYM, court: '1' },
  { venueId: GYM, court: '2' },
];

const line = (p: { pairing: SchedulablePairing; startsAt: string; court: string }) =>
  `${p.startsAt} c${p.court} R${p.pairing.round} ${p.pairing.homeTeamId}-${p.pairing.awayTeamId}`;

describe('scheduleMatchSlots', () => {
  it('puts each round of a 4-team round robin on its own evening, two courts in parallel', () => {
    const pairings = generateRoundRobin(['A', 'B', 'C', 'D']).flatMap((r) => r.pairings);
    const result = scheduleMatchSlots({ ...base, pairings, courts: twoCourts });
    expect(result.unplaced).toEqual([]);
    expect(result.placed.map(line)).toEqual([
      '2023-07-10T19:30:00+08:00 c1 R1 A-D',
      '2023-07-10T19:30:00+08:00 c2 R1 B-C',
      '2023-07-11T19:30:00+08:00 c1 R2 D-B',
      '2023-07-11T19:30:00+08:00 c2 R2 C-A',
      '2023-07-12T19:30:00+08:00 c1 R3 C-D',
      '2023-07-12T19:30:00+08:00 c2 R3 A-B',
    ]);
  });

  it('keeps a team to one game a day even when a later slot that day is free', () => {
    const result = scheduleMatchSlots({
      ...base,
      minRestHours: 0,
      dailySlots: ['14:00', '19:30'],
      pairings: [P(1, 'A', 'B'), P(2, 'A', 'C'), P(2, 'B', 'D')],
    });
    expect(result.placed.map(line)).toEqual([
      '2023-07-10T14:00:00+08:00 c1 R1 A-B',
      '2023-07-11T14:00:00+08:00 c1 R2 A-C',
      '2023-07-11T19:30:00+08:00 c1 R2 B-D',
    ]);
  });

  it('respects the minimum rest across midnight', () => {
    // A court taken at 10:00 on day 1 pushes A–B to 22:00; A–C cannot be at 10:00 next day
    // (game ends 24:00, only 10 h rest), so it goes to 22:00.
    const fixedMatches: ScheduledMatchRef[] = [
      {
        id: 'other-event',
        homeTeamId: 'X',
        awayTeamId: 'Y',
        startsAt: '2023-07-10T10:00:00+08:00',
        venueId: GYM,
        court: '1',
      },
    ];
    const result = scheduleMatchSlots({
      ...base,
      dailySlots: ['10:00', '22:00'],
      minRestHours: 12,
      fixedMatches,
      pairings: [P(1, 'A', 'B'), P(2, 'A', 'C')],
    });
    expect(result.placed.map(line)).toEqual([
      '2023-07-10T22:00:00+08:00 c1 R1 A-B',
      '2023-07-11T22:00:00+08:00 c1 R2 A-C',
    ]);
  });

  it('treats overlapping slots on one court as busy, not just identical ones', () => {
    const result = scheduleMatchSlots({
      ...base,
      minRestHours: 0,
      dailySlots: ['19:00', '20:00'],
      endDate: '2023-07-10',
      pairings: [P(1, 'A', 'B'), P(1, 'C', 'D')],
    });
    expect(result.placed.map(line)).toEqual(['2023-07-10T19:00:00+08:00 c1 R1 A-B']);
    expect(result.unplaced).toMatchObject([{ pairing: P(1, 'C', 'D'), reason: 'no-free-slot' }]);
  });

  it('keeps rounds in order: a round never starts before the previous one when there is room', () => {
    const pairings = generateRoundRobin(['A', 'B', 'C', 'D', 'E', 'F'], { double: true }).flatMap((r) => r.pairings);
    const result = scheduleMatchSlots({
      ...base,
      endDate: '2023-08-31',
      dailySlots: ['15:00', '19:30'],
      courts: twoCourts,
      pairings,
    });
    expect(result.unplaced).toEqual([]);
    const sorted = [...result.placed].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    expect(sorted.map((p) => p.round)).toEqual([...sorted.map((p) => p.round)].sort((a, b) => a - b));
  });

  it('takes an earlier slot rather than leave a pairing out when the rounds cannot stay in order', () => {
    const fixedMatches: ScheduledMatchRef[] = [
      { id: 'f1', homeTeamId: 'X', awayTeamId: 'Y', startsAt: '2023-07-11T19:30:00+08:00', venueId: GYM, court: '2' },
    ];
    const result = scheduleMatchSlots({
      ...base,
      endDate: '2023-07-11',
      courts: twoCourts,
      fixedMatches,
      pairings: [P(1, 'A', 'B'), P(1, 'A', 'C'), P(2, 'D', 'E')],
    });
    expect(result.placed.map(line)).toEqual([
      '2023-07-10T19:30:00+08:00 c1 R1 A-B',
      '2023-07-11T19:30:00+08:00 c1 R1 A-C',
      '2023-07-10T19:30:00+08:00 c2 R2 D-E',
    ]);
  });

  it.each([
    {
      name: 'no court slot left',
      input: {
        ...base,
        endDate: '2023-07-11',
        pairings: generateRoundRobin(['A', 'B', 'C', 'D']).flatMap((r) => r.pairings),
      },
      placed: 2,
      unplaced: [
        { reason: 'no-free-slot', blockingTeamIds: [] },
        { reason: 'no-free-slot', blockingTeamIds: [] },
        { reason: 'no-free-slot', blockingTeamIds: [] },
        { reason: 'no-free-slot', blockingTeamIds: [] },
      ],
    },
    {
      name: 'a team already plays that day',
      input: {
        ...base,
        endDate: '2023-07-10',
        courts: [
          { venueId: GYM, court: '1' },
          { venueId: 'other', court: 'A' },
        ],
        pairings: [P(1, 'A', 'B'), P(2, 'A', 'C')],
      },
      placed: 1,
      unplaced: [{ pairing: P(2, 'A', 'C'), reason: 'team-unavailable', blockingTeamIds: ['A'] }],
    },
    {
      name: 'no courts at all',
      input: { ...base, courts: [], pairings: [P(1, 'A', 'B')] },
      placed: 0,
      unplaced: [{ reason: 'no-free-slot' }],
    },
  ])('reports unplaced pairings with a reason: $name', ({ input, placed, unplaced }) => {
    const result = scheduleMatchSlots(input);
    expect(result.placed).toHaveLength(placed);
    expect(result.unplaced).toMatchObject(unplaced);
    for (const u of result.unplaced) expect(u.detail).not.toBe('');
  });

  it('passes extra pairing fields through untouched', () => {
    const pairings = [{ ...P(1, 'A', 'B'), pairingId: 'p-1' }];
    const result = scheduleMatchSlots({ ...base, pairings });
    expect(result.placed[0]?.pairing.pairingId).toBe('p-1');
  });

  it.each([
    { name: 'bad date', patch: { startDate: '2023-02-30' } },
    { name: 'end before start', patch: { endDate: '2023-07-01' } },
    { name: 'bad slot', patch: { dailySlots: ['7:30pm'] } },
    { name: 'bad offset', patch: { timeZoneOffset: 'Asia/Shanghai' } },
    { name: 'negative rest', patch: { minRestHours: -1 } },
    { name: 'zero duration', patch: { matchDurationMinutes: 0 } },
    {
      name: 'duplicate court',
      patch: {
        courts: [
          { venueId: GYM, court: '1' },
          { venueId: GYM, court: '1' },
        ],
      },
    },
    { name: 'team v itself', patch: { pairings: [P(1, 'A', 'A')] } },
  ])('rejects $name', ({ patch }) => {
    expect(() => scheduleMatchSlots({ ...base, pairings: [P(1, 'A', 'B')], ...patch })).toThrow(BasketballRuleError);
  });
});

describe('scheduleMatchSlots — properties', () => {
  const arb = fc.record({
    teams: fc.integer({ min: 2, max: 9 }),
    double: fc.boolean(),
    days: fc.integer({ min: 1, max: 20 }),
    slots: fc.uniqueArray(fc.constantFrom('09:00', '10:30', '13:00', '15:00', '19:30', '21:00', '23:30'), {
      minLength: 1,
      maxLength: 4,
    }),
    courts: fc.integer({ min: 1, max: 3 }),
    restHours: fc.integer({ min: 0, max: 30 }),
    duration: fc.integer({ min: 40, max: 180 }),
    offset: fc.constantFrom('+08:00', '-05:00', '+00:00', '+05:45'),
  });

  it('never puts a team twice on a day, double-books a court, breaks rest, or drops a pairing', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const ids = Array.from({ length: a.teams }, (_, i) => `T${i}`);
        const pairings = generateRoundRobin(ids, { double: a.double }).flatMap((r) => r.pairings);
        const rules: MatchScheduleRules = {
          timeZoneOffset: a.offset,
          minRestHours: a.restHours,
          matchDurationMinutes: a.duration,
        };
        const end = new Date(Date.parse('2023-07-10T00:00:00Z') + (a.days - 1) * 86_400_000).toISOString().slice(0, 10);
        const courts = Array.from({ length: a.courts }, (_, i) => ({
          venueId: i === 2 ? 'annex' : GYM,
          court: String(i + 1),
        }));
        const result = scheduleMatchSlots({
          ...rules,
          pairings,
          startDate: '2023-07-10',
          endDate: end,
          dailySlots: a.slots,
          courts,
        });

        expect(result.placed.length + result.unplaced.length).toBe(pairings.length);
        expect(new Set([...result.placed, ...result.unplaced].map((x) => x.pairing)).size).toBe(pairings.length);

        const teamDays = new Set<string>();
        for (const p of result.placed) {
          const day = p.startsAt.slice(0, 10);
          expect(day >= '2023-07-10' && day <= end).toBe(true);
          expect(a.slots).toContain(p.startsAt.slice(11, 16));
          expect(p.startsAt.endsWith(a.offset)).toBe(true);
          for (const t of [p.pairing.homeTeamId, p.pairing.awayTeamId]) {
            expect(teamDays.has(`${t}@${day}`)).toBe(false);
            teamDays.add(`${t}@${day}`);
          }
        }
        // The single-match validator agrees that the whole result is clean.
        const refs: ScheduledMatchRef[] = result.placed.map((p, i) => ({
          id: `m${i}`,
          ...p.pairing,
          startsAt: p.startsAt,
          venueId: p.venueId,
          court: p.court,
        }));
        for (const ref of refs) expect(findScheduleConflicts(refs, ref, rules)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('findScheduleConflicts', () => {
  const rules: MatchScheduleRules = { timeZoneOffset: '+08:00', minRestHours: 20, matchDurationMinutes: 120 };
  const at = (startsAt: string, homeTeamId: string, awayTeamId: string, court = '2', venueId = GYM) => ({
    startsAt,
    homeTeamId,
    awayTeamId,
    court,
    venueId,
  });
  const m1: ScheduledMatchRef = { id: 'm1', ...at('2023-07-10T19:30:00+08:00', 'A', 'B', '1') };
  const m2: ScheduledMatchRef = { id: 'm2', ...at('2023-07-12T19:30:00+08:00', 'C', 'D', '1') };

  it.each([
    { name: 'clean', candidate: at('2023-07-11T19:30:00+08:00', 'E', 'F'), expected: [] },
    {
      name: 'same local day',
      candidate: at('2023-07-10T14:00:00+08:00', 'A', 'C'),
      expected: [['team-same-day', 'm1', 'A']],
    },
    {
      name: 'too little rest (ends 21:30, next 10:00)',
      candidate: at('2023-07-11T10:00:00+08:00', 'C', 'A'),
      expected: [['team-rest', 'm1', 'A']],
    },
    {
      name: 'both teams clash',
      candidate: at('2023-07-10T12:00:00+08:00', 'B', 'A'),
      expected: [
        ['team-same-day', 'm1', 'B'],
        ['team-same-day', 'm1', 'A'],
      ],
    },
    {
      name: 'court overlaps a running match',
      candidate: at('2023-07-10T20:30:00+08:00', 'E', 'F', '1'),
      expected: [['court-busy', 'm1', undefined]],
    },
    {
      name: 'court free right after the match ends',
      candidate: at('2023-07-10T21:30:00+08:00', 'E', 'F', '1'),
      expected: [],
    },
    {
      name: 'same court number at another venue',
      candidate: at('2023-07-10T19:30:00+08:00', 'E', 'F', '1', 'annex'),
      expected: [],
    },
    {
      name: 'other offset, same instant',
      candidate: at('2023-07-10T12:30:00Z', 'E', 'F', '1'),
      expected: [['court-busy', 'm1', undefined]],
    },
    {
      name: 'team and court at once',
      candidate: at('2023-07-12T19:30:00+08:00', 'D', 'G', '1'),
      expected: [
        ['team-same-day', 'm2', 'D'],
        ['court-busy', 'm2', undefined],
      ],
    },
  ])('$name', ({ candidate, expected }) => {
    const conflicts = findScheduleConflicts([m1, m2], candidate, rules);
    expect(conflicts.map((c) => [c.kind, c.matchId, c.teamId])).toEqual(expected);
    for (const c of conflicts) expect(c.message).toContain(c.matchId);
  });

  it('ignores the match being rescheduled', () => {
    expect(findScheduleConflicts([m1, m2], { ...m1, startsAt: '2023-07-10T20:00:00+08:00' }, rules)).toEqual([]);
    expect(
      findScheduleConflicts([m1, m2], { ...m1, id: 'new', startsAt: '2023-07-10T20:00:00+08:00' }, rules),
    ).toHaveLength(3);
  });

  it('judges the calendar day in local time, not UTC', () => {
    // 20:00 and 01:00 local (+08:00) are different days, though both are 10 July in UTC.
    const late: ScheduledMatchRef = { ...m1, startsAt: '2023-07-10T12:00:00Z' };
    const early = at('2023-07-10T17:00:00Z', 'A', 'C');
    expect(findScheduleConflicts([late], early, { ...rules, minRestHours: 0 })).toEqual([]);
    const utcRules = { ...rules, minRestHours: 0, timeZoneOffset: '+00:00' };
    expect(findScheduleConflicts([late], early, utcRules)).toMatchObject([{ kind: 'team-same-day' }]);
  });

  it('rejects a start time without an offset', () => {
    expect(() => findScheduleConflicts([m1], at('2023-07-10T19:30:00', 'E', 'F'), rules)).toThrow(BasketballRuleError);
  });
});
