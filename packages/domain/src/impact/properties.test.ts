// Property tests (fast-check) over random valid assumptions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IMPACT_GROUP_KEYS,
  computeImpactSensitivity,
  estimateSeasonImpact,
  estimateTourismImpact,
  validateImpactAssumptions,
  type ImpactAssumptionValue,
  type ImpactAssumptions,
  type ImpactGroupAssumptions,
  type ImpactGroupKey,
} from './index.js';

const share = fc.double({ min: 0, max: 1, noNaN: true });
const amount = (max: number) => fc.double({ min: 0, max, noNaN: true });
/** Bare or sourced, to exercise the normaliser. */
const value = (arb: fc.Arbitrary<number>): fc.Arbitrary<ImpactAssumptionValue> =>
  fc.oneof(
    arb,
    arb.map((v) => ({ value: v, unit: 'test', source: 'assumption' })),
  );

const groupArb = (allowCompanions: boolean): fc.Arbitrary<ImpactGroupAssumptions> =>
  fc
    .record(
      {
        count: fc.oneof(
          fc.record({ persons: value(amount(1e6)) }),
          fc.record({
            admissions: value(amount(1e6)),
            daysAttendedPerPerson: value(fc.double({ min: 1, max: 20, noNaN: true })),
          }),
        ),
        localShare: value(share),
        casualShare: value(share),
        companionsPerPerson: value(allowCompanions ? amount(5) : fc.constant(0)),
        overnightShare: value(share),
        paidLodgingShare: value(share),
        nights: value(amount(60)),
        bedNightPrice: value(amount(5000)),
        repeatAttendanceShare: value(share),
        dailySpend: fc.record(
          {
            catering: value(amount(3000)),
            shopping: value(amount(3000)),
            transport: value(amount(1000)),
            other: value(amount(1000)),
            entertainment: value(amount(1000)),
          },
          { requiredKeys: ['catering', 'shopping', 'transport'] },
        ),
      },
      { requiredKeys: ['count', 'localShare', 'overnightShare', 'nights', 'bedNightPrice', 'dailySpend'] },
    )
    .map(({ count, ...rest }) => ({ ...count, ...rest }));

const assumptionsArb: fc.Arbitrary<ImpactAssumptions> = fc.boolean().chain((explicitCompanions) =>
  fc.record(
    {
      groups: fc
        .record(
          {
            participants: groupArb(!explicitCompanions),
            companions: explicitCompanions ? groupArb(false) : fc.constant(undefined),
            spectators: groupArb(!explicitCompanions),
            officialsMedia: groupArb(!explicitCompanions),
          },
          { requiredKeys: [] },
        )
        .map((groups) => JSON.parse(JSON.stringify(groups)) as ImpactAssumptions['groups']),
      multipliers: fc.record({ output: value(amount(5)), income: value(amount(2)) }),
      organiserSpend: value(amount(1e8)),
    },
    { requiredKeys: ['groups', 'multipliers'] },
  ),
);

const groupKeyArb = fc.constantFrom<ImpactGroupKey>(...IMPACT_GROUP_KEYS);

function setShare(
  a: ImpactAssumptions,
  key: ImpactGroupKey,
  field: 'localShare' | 'casualShare',
  v: number,
): ImpactAssumptions {
  const group = a.groups[key];
  return group === undefined ? a : { ...a, groups: { ...a.groups, [key]: { ...group, [field]: v } } };
}

describe('model properties', () => {
  it('generated assumptions are valid', () => {
    fc.assert(fc.property(assumptionsArb, (a) => validateImpactAssumptions(a).length === 0));
  });

  it('spending categories add up to the total; everything is finite and non-negative', () => {
    fc.assert(
      fc.property(assumptionsArb, (a) => {
        const e = estimateTourismImpact(a);
        const s = e.spending;
        const sum = s.accommodation + s.catering + s.shopping + s.transport + s.other;
        expect(Math.abs(sum - s.total)).toBeLessThanOrEqual(1e-9 * Math.max(1, s.total));
        const byGroup = IMPACT_GROUP_KEYS.reduce((t, k) => t + e.spendingByGroup[k].total, 0);
        expect(Math.abs(byGroup + e.organiserSpend - s.total)).toBeLessThanOrEqual(1e-9 * Math.max(1, s.total));
        for (const x of [e.visitors, e.visitorNights, s.total, e.grossOutput, e.income, ...Object.values(s)]) {
          expect(Number.isFinite(x) && x >= 0).toBe(true);
        }
      }),
    );
  });

  it('zero persons give zero visitors and zero visitor spending', () => {
    fc.assert(
      fc.property(assumptionsArb, (a) => {
        const groups = Object.fromEntries(
          Object.entries(a.groups).map(([k, g]) => {
            const { admissions: _a, ...rest } = g;
            return [k, { ...rest, persons: 0 }];
          }),
        ) as ImpactAssumptions['groups'];
        const e = estimateTourismImpact({ ...a, groups, organiserSpend: 0 });
        expect(e.visitors).toBe(0);
        expect(e.visitorNights).toBe(0);
        expect(e.spending.total).toBe(0);
        expect(e.grossOutput).toBe(0);
      }),
    );
  });

  it.each(['localShare', 'casualShare'] as const)('spending never rises when %s rises', (field) => {
    fc.assert(
      fc.property(assumptionsArb, groupKeyArb, share, share, (a, key, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const atLo = estimateTourismImpact(setShare(a, key, field, lo));
        const atHi = estimateTourismImpact(setShare(a, key, field, hi));
        expect(atHi.spending.total).toBeLessThanOrEqual(atLo.spending.total);
        expect(atHi.visitors).toBeLessThanOrEqual(atLo.visitors);
      }),
    );
  });

  it('a season never exceeds the sum of its events, and equals it without overlap', () => {
    fc.assert(
      fc.property(fc.array(assumptionsArb, { maxLength: 4 }), (list) => {
        const events = list.map((assumptions, i) => ({ eventId: `e${i}`, assumptions }));
        const season = estimateSeasonImpact(events);
        const standalone = list.map((a) => estimateTourismImpact(a));
        const sum = standalone.reduce((t, e) => t + e.spending.total, 0);
        const tol = 1e-9 * Math.max(1, sum);
        expect(season.spending.total).toBeLessThanOrEqual(sum + tol);
        expect(season.repeatVisitorsRemoved).toBeGreaterThanOrEqual(-1e-9 * Math.max(1, season.visitors));
        const noOverlap = estimateSeasonImpact(
          events.map((e) => ({
            ...e,
            assumptions: {
              ...e.assumptions,
              groups: Object.fromEntries(
                Object.entries(e.assumptions.groups).map(([k, g]) => [k, { ...g, repeatAttendanceShare: 0 }]),
              ),
            },
          })),
        );
        expect(Math.abs(noOverlap.spending.total - sum)).toBeLessThanOrEqual(tol);
      }),
    );
  });

  it('sensitivity swings are non-negative, sorted, and zero for fields that cannot matter', () => {
    fc.assert(
      fc.property(assumptionsArb, (a) => {
        const result = computeImpactSensitivity(a);
        const swings = result.entries.map((e) => e.swing);
        expect(swings.every((s) => s >= 0)).toBe(true);
        expect(swings).toEqual([...swings].sort((x, y) => y - x));
        for (const e of result.entries) {
          if (e.field.startsWith('multipliers.')) expect(e.swing).toBe(0);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('bed-night price has no effect when nobody stays overnight', () => {
    fc.assert(
      fc.property(assumptionsArb, groupKeyArb, (a, key) => {
        const group = a.groups[key];
        if (group === undefined) return;
        const dayOnly = { ...a, groups: { ...a.groups, [key]: { ...group, overnightShare: 0 } } };
        const entry = computeImpactSensitivity(dayOnly).entries.find((e) => e.field === `groups.${key}.bedNightPrice`);
        expect(entry?.swing).toBe(0);
      }),
      { numRuns: 50 },
    );
  });
});

describe('validation never throws', () => {
  it('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        expect(Array.isArray(validateImpactAssumptions(input))).toBe(true);
      }),
    );
  });

  it('on anything', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withMap: true,
          withSet: true,
          withDate: true,
          withTypedArray: true,
          withNullPrototype: true,
          withSparseArray: true,
        }),
        (input) => {
          expect(Array.isArray(validateImpactAssumptions(input))).toBe(true);
        },
      ),
    );
  });

  it('on valid objects with one random field replaced', () => {
    fc.assert(
      fc.property(assumptionsArb, groupKeyArb, fc.anything(), (a, key, junk) => {
        const group = a.groups[key];
        if (group === undefined) return;
        const broken = { ...a, groups: { ...a.groups, [key]: { ...group, nights: junk } } };
        const errors = validateImpactAssumptions(broken);
        const ok = typeof junk === 'number' && Number.isFinite(junk) && junk >= 0 && junk <= 60;
        if (!ok) expect(errors.some((e) => e.field.startsWith(`groups.${key}.nights`))).toBe(true);
      }),
    );
  });
});
