// Overall rally standings under the Low Point System, RRS Appendix A (paraphrased):
// - A2.1: a boat's series score is the total of her race scores excluding her worst N scores
//   (N = the rally's `discards` setting). Among equal worst scores, the race sailed earliest is
//   excluded first. A DNE score is never excluded. Legs marked `discardable: false` (a notice of race
//   arrangement, e.g. a non-discardable final leg) are never excluded either.
//   At most (legs − 1) scores are excluded, so at least one score always counts.
// - A8.1: boats tied on net list their counted (not excluded) race scores best to worst; the tie is
//   broken at the first point of difference in favour of the better score.
// - A8.2: a tie that remains is broken by the scores in the last race, then the next-to-last, and so
//   on, using excluded scores too.
// - Boats that A8 cannot separate share the rank (1, 1, 3, ...).

import { isSailingScoringCode, roundSailingPoints, type SailingScoringCode } from './codes.js';
import { compareSailingIds } from './compare.js';
import { SailingScoringError } from './errors.js';

export interface RallySeriesScoreInput {
  readonly entryId: string;
  /** Race score after the leg coefficient, e.g. a row of `scoreRallyLeg`. */
  readonly points: number;
  readonly code?: string | null;
}

export interface RallySeriesLegInput {
  /** Leg (race) number; order of sailing. A8.2's "last race" is the highest number. */
  readonly number: number;
  /** One score per entry; `scoreRallyLeg` output fits. */
  readonly scores: readonly RallySeriesScoreInput[];
  /** false when the notice of race makes this leg non-discardable; default true. */
  readonly discardable?: boolean;
}

export interface ScoreRallySeriesInput {
  readonly entries: readonly { readonly entryId: string }[];
  readonly legs: readonly RallySeriesLegInput[];
  /** Number of worst scores each boat excludes (rally setting); default 0. */
  readonly discards?: number;
}

export interface RallySeriesLegCell {
  readonly number: number;
  readonly points: number;
  readonly code: SailingScoringCode | null;
  readonly discarded: boolean;
}

export type RallyTieBreakRule = 'A8.1' | 'A8.2' | 'unbroken';

export interface RallyTieBreak {
  /** The rule that fixed this boat's place among the boats tied with her, or 'unbroken'. */
  readonly rule: RallyTieBreakRule;
  /** Every other boat with the same net score, in standings order. */
  readonly tiedWith: readonly string[];
  readonly explanation: string;
}

export interface RallySeriesStandingRow {
  readonly rank: number;
  readonly entryId: string;
  /** Leg cells in leg-number order. */
  readonly legs: readonly RallySeriesLegCell[];
  readonly total: number;
  readonly net: number;
  readonly tieBreak?: RallyTieBreak;
}

interface BoatLine {
  readonly entryId: string;
  readonly legs: RallySeriesLegCell[];
  readonly total: number;
  readonly net: number;
  /** Counted scores, best to worst (A8.1). */
  readonly countedBestToWorst: readonly number[];
  /** All scores from the last leg back to the first (A8.2). */
  readonly lastToFirst: readonly number[];
}

function validateDiscards(discards: number): void {
  if (!Number.isInteger(discards) || discards < 0) {
    throw new SailingScoringError(
      'INVALID_DISCARDS',
      `Discards must be a whole number of at least 0, got ${discards}.`,
    );
  }
}

function sortedLegs(legs: readonly RallySeriesLegInput[]): RallySeriesLegInput[] {
  const seen = new Set<number>();
  for (const leg of legs) {
    if (!Number.isInteger(leg.number) || leg.number < 1) {
      throw new SailingScoringError(
        'INVALID_LEG_NUMBER',
        `Leg number must be a positive whole number, got ${leg.number}.`,
      );
    }
    if (seen.has(leg.number)) {
      throw new SailingScoringError('DUPLICATE_LEG', `Leg ${leg.number} is listed twice.`);
    }
    seen.add(leg.number);
  }
  return [...legs].sort((a, b) => a.number - b.number);
}

function legCells(
  entryIds: readonly string[],
  legs: readonly RallySeriesLegInput[],
): Map<string, { cell: Omit<RallySeriesLegCell, 'discarded'>; discardable: boolean }[]> {
  const known = new Set(entryIds);
  const cells = new Map<string, { cell: Omit<RallySeriesLegCell, 'discarded'>; discardable: boolean }[]>();
  for (const id of entryIds) cells.set(id, []);

  for (const leg of legs) {
    const inLeg = new Map<string, RallySeriesScoreInput>();
    for (const score of leg.scores) {
      if (!known.has(score.entryId)) {
        throw new SailingScoringError(
          'UNKNOWN_ENTRY',
          `Leg ${leg.number} has a score for unknown entry ${score.entryId}.`,
        );
      }
      if (inLeg.has(score.entryId)) {
        throw new SailingScoringError(
          'DUPLICATE_RESULT',
          `Entry ${score.entryId} has more than one score in leg ${leg.number}.`,
        );
      }
      if (!Number.isFinite(score.points) || score.points <= 0) {
        throw new SailingScoringError(
          'INVALID_POINTS',
          `Entry ${score.entryId} has ${score.points} points in leg ${leg.number}; points must be a positive number.`,
        );
      }
      const rawCode = score.code ?? null;
      if (rawCode !== null && !isSailingScoringCode(rawCode)) {
        throw new SailingScoringError(
          'UNKNOWN_CODE',
          `Entry ${score.entryId} has unknown scoring code "${rawCode}" in leg ${leg.number}.`,
        );
      }
      inLeg.set(score.entryId, score);
    }
    for (const id of entryIds) {
      const score = inLeg.get(id);
      if (score === undefined) {
        throw new SailingScoringError(
          'MISSING_SCORE',
          `Leg ${leg.number} has no score for entry ${id}; a boat entered in the series is scored in every leg (A2.2) — score the leg with scoreRallyLeg, which gives DNC.`,
        );
      }
      const code = score.code ?? null;
      cells.get(id)?.push({
        cell: {
          number: leg.number,
          points: roundSailingPoints(score.points),
          code: code !== null && isSailingScoringCode(code) ? code : null,
        },
        discardable: leg.discardable !== false,
      });
    }
  }
  return cells;
}

/** Indexes (into the leg list) of the scores a boat excludes under A2.1. */
export function selectRallyDiscards(
  legs: readonly {
    readonly number: number;
    readonly points: number;
    readonly code: SailingScoringCode | null;
    readonly discardable?: boolean;
  }[],
  discards: number,
): Set<number> {
  validateDiscards(discards);
  const limit = Math.min(discards, Math.max(0, legs.length - 1));
  const candidates = legs
    .map((leg, index) => ({ leg, index }))
    .filter(({ leg }) => leg.code !== 'DNE' && leg.discardable !== false)
    .sort((a, b) => b.leg.points - a.leg.points || a.leg.number - b.leg.number);
  return new Set(candidates.slice(0, limit).map(({ index }) => index));
}

function compareLexicographic(a: readonly number[], b: readonly number[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Splits a list already sorted by `compare` into runs that `compare` finds equal. */
function runs<T>(sorted: readonly T[], compare: (a: T, b: T) => number): T[][] {
  const out: T[][] = [];
  for (const item of sorted) {
    const current = out[out.length - 1];
    const head = current?.[0];
    if (current !== undefined && head !== undefined && compare(head, item) === 0) current.push(item);
    else out.push([item]);
  }
  return out;
}

const byA81 = (a: BoatLine, b: BoatLine): number => compareLexicographic(a.countedBestToWorst, b.countedBestToWorst);
const byA82 = (a: BoatLine, b: BoatLine): number => compareLexicographic(a.lastToFirst, b.lastToFirst);

function listScores(lines: readonly BoatLine[], pick: (line: BoatLine) => readonly number[]): string {
  return lines.map((line) => `${line.entryId} ${pick(line).join(', ')}`).join('; ');
}

interface RankedLine {
  readonly line: BoatLine;
  readonly rank: number;
  readonly tieBreak?: RallyTieBreak;
}

/** Orders one group of boats tied on net score and explains how A8 separated them. */
function resolveTie(group: readonly BoatLine[], firstRank: number): RankedLine[] {
  const net = group[0]?.net ?? 0;
  const a81Blocks = runs(
    [...group].sort((a, b) => byA81(a, b) || compareSailingIds(a.entryId, b.entryId)),
    byA81,
  );
  const blocks: { members: BoatLine[]; rule: RallyTieBreakRule; a81Peers: BoatLine[] }[] = [];
  for (const a81Block of a81Blocks) {
    if (a81Block.length === 1) {
      blocks.push({ members: a81Block, rule: 'A8.1', a81Peers: a81Block });
      continue;
    }
    const a82Blocks = runs(
      [...a81Block].sort((a, b) => byA82(a, b) || compareSailingIds(a.entryId, b.entryId)),
      byA82,
    );
    for (const a82Block of a82Blocks) {
      blocks.push({ members: a82Block, rule: a82Block.length === 1 ? 'A8.2' : 'unbroken', a81Peers: a81Block });
    }
  }

  const order = blocks.flatMap((block) => block.members.map((member) => member.entryId));
  const a81Text = `A8.1 (counted scores best to worst, discards left out): ${listScores(
    blocks.flatMap((block) => block.members),
    (line) => line.countedBestToWorst,
  )}`;
  const out: RankedLine[] = [];
  let rank = firstRank;
  for (const block of blocks) {
    for (const member of block.members) {
      const tiedWith = order.filter((id) => id !== member.entryId);
      const head = `Tied on ${net} net points with ${tiedWith.join(', ')}.`;
      const peers = block.a81Peers.filter((peer) => peer.entryId !== member.entryId);
      const a82Text = `A8.2 (scores from the last leg back to the first, discards included): ${listScores(
        block.a81Peers,
        (line) => line.lastToFirst,
      )}`;
      let explanation: string;
      if (block.rule === 'A8.1') {
        explanation = `${head} ${a81Text}.`;
      } else if (block.rule === 'A8.2') {
        explanation = `${head} A8.1 leaves ${member.entryId} level with ${peers.map((p) => p.entryId).join(', ')}. ${a82Text}.`;
      } else {
        const sharing = block.members.filter((m) => m.entryId !== member.entryId).map((m) => m.entryId);
        explanation = `${head} Neither A8.1 nor A8.2 separates ${member.entryId} from ${sharing.join(', ')}: they share rank ${rank}.`;
      }
      out.push({ line: member, rank, tieBreak: { rule: block.rule, tiedWith, explanation } });
    }
    rank += block.members.length;
  }
  return out;
}

/**
 * Overall low-point standings with discards (A2.1) and series tie-breaks (A8).
 * Throws SailingScoringError on invalid input (unknown or missing entry in a leg, duplicate leg
 * number, negative discards, ...). Rows are in standings order; boats sharing a rank by entryId.
 */
export function scoreRallySeries(input: ScoreRallySeriesInput): RallySeriesStandingRow[] {
  const discards = input.discards ?? 0;
  validateDiscards(discards);
  const entryIds: string[] = [];
  const seen = new Set<string>();
  for (const entry of input.entries) {
    if (typeof entry.entryId !== 'string' || entry.entryId.trim() === '') {
      throw new SailingScoringError('INVALID_ENTRY', 'Every entry needs a non-empty entryId.');
    }
    if (seen.has(entry.entryId)) {
      throw new SailingScoringError('DUPLICATE_ENTRY', `Entry ${entry.entryId} is listed twice.`);
    }
    seen.add(entry.entryId);
    entryIds.push(entry.entryId);
  }

  const legs = sortedLegs(input.legs);
  const cellsByEntry = legCells(entryIds, legs);

  const lines: BoatLine[] = entryIds.map((entryId) => {
    const raw = cellsByEntry.get(entryId) ?? [];
    const excluded = selectRallyDiscards(
      raw.map(({ cell, discardable }) => ({ ...cell, discardable })),
      discards,
    );
    const cells: RallySeriesLegCell[] = raw.map(({ cell }, index) => ({ ...cell, discarded: excluded.has(index) }));
    const total = roundSailingPoints(cells.reduce((sum, cell) => sum + cell.points, 0));
    const counted = cells.filter((cell) => !cell.discarded).map((cell) => cell.points);
    const net = roundSailingPoints(counted.reduce((sum, points) => sum + points, 0));
    return {
      entryId,
      legs: cells,
      total,
      net,
      countedBestToWorst: [...counted].sort((a, b) => a - b),
      lastToFirst: [...cells].reverse().map((cell) => cell.points),
    };
  });

  const byNet = [...lines].sort((a, b) => a.net - b.net || compareSailingIds(a.entryId, b.entryId));
  const ranked: RankedLine[] = [];
  for (const group of runs(byNet, (a, b) => a.net - b.net)) {
    const firstRank = ranked.length + 1;
    if (group.length === 1 && group[0] !== undefined) ranked.push({ line: group[0], rank: firstRank });
    else ranked.push(...resolveTie(group, firstRank));
  }

  return ranked.map(({ line, rank, tieBreak }) => ({
    rank,
    entryId: line.entryId,
    legs: line.legs,
    total: line.total,
    net: line.net,
    ...(tieBreak === undefined ? {} : { tieBreak }),
  }));
}
