import { describe, expect, it } from 'vitest';
import {
  estimateTourismImpact,
  normalizeImpactAssumptions,
  resolveImpactValue,
  type ImpactAssumptions,
  type ImpactGroupAssumptions,
} from './index.js';

/** A simple group: 1,000 persons, nobody local, all overnight, 2 nights at 100, 10 yuan/day per category. */
function group(overrides: Partial<ImpactGroupAssumptions> = {}): ImpactGroupAssumptions {
  return {
    persons: 1000,
    localShare: 0,
    overnightShare: 1,
    nights: 2,
    bedNightPrice: 100,
    dailySpend: { catering: 10, shopping: 10, transport: 10, other: 10 },
    ...overrides,
  };
}

function scenario(groups: ImpactAssumptions['groups'], extra: Partial<ImpactAssumptions> = {}): ImpactAssumptions {
  return { groups, multipliers: { output: 2, income: 0.5 }, ...extra };
}

describe('resolveImpactValue / normalizeImpactAssumptions', () => {
  it.each([
    [5, 5],
    [{ value: 0.4, unit: 'share', source: 'assumption' }, 0.4],
    [{ value: 350, source: 'impact-model.md' }, 350],
  ])('resolves %j to %d', (raw, expected) => {
    expect(resolveImpactValue(raw)).toBe(expected);
  });

  it('fills neutral defaults and turns admissions into unique persons', () => {
    const resolved = normalizeImpactAssumptions(
      scenario({
        spectators: group({ persons: undefined, admissions: { value: 300, source: 'x' }, daysAttendedPerPerson: 1.5 }),
      }),
    );
    expect(resolved.groups.spectators).toMatchObject({
      uniquePersons: 200,
      casualShare: 0,
      companionsPerPerson: 0,
      paidLodgingShare: 1,
      repeatAttendanceShare: 0,
      dailySpend: { entertainment: 0 },
    });
    expect(resolved.organiserSpend).toBe(0);
  });
});

describe('estimateTourismImpact', () => {
  // Per visitor with ω=1, σ=1, n=2, b=100: accommodation 200; 3 days × 10 per category.
  const cases: ReadonlyArray<{
    name: string;
    overrides: Partial<ImpactGroupAssumptions>;
    visitors: number;
    nights: number;
    accommodation: number;
    catering: number;
  }> = [
    {
      name: 'all non-local, overnight',
      overrides: {},
      visitors: 1000,
      nights: 2000,
      accommodation: 200_000,
      catering: 30_000,
    },
    {
      name: '40 % local',
      overrides: { localShare: 0.4 },
      visitors: 600,
      nights: 1200,
      accommodation: 120_000,
      catering: 18_000,
    },
    {
      name: 'casuals',
      overrides: { localShare: 0.5, casualShare: 0.2 },
      visitors: 400,
      nights: 800,
      accommodation: 80_000,
      catering: 12_000,
    },
    {
      name: 'day visitors only',
      overrides: { overnightShare: 0 },
      visitors: 1000,
      nights: 0,
      accommodation: 0,
      catering: 10_000,
    },
    {
      name: 'half overnight',
      overrides: { overnightShare: 0.5 },
      visitors: 1000,
      nights: 1000,
      accommodation: 100_000,
      catering: 20_000,
    },
    {
      name: 'half in paid lodging',
      overrides: { paidLodgingShare: 0.5 },
      visitors: 1000,
      nights: 2000,
      accommodation: 100_000,
      catering: 30_000,
    },
    {
      name: 'admissions / days',
      overrides: { persons: undefined, admissions: 3000, daysAttendedPerPerson: 3 },
      visitors: 1000,
      nights: 2000,
      accommodation: 200_000,
      catering: 30_000,
    },
    { name: 'everybody local', overrides: { localShare: 1 }, visitors: 0, nights: 0, accommodation: 0, catering: 0 },
  ];

  it.each(cases)('$name', ({ overrides, visitors, nights, accommodation, catering }) => {
    const e = estimateTourismImpact(scenario({ spectators: group(overrides) }));
    expect(e.visitors).toBeCloseTo(visitors, 6);
    expect(e.visitorsByGroup.spectators).toBeCloseTo(visitors, 6);
    expect(e.visitorNights).toBeCloseTo(nights, 6);
    expect(e.spending.accommodation).toBeCloseTo(accommodation, 6);
    expect(e.spending.catering).toBeCloseTo(catering, 6);
    expect(e.spending.total).toBeCloseTo(accommodation + 4 * catering, 6);
  });

  it('zero visitors give zero everything', () => {
    const e = estimateTourismImpact(
      scenario({ participants: group({ persons: 0, companionsPerPerson: 2 }), spectators: group({ persons: 0 }) }),
    );
    expect(e.visitors).toBe(0);
    expect(e.visitorNights).toBe(0);
    expect(e.spending).toEqual({ accommodation: 0, catering: 0, shopping: 0, transport: 0, other: 0, total: 0 });
    expect(e.grossOutput).toBe(0);
    expect(e.income).toBe(0);
  });

  it('no groups at all is a valid, empty estimate', () => {
    const e = estimateTourismImpact(scenario({}));
    expect(e.visitors).toBe(0);
    expect(e.spending.total).toBe(0);
  });

  it('derives companions from π with the profile of the group they accompany', () => {
    const e = estimateTourismImpact(scenario({ participants: group({ localShare: 0.4, companionsPerPerson: 1.5 }) }));
    expect(e.companionsBasis).toBe('derived');
    expect(e.visitorsByGroup.participants).toBeCloseTo(600, 9);
    expect(e.visitorsByGroup.companions).toBeCloseTo(900, 9);
    expect(e.visitors).toBeCloseTo(1500, 9); // U·(1−ρ)·(1−κ)·(1+π)
    expect(e.spendingByGroup.companions.total).toBeCloseTo(1.5 * e.spendingByGroup.participants.total, 6);
  });

  it('explicit companions replace the derived ones (never both)', () => {
    const e = estimateTourismImpact(
      scenario({
        participants: group({ companionsPerPerson: 1.5 }),
        companions: group({ persons: 200, localShare: 0.5, nights: 1 }),
      }),
    );
    expect(e.companionsBasis).toBe('explicit');
    expect(e.visitorsByGroup.companions).toBeCloseTo(100, 9);
    expect(e.visitorsByGroup.participants).toBeCloseTo(1000, 9);
    expect(e.visitors).toBeCloseTo(1100, 9);
  });

  it('reports entertainment under other, and organisers’ net spend as an additive direct item', () => {
    const base = scenario({
      spectators: group({ dailySpend: { catering: 0, shopping: 0, transport: 0, other: 5, entertainment: 15 } }),
    });
    const e = estimateTourismImpact(base);
    expect(e.spending.other).toBeCloseTo(1000 * 3 * 20, 6);
    const withOrganiser = estimateTourismImpact({
      ...base,
      organiserSpend: { value: 1_000_000, unit: 'yuan', source: 'assumption' },
    });
    expect(withOrganiser.organiserSpend).toBe(1_000_000);
    expect(withOrganiser.spending.other - e.spending.other).toBeCloseTo(1_000_000, 6);
    expect(withOrganiser.spending.total - e.spending.total).toBeCloseTo(1_000_000, 6);
    expect(withOrganiser.spendingByGroup).toEqual(e.spendingByGroup);
    expect(withOrganiser.visitors).toBe(e.visitors);
  });

  it('shows output and income beside direct spending, never inside it', () => {
    const e = estimateTourismImpact(scenario({ spectators: group() }));
    expect(e.multipliers).toEqual({ output: 2, income: 0.5 });
    expect(e.grossOutput).toBeCloseTo(2 * e.spending.total, 6);
    expect(e.income).toBeCloseTo(0.5 * e.spending.total, 6);
    const sumOfCategories =
      e.spending.accommodation + e.spending.catering + e.spending.shopping + e.spending.transport + e.spending.other;
    expect(e.spending.total).toBe(sumOfCategories);
  });

  it('does not round', () => {
    const e = estimateTourismImpact(scenario({ spectators: group({ persons: 1, localShare: 1 / 3 }) }));
    expect(Number.isInteger(e.spending.total)).toBe(false);
  });
});
