import type { Schemas } from '@sailcourt/api-client';
import { describe, expect, it } from 'vitest';
import { openTies } from './open-ties.js';

type Row = Schemas['StandingRowDto'];
const row = (teamId: string, rank: number, more: Partial<Row> = {}): Row =>
  ({ teamId, teamName: teamId, teamNameEn: null, rank, ...more }) as Row;
const lot: NonNullable<Row['tieBreak']> = {
  criterion: 'lot',
  tiedWith: [],
  values: [],
  explanation: '',
  explanationEn: '',
};
const group = (rows: Row[], name = 'A', divisionId: string | null = null) =>
  ({ name, divisionId, complete: true, gamesPlayed: 3, gamesScheduled: 3, rows }) as Schemas['StandingsGroupDto'];

describe('ties still waiting for lots', () => {
  it('groups the rows that share a rank and wait for lots, one tie per rank', () => {
    const ties = openTies([
      group([
        row('a', 1, { decidedByLot: true, tieBreak: lot }),
        row('b', 1, { decidedByLot: true, tieBreak: lot }),
        row('c', 3),
        row('d', 4, { decidedByLot: true, tieBreak: lot }),
        row('e', 4, { decidedByLot: true, tieBreak: lot }),
      ]),
    ]);
    expect(ties.map((t) => [t.group, t.rank, t.teams.map((x) => x.id)])).toEqual([
      ['A', 1, ['a', 'b']],
      ['A', 4, ['d', 'e']],
    ]);
  });

  it('leaves out a tie a recorded lot decided, under either ruleset', () => {
    const drawn = { recordedBy: 'Organizer', recordedAt: '2023-08-05T20:15:00+08:00', drawn: 1 };
    expect(
      openTies([
        group([
          row('a', 1, { decidedByLot: true, tieBreak: { ...lot, lot: drawn } }),
          row('b', 2, { decidedByLot: true, tieBreak: { ...lot, lot: { ...drawn, drawn: 2 } } }),
        ]),
        group(
          [
            row('x', 1, { decidedByLot: true, tieBreak3x3: { ...lot, lot: drawn } as Row['tieBreak3x3'] }),
            row('y', 2, {
              decidedByLot: true,
              tieBreak3x3: { ...lot, lot: { ...drawn, drawn: 2 } } as Row['tieBreak3x3'],
            }),
          ],
          'B',
        ),
      ]),
    ).toEqual([]);
  });

  it('keeps each division’s ties apart', () => {
    const ties = openTies([
      group([row('a', 1, { decidedByLot: true }), row('b', 1, { decidedByLot: true })], 'A', 'u10'),
      group([row('c', 2, { decidedByLot: true }), row('d', 2, { decidedByLot: true })], 'A', 'u12'),
    ]);
    expect(ties.map((t) => [t.divisionId, t.rank])).toEqual([
      ['u10', 1],
      ['u12', 2],
    ]);
  });
});
