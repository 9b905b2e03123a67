import { describe, expect, it } from 'vitest';
import { parseImpactAssumptions, validateImpactAssumptions, type ImpactAssumptions } from './index.js';

function valid(): ImpactAssumptions {
  return {
    label: 'what-if',
    currency: 'CNY',
    groups: {
      participants: {
        persons: 6000,
        localShare: 0.4,
        companionsPerPerson: 1.5,
        overnightShare: 0.9,
        nights: 4,
        bedNightPrice: 350,
        dailySpend: { catering: 300, shopping: 150, transport: 100, entertainment: 50 },
      },
      spectators: {
        admissions: { value: 150000, unit: 'admissions', source: 'assumption' },
        daysAttendedPerPerson: 1.5,
        localShare: { value: 0.4, unit: 'share', source: 'assumption', note: 'impact-model.md' },
        casualShare: 0.15,
        overnightShare: 0.9,
        nights: 2.5,
        bedNightPrice: 400,
        dailySpend: { catering: 360, shopping: 240, transport: 100, other: 80 },
      },
    },
    multipliers: { output: 2.89, income: 0.65 },
    organiserSpend: 0,
  };
}

/** A deep copy of the valid object with one path set (undefined deletes). */
function withField(path: string, value: unknown): unknown {
  const root = JSON.parse(JSON.stringify(valid())) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let node: Record<string, unknown> = root;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return root;
}

describe('validateImpactAssumptions', () => {
  it('accepts a valid object (bare and sourced values)', () => {
    expect(validateImpactAssumptions(valid())).toEqual([]);
    const parsed = parseImpactAssumptions(valid());
    expect(parsed.ok).toBe(true);
  });

  it('rejects localShare 1.7 naming localShare in the field path', () => {
    const errors = validateImpactAssumptions(withField('groups.spectators.localShare', 1.7));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe('groups.spectators.localShare');
    expect(errors[0]?.message).toMatch(/0 to 1/);
  });

  it.each([
    [
      'groups.spectators.localShare',
      { value: 1.7, unit: 'share', source: 'assumption' },
      'groups.spectators.localShare',
    ],
    ['groups.spectators.casualShare', -0.1, 'groups.spectators.casualShare'],
    ['groups.participants.paidLodgingShare', 2, 'groups.participants.paidLodgingShare'],
    ['groups.spectators.admissions', -5, 'groups.spectators.admissions'],
    ['groups.participants.persons', Number.POSITIVE_INFINITY, 'groups.participants.persons'],
    ['groups.participants.companionsPerPerson', Number.NaN, 'groups.participants.companionsPerPerson'],
    ['groups.spectators.bedNightPrice', -1, 'groups.spectators.bedNightPrice'],
    // Finite but absurd: 1e308 visitors made the estimate's total overflow to Infinity (JSON null).
    ['groups.participants.persons', 1e308, 'groups.participants.persons'],
    ['groups.spectators.bedNightPrice', 1e308, 'groups.spectators.bedNightPrice'],
    ['groups.spectators.dailySpend.catering', 1e13, 'groups.spectators.dailySpend.catering'],
    ['groups.spectators.dailySpend.catering', -1, 'groups.spectators.dailySpend.catering'],
    ['groups.spectators.nights', 61, 'groups.spectators.nights'],
    ['groups.spectators.nights', -1, 'groups.spectators.nights'],
    ['groups.spectators.daysAttendedPerPerson', 0.5, 'groups.spectators.daysAttendedPerPerson'],
    ['multipliers.output', -2, 'multipliers.output'],
    ['organiserSpend', -100, 'organiserSpend'],
    ['groups.spectators.localShare', '0.4', 'groups.spectators.localShare'],
    ['groups.spectators.localShare', null, 'groups.spectators.localShare'],
    ['groups.spectators.localShare', [0.4], 'groups.spectators.localShare'],
    ['groups.spectators.localShare', undefined, 'groups.spectators.localShare'],
    ['groups.spectators.localShare', { value: 0.4 }, 'groups.spectators.localShare.source'],
    [
      'groups.spectators.localShare',
      { value: 0.4, source: 'assumption', unit: 3 },
      'groups.spectators.localShare.unit',
    ],
    ['groups.spectators.localShare', { source: 'assumption' }, 'groups.spectators.localShare.value'],
    ['groups.spectators.localShare', { value: 0.4, source: 'x', extra: 1 }, 'groups.spectators.localShare.extra'],
    ['groups.spectators.localshare', 0.4, 'groups.spectators.localshare'],
    ['groups.visitors', {}, 'groups.visitors'],
    ['groups.spectators.dailySpend.food', 1, 'groups.spectators.dailySpend.food'],
    ['groups.spectators.dailySpend', 780, 'groups.spectators.dailySpend'],
    ['groups.spectators', 'many', 'groups.spectators'],
    ['groups.spectators.persons', 100000, 'groups.spectators.persons'],
    ['groups.spectators.admissions', undefined, 'groups.spectators.admissions'],
    ['groups', undefined, 'groups'],
    ['multipliers', undefined, 'multipliers'],
    ['multipliers.income', undefined, 'multipliers.income'],
    ['currency', 'USD', 'currency'],
    ['label', 42, 'label'],
    ['unexpected', true, 'unexpected'],
    [
      'groups.companions',
      {
        persons: 10,
        localShare: 0,
        overnightShare: 0,
        nights: 0,
        bedNightPrice: 0,
        dailySpend: { catering: 0, shopping: 0, transport: 0 },
      },
      'groups.participants.companionsPerPerson',
    ],
  ])('%s = %j → error at %s', (path, value, field) => {
    const errors = validateImpactAssumptions(withField(path, value));
    expect(errors.map((e) => e.field)).toContain(field);
    expect(parseImpactAssumptions(withField(path, value)).ok).toBe(false);
  });

  it.each([null, undefined, 42, 'assumptions', [], [valid()], true])('never throws on %j', (input) => {
    const errors = validateImpactAssumptions(input);
    expect(errors).toEqual([{ field: '', message: expect.any(String) }]);
  });

  it('never throws on hostile objects', () => {
    const hostile = {
      get groups(): never {
        throw new Error('boom');
      },
    };
    expect(() => validateImpactAssumptions(hostile)).not.toThrow();
    expect(validateImpactAssumptions(hostile).length).toBeGreaterThan(0);
    expect(validateImpactAssumptions(Object.create(null))).toEqual(
      expect.arrayContaining([{ field: 'groups', message: 'is required' }]),
    );
  });

  it('reports every problem, not just the first', () => {
    const input = withField('groups.spectators.localShare', 1.7) as ImpactAssumptions;
    input.groups.spectators!.nights = 100;
    input.multipliers.output = -1;
    expect(validateImpactAssumptions(input).map((e) => e.field)).toEqual([
      'groups.spectators.localShare',
      'groups.spectators.nights',
      'multipliers.output',
    ]);
  });
});
