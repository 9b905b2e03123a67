import { computeImpactSensitivity, estimateTourismImpact, validateImpactAssumptions, type ImpactAssumptions } from '@sailcourt/domain';
import { describe, expect, it } from 'vitest';
import { applyLevers, baseValues, differsFromStored, leverOfField, leversOf, niceCeil, parseScenario } from './scenario.js';

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
    expect(ids).toContain('groups.participants.dailySpend');
    expect(ids).toContain('groups.spectators.daysAttendedPerPerson');
    expect(ids).toContain('groups.spectators.admissions');
    expect(ids).not.toContain('groups.spectators.companionsPerPerson');
    expect(ids.slice(-2)).toEqual(['multipliers.output', 'multipliers.income']);
    expect(levers.find((l) => l.id === 'groups.spectators.dailySpend')?.base).toBe(780);
  });

  it('has a slider for every assumption the tornado chart can show (the per-day categories share one)', () => {
    const moving = computeImpactSensitivity(STORED).entries.filter((e) => e.swing > 0);
    const withoutSlider = moving.map((e) => e.field).filter((field) => !levers.some((l) => field === l.id || field.startsWith(`${l.id}.`)));
    expect(withoutSlider).toEqual([]);
  });

  it('puts every stored value on a slider step inside the slider range', () => {
    for (const lever of levers) {
      expect(lever.base).toBeGreaterThanOrEqual(lever.min);
      expect(lever.base).toBeLessThanOrEqual(lever.max);
      expect(lever.step).not.toBe('any');
      if (lever.step !== 'any') expect(Math.abs(lever.base / lever.step - Math.round(lever.base / lever.step))).toBeLessThan(1e-9);
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

  it('scales the per-day categories together, keeping their split', () => {
    const scenario = applyLevers(STORED, levers, { ...baseValues(levers), 'groups.spectators.dailySpend': 1560 });
    expect(scenario.groups.spectators?.dailySpend).toEqual({ catering: 720, shopping: 480, transport: 200, entertainment: 160 });
    const multiplied = applyLevers(STORED, levers, { ...baseValues(levers), 'multipliers.output': 2 });
    expect(multiplied.multipliers).toEqual({ output: 2, income: 0.65 });
  });

  it('reads a submitted form, naming what is not a number, and maps API error paths back to levers', () => {
    const parsed = parseScenario(new URLSearchParams('groups.spectators.localShare=0.3&groups.spectators.nights=abc&lang=en'), levers);
    expect(parsed.provided).toBe(true);
    expect(parsed.values['groups.spectators.localShare']).toBe(0.3);
    expect(parsed.values['groups.participants.nights']).toBe(4);
    expect(parsed.notNumbers).toEqual(['groups.spectators.nights']);
    expect(parseScenario(new URLSearchParams('lang=en'), levers).provided).toBe(false);
    expect(leverOfField('groups.spectators.dailySpend.catering', levers)?.id).toBe('groups.spectators.dailySpend');
    expect(leverOfField('groups.spectators.localShare', levers)?.id).toBe('groups.spectators.localShare');
    expect(leverOfField('groups.spectators.localShareX', levers)).toBeUndefined();
  });
});
