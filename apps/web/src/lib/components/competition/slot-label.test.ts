import { describe, expect, it } from 'vitest';
import { parseSlot, slotLabel } from './slot-label.js';

describe('playoff slot labels', () => {
  it('reads the domain’s codes', () => {
    expect(parseSlot('R1-M2')).toEqual({ kind: 'main', round: 1, game: 2 });
    expect(parseSlot('third-place')).toEqual({ kind: 'third-place' });
    expect(parseSlot('X')).toBeNull();
  });

  it.each([
    ['zh-CN', 'R1-M2', 4, '半决赛第 2 场'],
    ['en', 'R1-M2', 4, 'Semi-final 2'],
    ['en', 'R1-M3', 8, 'Quarter-final 3'],
    ['zh-CN', 'R2-M1', 2, '决赛'],
    ['en', 'R2-M1', 2, 'Final'],
    ['en', 'R1-M1', undefined, 'Playoff round 1, game 1'],
    ['zh-CN', 'R1-M1', undefined, '淘汰赛第 1 轮第 1 场'],
    ['en', 'third-place', undefined, 'Third-place game'],
  ] as const)('%s %s (%s teams) → %s', (locale, slot, teams, expected) => {
    expect(slotLabel(locale, slot, teams)).toBe(expected);
  });
});
