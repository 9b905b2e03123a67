// Calibration of the impact model on the article's headline, read from the seed file itself, so the seeds and the
// model cannot drift apart. It lives with the seeds because it reads their data; the domain stays free of files.
import { describe, expect, it } from 'vitest';
import {
  computeImpactSensitivity,
  estimateTourismImpact,
  parseImpactAssumptions,
  type ImpactAssumptions,
} from '@sailcourt/domain';
import { loadImpactAssumptions2023 } from './data.js';

function loadSeed(): ImpactAssumptions {
  const parsed = parseImpactAssumptions(loadImpactAssumptions2023());
  if (!parsed.ok) throw new Error(`seed is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
}

describe('calibrated 2023 defaults (seeds/data/impact-assumptions-2023.json)', () => {
  const assumptions = loadSeed();
  const e = estimateTourismImpact(assumptions);

  it('gives about 60,000 visits (±3 %)', () => {
    expect(e.visitors).toBeGreaterThanOrEqual(60_000 * 0.97);
    expect(e.visitors).toBeLessThanOrEqual(60_000 * 1.03);
  });

  it('gives just over 200 M yuan of direct spending, without multipliers', () => {
    expect(e.spending.total).toBeGreaterThanOrEqual(200_000_000);
    expect(e.spending.total).toBeLessThan(210_000_000);
    expect(e.grossOutput).toBeCloseTo(2.89 * e.spending.total, 0);
    expect(e.income).toBeCloseTo(0.65 * e.spending.total, 0);
  });

  it('matches the hand calculation of impact-model.md', () => {
    // participants 6,000 · 0.6 · 2.5 = 9,000; spectators 150,000 / 1.5 · 0.6 · 0.85 = 51,000; officials 200.
    expect(e.visitorsByGroup.participants).toBeCloseTo(3_600, 6);
    expect(e.visitorsByGroup.companions).toBeCloseTo(5_400, 6);
    expect(e.visitorsByGroup.spectators).toBeCloseTo(51_000, 6);
    expect(e.visitorsByGroup.officialsMedia).toBeCloseTo(200, 6);
    // per participant 0.9·0.8·4·350 + 600·(0.9·5 + 0.1) = 3,768; per spectator 720 + 780·3.25 = 3,255; official 5,000.
    expect(e.spending.total).toBeCloseTo(9_000 * 3_768 + 51_000 * 3_255 + 200 * 5_000, 3);
    expect(e.visitorNights).toBeCloseTo(9_000 * 0.9 * 4 + 51_000 * 0.9 * 2.5 + 200 * 5, 6);
  });

  it('sources every value', () => {
    const values: unknown[] = [];
    const walk = (x: unknown): void => {
      if (typeof x === 'number') values.push(x);
      else if (typeof x === 'object' && x !== null) {
        if ('value' in x) {
          values.push(x);
          return;
        }
        Object.values(x).forEach(walk);
      }
    };
    walk(assumptions);
    expect(values.length).toBeGreaterThan(30);
    for (const v of values)
      expect(v).toMatchObject({ value: expect.any(Number), unit: expect.any(String), source: expect.any(String) });
  });

  it('ranks overnight share and nights among the biggest levers', () => {
    const top = computeImpactSensitivity(assumptions)
      .entries.slice(0, 6)
      .map((x) => x.name);
    expect(top).toContain('overnightShare');
    expect(top).toContain('nights');
  });
});
