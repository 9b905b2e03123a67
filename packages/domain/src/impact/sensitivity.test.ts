import { describe, expect, it } from 'vitest';
import { computeImpactSensitivity, estimateTourismImpact, type ImpactAssumptions } from './index.js';

const base: ImpactAssumptions = {
  groups: {
    spectators: {
      admissions: 3000,
      daysAttendedPerPerson: 1.5,
      localShare: 0.9,
      casualShare: 0.1,
      overnightShare: 0.5,
      nights: 2,
      bedNightPrice: 400,
      dailySpend: { catering: 300, shopping: 100, transport: 50 },
    },
    participants: {
      persons: 100,
      localShare: 0,
      overnightShare: 0, // all day visitors: bed-night price and nights have no effect
      nights: 3,
      bedNightPrice: 350,
      paidLodgingShare: 0.5,
      dailySpend: { catering: 100, shopping: 0, transport: 20 },
    },
  },
  multipliers: { output: 2.89, income: 0.65 },
  organiserSpend: 10_000,
};

describe('computeImpactSensitivity', () => {
  const result = computeImpactSensitivity(base);
  const entry = (field: string) => {
    const e = result.entries.find((x) => x.field === field);
    if (e === undefined) throw new Error(`no entry ${field}`);
    return e;
  };

  it('measures total direct spending at ±20 % by default', () => {
    expect(result.metric).toBe('direct');
    expect(result.step).toBe(0.2);
    expect(result.baseline).toBe(estimateTourismImpact(base).spending.total);
    const catering = entry('groups.spectators.dailySpend.catering');
    expect(catering.lowValue).toBeCloseTo(240, 9);
    expect(catering.highValue).toBeCloseTo(360, 9);
    expect(catering.atLow).toBeLessThan(result.baseline);
    expect(catering.atHigh).toBeGreaterThan(result.baseline);
  });

  it.each([
    'groups.participants.bedNightPrice',
    'groups.participants.nights',
    'groups.participants.paidLodgingShare',
    'groups.participants.dailySpend.shopping',
    'groups.participants.casualShare',
    'multipliers.output',
    'multipliers.income',
  ])('a zero-effect field has zero swing: %s', (field) => {
    const e = entry(field);
    expect(e.swing).toBe(0);
    expect(e.atLow).toBe(result.baseline);
    expect(e.atHigh).toBe(result.baseline);
  });

  it('clamps shares to [0, 1] and days attended to ≥ 1', () => {
    const local = entry('groups.spectators.localShare');
    expect(local.highValue).toBe(1);
    expect(local.atHigh).toBe(
      0 + estimateTourismImpact({ ...base, groups: { participants: base.groups.participants } }).spending.total,
    );
    expect(entry('groups.participants.paidLodgingShare').highValue).toBeCloseTo(0.6, 12);
    expect(entry('groups.spectators.daysAttendedPerPerson').lowValue).toBeCloseTo(1.2, 12);
  });

  it('moves omitted optional fields from their neutral default and skips unused ones', () => {
    expect(entry('groups.spectators.paidLodgingShare')).toMatchObject({ baseValue: 1, highValue: 1 });
    expect(entry('groups.spectators.paidLodgingShare').lowValue).toBeCloseTo(0.8, 12);
    const fields = result.entries.map((e) => e.field);
    expect(fields).not.toContain('groups.spectators.persons');
    expect(fields).not.toContain('groups.participants.admissions');
    expect(fields).not.toContain('groups.participants.daysAttendedPerPerson');
    expect(fields).not.toContain('groups.spectators.repeatAttendanceShare');
    expect(fields).toContain('organiserSpend');
  });

  it('is sorted by swing, largest first', () => {
    const swings = result.entries.map((e) => e.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(result.entries[0]?.swing).toBeGreaterThan(0);
  });

  it('can measure other figures', () => {
    const gross = computeImpactSensitivity(base, { metric: 'grossOutput', step: 0.1 });
    const out = gross.entries.find((e) => e.field === 'multipliers.output');
    expect(out?.swing).toBeCloseTo(0.2 * 2.89 * estimateTourismImpact(base).spending.total, 4);
    const visitors = computeImpactSensitivity(base, { metric: 'visitors' });
    expect(visitors.entries.find((e) => e.field === 'groups.spectators.bedNightPrice')?.swing).toBe(0);
  });
});
