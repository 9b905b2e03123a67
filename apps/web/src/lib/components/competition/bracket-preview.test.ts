import type { Schemas } from '@sailcourt/api-client';
import { describe, expect, it } from 'vitest';
import { previewBracket } from './bracket-preview.js';

const row = (teamId: string, rank: number) =>
  ({ rank, teamId, teamName: `队${teamId}`, teamNameEn: `Team ${teamId}` }) as unknown as Schemas['StandingRowDto'];
const group = (name: string, ids: string[], complete = true) =>
  ({
    name,
    rows: ids.map((id, i) => row(id, i + 1)),
    complete,
    gamesPlayed: complete ? 3 : 2,
    gamesScheduled: 3,
  }) as unknown as Schemas['StandingsGroupDto'];

describe('bracket preview', () => {
  it('draws the cross-over first round the API would (FIBA: A1–B2, B1–A2)', () => {
    const result = previewBracket([group('A', ['a1', 'a2', 'a3']), group('B', ['b1', 'b2', 'b3'])], undefined, false);
    if (!('games' in result)) throw new Error('expected games');
    const pairs = result.games.map((g) => [g.home?.teamName, g.away?.teamName].sort());
    expect(pairs).toEqual(expect.arrayContaining([['队a1', '队b2'].sort(), ['队a2', '队b1'].sort()]));
    expect(result.games).toHaveLength(2);
  });

  it('refuses, with a code, while group games remain or when asked for more qualifiers than a group has', () => {
    expect(previewBracket([group('A', ['a1', 'a2', 'a3'], false)], undefined, false)).toMatchObject({
      problem: { code: 'playoffs.groups-remain' },
    });
    expect(previewBracket([], undefined, false)).toMatchObject({ problem: { code: 'playoffs.no-group-games' } });
    expect(previewBracket([group('A', ['a1', 'a2'])], 5, false)).toMatchObject({
      problem: { code: 'playoffs.too-many-qualifiers' },
    });
  });
});
