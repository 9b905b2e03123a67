import { describe, expect, it } from 'vitest';
import {
  applyRegistrationActuals,
  estimateSeasonImpact,
  estimateTourismImpact,
  type ImpactAssumptions,
  type ImpactGroupAssumptions,
} from './index.js';

function group(overrides: Partial<ImpactGroupAssumptions> = {}): ImpactGroupAssumptions {
  return {
    persons: 1000,
    localShare: 0.5,
    overnightShare: 1,
    nights: 2,
    bedNightPrice: 100,
    dailySpend: { catering: 10, shopping: 10, transport: 10 },
    ...overrides,
  };
}

const summerLeague: ImpactAssumptions = {
  groups: { participants: group({ persons: 200, companionsPerPerson: 1 }), spectators: group({ persons: 4000 }) },
  multipliers: { output: 2.89, income: 0.65 },
  organiserSpend: 50_000,
};

const camp = (spectatorOverlap: number, participantOverlap = 0): ImpactAssumptions => ({
  groups: {
    participants: group({ persons: 100, companionsPerPerson: 1, repeatAttendanceShare: participantOverlap }),
    spectators: group({
      persons: 1000,
      repeatAttendanceShare: { value: spectatorOverlap, unit: 'share', source: 'assumption' },
    }),
  },
  multipliers: { output: 2.89, income: 0.65 },
});

describe('estimateSeasonImpact', () => {
  it('an empty season is zero', () => {
    const s = estimateSeasonImpact([]);
    expect(s.visitors).toBe(0);
    expect(s.spending.total).toBe(0);
    expect(s.events).toEqual([]);
  });

  it('without overlap it is the sum of the events', () => {
    const a = estimateTourismImpact(summerLeague);
    const b = estimateTourismImpact(camp(0));
    const s = estimateSeasonImpact([
      { eventId: 'cba-summer', label: 'CBA Summer League', assumptions: summerLeague },
      { eventId: 'camp', assumptions: camp(0) },
    ]);
    expect(s.visitors).toBeCloseTo(a.visitors + b.visitors, 9);
    expect(s.visitorNights).toBeCloseTo(a.visitorNights + b.visitorNights, 9);
    expect(s.spending.total).toBeCloseTo(a.spending.total + b.spending.total, 6);
    expect(s.organiserSpend).toBe(50_000);
    expect(s.multipliers).toEqual({ output: 2.89, income: 0.65 });
    expect(s.grossOutput).toBeCloseTo(2.89 * s.spending.total, 4);
    expect(s.repeatVisitorsRemoved).toBeCloseTo(0, 9);
    expect(s.events.map((e) => e.label)).toEqual(['CBA Summer League', undefined]);
  });

  it.each([
    { overlap: 0.25, participantOverlap: 0, removed: 0.25 * 500 },
    { overlap: 1, participantOverlap: 0, removed: 500 },
    { overlap: 0, participantOverlap: 0.5, removed: 0.5 * (50 + 50) }, // companions follow their host's overlap
  ])(
    'removes repeat attendees: spectators $overlap, participants $participantOverlap',
    ({ overlap, participantOverlap, removed }) => {
      const events = [
        { eventId: 'cba-summer', assumptions: summerLeague },
        { eventId: 'camp', assumptions: camp(overlap, participantOverlap) },
      ];
      const s = estimateSeasonImpact(events);
      const standalone = estimateTourismImpact(summerLeague).visitors + estimateTourismImpact(camp(0)).visitors;
      expect(s.repeatVisitorsRemoved).toBeCloseTo(removed, 9);
      expect(s.visitors).toBeCloseTo(standalone - removed, 9);
      const campResult = s.events[1];
      expect(campResult?.standalone.visitors).toBeCloseTo(estimateTourismImpact(camp(0)).visitors, 9);
      expect(campResult?.seasonContribution.spending.total).toBeLessThanOrEqual(
        campResult?.standalone.spending.total ?? 0,
      );
    },
  );

  it('combines different multipliers per event into gross output and effective multipliers', () => {
    const other: ImpactAssumptions = { ...camp(0), multipliers: { output: 2, income: 0.5 } };
    const s = estimateSeasonImpact([
      { eventId: 'a', assumptions: summerLeague },
      { eventId: 'b', assumptions: other },
    ]);
    const a = estimateTourismImpact(summerLeague);
    const b = estimateTourismImpact(other);
    expect(s.grossOutput).toBeCloseTo(a.grossOutput + b.grossOutput, 4);
    expect(s.multipliers.output).toBeCloseTo(s.grossOutput / s.spending.total, 12);
  });

  it('refuses the same event twice', () => {
    expect(() =>
      estimateSeasonImpact([
        { eventId: 'a', assumptions: summerLeague },
        { eventId: 'a', assumptions: summerLeague },
      ]),
    ).toThrow(RangeError);
  });
});

describe('applyRegistrationActuals', () => {
  const assumed: ImpactAssumptions = {
    groups: {
      participants: group({
        persons: undefined,
        admissions: { value: 6000, unit: 'admissions', source: 'article' },
        companionsPerPerson: 1.5,
      }),
      spectators: group(),
    },
    multipliers: { output: 2.89, income: 0.65 },
  };

  it('replaces the assumed participant count with the confirmed one', () => {
    const actual = applyRegistrationActuals(assumed, { confirmedParticipants: 4200 });
    expect(actual.groups.participants?.persons).toMatchObject({ value: 4200, source: 'registration actuals' });
    expect(actual.groups.participants?.admissions).toBeUndefined();
    expect(actual.groups.spectators).toBe(assumed.groups.spectators);
    const e = estimateTourismImpact(actual);
    expect(e.visitorsByGroup.participants).toBeCloseTo(2100, 9);
    expect(e.visitorsByGroup.companions).toBeCloseTo(3150, 9); // companions follow
    expect(assumed.groups.participants?.admissions).toBeDefined(); // input untouched
  });

  it.each([undefined, null])('keeps the assumptions when there are no actuals (%s)', (confirmedParticipants) => {
    expect(applyRegistrationActuals(assumed, { confirmedParticipants })).toBe(assumed);
  });

  it.each([-1, 2.5, Number.NaN])('rejects a count of %s', (n) => {
    expect(() => applyRegistrationActuals(assumed, { confirmedParticipants: n })).toThrow(RangeError);
  });

  it('refuses actuals without a participants profile', () => {
    expect(() =>
      applyRegistrationActuals({ ...assumed, groups: { spectators: group() } }, { confirmedParticipants: 10 }),
    ).toThrow(RangeError);
  });
});
