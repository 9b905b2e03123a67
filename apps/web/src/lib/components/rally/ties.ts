import type { Schemas } from '@sailcourt/api-client';

type Standing = Schemas['StandingDto'];
type Rule = Schemas['SailingTieBreakDto']['rule'];

/**
 * One group of boats tied on net points, in standings order, with what decided their order: the API
 * names the rule (A8.1, A8.2 or unbroken); for a pair, the scores it compared are shown too.
 */
export type TieGroup = {
  id: string;
  boats: Standing[];
  net: number;
  rules: Exclude<Rule, 'unbroken'>[];
  /** A8.1 for a pair: each boat's counted scores, best first. */
  sortedScores: { boat: Standing; scores: number[] }[] | null;
  /** A8.2 for a pair: the last leg where the two scored differently. */
  decidingLeg: { number: number; scores: { boat: Standing; points: number }[] } | null;
};

export function tieGroups(standings: readonly Standing[]): TieGroup[] {
  const byId = new Map(standings.map((row) => [row.entryId, row]));
  const groups = new Map<string, Standing[]>();
  for (const row of standings) {
    if (!row.tieBreak) continue;
    const members = [row.entryId, ...row.tieBreak.tiedWith]
      .map((id) => byId.get(id))
      .filter((member): member is Standing => member !== undefined)
      .sort((a, b) => a.rank - b.rank || standings.indexOf(a) - standings.indexOf(b));
    const key = members
      .map((m) => m.entryId)
      .sort()
      .join(' ');
    if (!groups.has(key)) groups.set(key, members);
  }
  return [...groups.values()].map((boats, index) => {
    const rules = [...new Set(boats.map((b) => b.tieBreak?.rule))]
      .filter((rule): rule is 'A8.1' | 'A8.2' => rule === 'A8.1' || rule === 'A8.2')
      .sort();
    const pair = boats.length === 2 ? (boats as [Standing, Standing]) : null;
    return {
      id: `tie-${index + 1}`,
      boats,
      net: boats[0]?.net ?? 0,
      rules,
      sortedScores:
        pair && rules.length === 1 && rules[0] === 'A8.1'
          ? pair.map((boat) => ({ boat, scores: countedBestFirst(boat) }))
          : null,
      decidingLeg: pair && rules.includes('A8.2') ? lastDifferingLeg(pair) : null,
    };
  });
}

const countedBestFirst = (boat: Standing): number[] =>
  boat.legs
    .filter((leg) => !leg.discarded)
    .map((leg) => leg.points)
    .sort((a, b) => a - b);

function lastDifferingLeg([a, b]: [Standing, Standing]): TieGroup['decidingLeg'] {
  const legs = [...a.legs].sort((x, y) => y.number - x.number);
  for (const leg of legs) {
    const other = b.legs.find((l) => l.number === leg.number);
    if (other && other.points !== leg.points) {
      return {
        number: leg.number,
        scores: [
          { boat: a, points: leg.points },
          { boat: b, points: other.points },
        ],
      };
    }
  }
  return null;
}
