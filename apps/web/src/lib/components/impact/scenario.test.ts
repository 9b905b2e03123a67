import {
  computeImpactSensitivity,
  estimateTourismImpact,
  validateImpactAssumptions,
  type ImpactAssumptions,
} from '@sailcourt/domain';
import { describe, expect, it } from 'vitest';
import {
  applyLevers,
  baseValues,
  differsFromStored,
  leverOfField,
  leversOf,
  niceCeil,
  parseScenario,
} from './scenario.js';

const sourced = (value: number) => ({ value, unit: 'u', source: 'assumption' });
const STORED: ImpactAssumptions = {
  groups: {
    participants: {
      persons: sourced(6000),
      localShare: sourced(0.4),
      companionsPerPerson: 1.5,
      overnightShare: 0.9,
      paidLodgingShare: 0.8,
      nights: 4,
      bedNightPrice: 350,
      dailySpend: { catering: 300, shopping: 150, transport: 100, entertainment: 50 },
    },
    spectators: {
      admissions: 150_000,
      daysAttendedPerPerson: 1.5,
      localShare: sourced(0.4),
      casualShare: 0.15,
      overnightShare: 0.9,
      paidLodgingShare: 0.8,
      nights: 2.5,
      bedNightPrice: 400,
      dailySpend: { catering: sourced(360), shopping: 240, transport: 100, entertainment: 80 },
    },
  },
  multipliers: { output: sourced(2.89), income: 0.65 },
};

describe('impact what-if levers', () => {
  const levers = leversOf(STORED);
  const ids = levers.map((l) => l.id);

  it('offers the big levers per group in the model order, companions only where a group brings some', () => {
    expect(ids.slice(0, 8)).toEqual([
      'groups.participants.persons',
      'groups.participants.localShare',
      'groups.participants.casualShare',
      'groups.participants.companionsPerPerson',
      'groups.participants.overnightShare',
      'groups.participants.paidLodgingShare',
      'groups.participants.nights',
      'groups.participants.bedNightPrice',
    ]);
    expect(ids.filter((id) => id.startsWith('groups.participants.dailySpend'))).toEqual([
      'groups.participants.dailySpend.catering',
      'groups.participants.dailySpend.shopping',
      'groups.participants.dailySpend.transport',
      'groups.participants.dailySpend.entertainment',
    ]);
    expect(ids).toContain('groups.spectators.daysAttendedPerPerson');
    expect(ids).toContain('groups.spectators.admissions');
    expect(ids).not.toContain('groups.spectators.companionsPerPerson');
    expect(ids.slice(-3)).toEqual(['organiserSpend', 'multipliers.output', 'multipliers.income']);
    expect(levers.find((l) => l.id === 'groups.spectators.dailySpend.catering')?.base).toBe(360);
  });

  it('has a slider of its own for every assumption the tornado chart can show, each per-day category and the organisers’ spend too', () => {
    const withSpend: ImpactAssumptions = { ...STORED, organiserSpend: 2_000_000 };
    const moving = computeImpactSensitivity(withSpend).entries.filter((e) => e.swing > 0);
    expect(moving.map((e) => e.field)).toContain('groups.spectators.dailySpend.shopping');
    expect(moving.map((e) => e.field)).toContain('organiserSpend');
    const ids = leversOf(withSpend).map((l) => l.id);
    expect(moving.map((e) => e.field).filter((field) => !ids.includes(field))).toEqual([]);
  });

  it('puts every stored value on a slider step inside the slider range', () => {
    for (const lever of levers) {
      expect(lever.base).toBeGreaterThanOrEqual(lever.min);
      expect(lever.base).toBeLessThanOrEqual(lever.max);
      expect(lever.step).not.toBe('any');
      if (lever.step !== 'any')
        expect(Math.abs(lever.base / lever.step - Math.round(lever.base / lever.step))).toBeLessThan(1e-9);
    }
    expect(niceCeil(18_000)).toBe(20_000);
    expect(niceCeil(450_000)).toBe(500_000);
  });

  it('reproduces the stored figures when no lever moves, keeping each stored value as it was', () => {
    const same = applyLevers(STORED, levers, baseValues(levers));
    expect(same).toEqual(STORED);
    expect(differsFromStored(levers, baseValues(levers))).toBe(false);
  });

  it('moves only the lever that changed; spending falls as the local share rises', () => {
    const values = { ...baseValues(levers), 'groups.spectators.localShare': 0.6 };
    const scenario = applyLevers(STORED, levers, values);
    expect(scenario.groups.spectators?.localShare).toBe(0.6);
    expect(scenario.groups.participants).toBe(STORED.groups.participants);
    expect(validateImpactAssumptions(scenario)).toEqual([]);
    expect(estimateTourismImpact(scenario).spending.total).toBeLessThan(estimateTourismImpact(STORED).spending.total);
    expect(differsFromStored(levers, values)).toBe(true);
  });

  it('moves one per-day category alone, the organisers’ spend and the multipliers', () => {
    const scenario = applyLevers(STORED, levers, {
      ...baseValues(levers),
      'groups.spectators.dailySpend.shopping': 480,
    });
    expect(scenario.groups.spectators?.dailySpend).toEqual({
      catering: sourced(360),
      shopping: 480,
      transport: 100,
      entertainment: 80,
    });
    expect(validateImpactAssumptions(scenario)).toEqual([]);
    expect(estimateTourismImpact(scenario).spending.shopping).toBeGreaterThan(
      estimateTourismImpact(STORED).spending.shopping,
    );
    expect(estimateTourismImpact(scenario).spending.catering).toBe(estimateTourismImpact(STORED).spending.catering);
    const spent = applyLevers(STORED, levers, { ...baseValues(levers), organiserSpend: 1_000_000 });
    expect(spent.organiserSpend).toBe(1_000_000);
    expect(estimateTourismImpact(spent).spending.total).toBeGreaterThan(estimateTourismImpact(STORED).spending.total);
    const multiplied = applyLevers(STORED, levers, { ...baseValues(levers), 'multipliers.output': 2 });
    expect(multiplied.multipliers).toEqual({ output: 2, income: 0.65 });
  });

  it('reads a submitted form, naming what is not a number, and maps API error paths back to levers', () => {
    const parsed = parseScenario(
      new URLSearchParams('groups.spectators.localShare=0.3&groups.spectators.nights=abc&lang=en'),
      levers,
    );
    expect(parsed.provided).toBe(true);
    expect(parsed.values['groups.spectators.localShare']).toBe(0.3);
    expect(parsed.values['groups.participants.nights']).toBe(4);
    expect(parsed.notNumbers).toEqual(['groups.spectators.nights']);
    expect(parseScenario(new URLSearchParams('lang=en'), levers).provided).toBe(false);
    expect(leverOfField('groups.spectators.dailySpend.catering', levers)?.id).toBe(
      'groups.spectators.dailySpend.catering',
    );
    expect(leverOfField('groups.spectators.dailySpend.catering.value', levers)?.id).toBe(
      'groups.spectators.dailySpend.catering',
    );
    expect(leverOfField('groups.spectators.localShare', levers)?.id).toBe('groups.spectators.localShare');
    expect(leverOfField('groups.spectators.localShareX', levers)).toBeUndefined();
  });
});
