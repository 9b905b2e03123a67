import type { Schemas } from '@sailcourt/api-client';
import { describe, expect, it } from 'vitest';
import { tieGroups } from './ties.js';

type Standing = Schemas['StandingDto'];

function boat(
  id: string,
  rank: number,
  points: number[],
  discarded: number,
  tieBreak?: Standing['tieBreak'],
): Standing {
  const legs = points.map((p, i) => ({ number: i + 1, points: p, code: null, discarded: i === discarded }));
  const total = points.reduce((a, b) => a + b, 0);
  return {
    entryId: id,
    rank,
    boatName: id,
    sailNumber: id,
    teamName: id,
    teamNameEn: null,
    legs,
    total,
    net: total - (points[discarded] ?? 0),
    ...(tieBreak ? { tieBreak } : {}),
  };
}

describe('tie groups', () => {
  it('explains an A8.2 pair by the last leg where they differ (the seeded 4th/5th places)', () => {
    const standings = [
      boat('A', 1, [1, 2, 1, 3, 1], 3),
      boat('CHN 104', 4, [5, 6, 4, 4, 3.5], 1, { rule: 'A8.2', tiedWith: ['CHN 105'], explanation: '…' }),
      boat('CHN 105', 5, [4, 4, 5, 5, 3.5], 2, { rule: 'A8.2', tiedWith: ['CHN 104'], explanation: '…' }),
    ];
    const [group, ...rest] = tieGroups(standings);
    expect(rest).toHaveLength(0);
    expect(group?.boats.map((b) => b.entryId)).toEqual(['CHN 104', 'CHN 105']);
    expect(group?.net).toBe(16.5);
    expect(group?.rules).toEqual(['A8.2']);
    expect(group?.decidingLeg?.number).toBe(4);
    expect(group?.decidingLeg?.scores.map((s) => s.points)).toEqual([4, 5]);
    expect(group?.sortedScores).toBeNull();
  });

  it('lists the counted scores best first for an A8.1 pair, whatever the order the API gave them', () => {
    const standings = [
      boat('Y', 2, [3, 1, 3, 9], 3, { rule: 'A8.1', tiedWith: ['X'], explanation: '' }),
      boat('X', 1, [1, 2, 4, 9], 3, { rule: 'A8.1', tiedWith: ['Y'], explanation: '' }),
    ];
    const [group] = tieGroups(standings);
    expect(group?.boats.map((b) => b.entryId)).toEqual(['X', 'Y']);
    expect(group?.sortedScores?.map((s) => s.scores)).toEqual([
      [1, 2, 4],
      [1, 3, 3],
    ]);
  });

  it('keeps boats A8 cannot separate as one group with no deciding rule', () => {
    const tie = (others: string[]) => ({ rule: 'unbroken' as const, tiedWith: others, explanation: '' });
    const standings = [
      boat('P', 1, [1, 2], 1, tie(['Q', 'R'])),
      boat('Q', 1, [1, 2], 1, tie(['P', 'R'])),
      boat('R', 1, [1, 2], 1, tie(['P', 'Q'])),
    ];
    const groups = tieGroups(standings);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.rules).toEqual([]);
    expect(groups[0]?.decidingLeg).toBeNull();
  });
});
