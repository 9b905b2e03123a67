import { validateImpactAssumptions, type ImpactAssumptions } from '@sailcourt/domain';
import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  assumptionSections,
  type EditedValue,
  fromEditText,
  normalizeSource,
  toEditText,
} from './assumptions.js';

const STORED: ImpactAssumptions = {
  groups: {
    spectators: {
      admissions: { value: 150_000, unit: 'admissions', source: 'assumption', note: 'calibrated' },
      daysAttendedPerPerson: 1.5,
      localShare: { value: 0.4, unit: 'share', source: 'assumption' },
      overnightShare: 0.9,
      nights: 2.5,
      bedNightPrice: 400,
      dailySpend: { catering: 360, shopping: 240, transport: 100 },
    },
    participants: {
      persons: { value: 6000, source: 'Article' },
      localShare: 0.4,
      overnightShare: 0.9,
      nights: 4,
      bedNightPrice: 350,
      dailySpend: { catering: 300, shopping: 150, transport: 100 },
    },
  },
  multipliers: { output: 2.89, income: { value: 0.65, source: 'Shanghai I–O study' } },
};

describe('the assumption catalogue', () => {
  const sections = assumptionSections(STORED);

  it('lists groups in the model order, fields in the catalogue order, then the season-wide ones', () => {
    expect(sections.map((s) => s.group)).toEqual(['participants', 'spectators', null]);
    const spectators = sections[1]?.rows.map((r) => r.name) ?? [];
    expect(spectators.slice(0, 5)).toEqual([
      'admissions',
      'daysAttendedPerPerson',
      'localShare',
      'casualShare',
      'companionsPerPerson',
    ]);
    expect(spectators).not.toContain('persons');
    expect(sections[0]?.rows.map((r) => r.name)).not.toContain('admissions');
    expect(sections[2]?.rows.map((r) => r.path)).toEqual([
      'multipliers.output',
      'multipliers.income',
      'organiserSpend',
    ]);
  });

  it('gives each value its unit and source, and unset optional fields their neutral default', () => {
    const rows = sections.flatMap((s) => s.rows);
    expect(rows.find((r) => r.path === 'groups.spectators.admissions')).toMatchObject({
      value: 150_000,
      unit: 'admissions',
      source: 'assumption',
      note: 'calibrated',
    });
    expect(rows.find((r) => r.path === 'groups.spectators.casualShare')).toMatchObject({ value: null, neutral: 0 });
    expect(rows.find((r) => r.path === 'groups.spectators.paidLodgingShare')).toMatchObject({
      value: null,
      neutral: 1,
    });
    expect(rows.find((r) => r.path === 'groups.spectators.nights')).toMatchObject({ value: 2.5, source: null });
  });

  it('puts edits back, keeping unit and note, and names what is not a number', () => {
    const edits = new Map<string, EditedValue>([
      ['groups.spectators.admissions', { value: '160000', source: 'Ticketing report' }],
      ['groups.spectators.nights', { value: '3', source: '' }],
      ['multipliers.output', { value: '2.5', source: 'assumption' }],
    ]);
    const result = applyEdits(STORED, edits);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.assumptions.groups.spectators?.admissions).toEqual({
      value: 160_000,
      unit: 'admissions',
      source: 'Ticketing report',
      note: 'calibrated',
    });
    expect(result.assumptions.groups.spectators?.nights).toBe(3);
    expect(result.assumptions.multipliers.output).toEqual({ value: 2.5, source: 'assumption' });
    expect(STORED.groups.spectators?.nights).toBe(2.5);
    expect(validateImpactAssumptions(result.assumptions)).toEqual([]);
    const bad = applyEdits(STORED, new Map([['groups.spectators.nights', { value: 'many', source: '' }]]));
    expect(bad).toEqual({ ok: false, notNumbers: ['groups.spectators.nights'] });
  });
});

describe('the editor’s percentages and source words', () => {
  it('shows and takes shares as percentages, storing fractions', () => {
    expect(toEditText('localShare', 0.4)).toBe('40');
    expect(toEditText('nights', 2.5)).toBe('2.5');
    expect(fromEditText('localShare', '40')).toBeCloseTo(0.4);
    expect(fromEditText('overnightShare', '92.5 %')).toBeCloseTo(0.925);
    expect(fromEditText('casualShare', '15％')).toBeCloseTo(0.15);
    expect(fromEditText('nights', '3')).toBe(3);
    expect(fromEditText('nights', '')).toBeNaN();
  });

  it('stores the word for a model parameter as `assumption`, in either language', () => {
    expect(normalizeSource('假设')).toBe('assumption');
    expect(normalizeSource(' Assumption ')).toBe('assumption');
    expect(normalizeSource('Qingdao Daily, 5 July 2023')).toBe('Qingdao Daily, 5 July 2023');
  });
});
