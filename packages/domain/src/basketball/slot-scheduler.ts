// Places pairings on courts and time slots, and checks a single match against a schedule.
import { BasketballRuleError } from './errors.js';

export interface SchedulablePairing {
  readonly homeTeamId: string;
  readonly awayTeamId: string;
  readonly round: number;
}

export interface MatchSlotCourt {
  readonly venueId: string;
  readonly court: string;
}

/** The rules every placement and every manual change must respect. */
export interface MatchScheduleRules {
  /** Fixed offset of the venues' local time, e.g. '+08:00'; "calendar day" means local day. */
  readonly timeZoneOffset: string;
  /** Minimum time between the end of a team's game and the start of its next one. */
  readonly minRestHours: number;
  /** How long a court is taken by one match; also where a game "ends" for rest. */
  readonly matchDurationMinutes: number;
}

export interface MatchSlotInput<P extends SchedulablePairing = SchedulablePairing> extends MatchScheduleRules {
  /** Placed in round order (stable for equal rounds). */
  readonly pairings: readonly P[];
  /** First and last local day, YYYY-MM-DD, both included. */
  readonly startDate: string;
  readonly endDate: string;
  /** Local start times, 'HH:MM'. */
  readonly dailySlots: readonly string[];
  /** In order of preference: earlier courts are filled first. */
  readonly courts: readonly MatchSlotCourt[];
  /** Matches already on the calendar (other events, manual games): placements work around them. */
  readonly fixedMatches?: readonly ScheduledMatchRef[];
}

export interface PlacedMatchSlot<P extends SchedulablePairing = SchedulablePairing> {
  readonly pairing: P;
  /** ISO 8601 with the local offset, e.g. '2023-07-10T19:30:00+08:00'. */
  readonly startsAt: string;
  readonly venueId: string;
  readonly court: string;
  readonly round: number;
}

export type UnplacedMatchSlotReason = 'no-free-slot' | 'team-unavailable';

export interface UnplacedMatchSlot<P extends SchedulablePairing = SchedulablePairing> {
  readonly pairing: P;
  readonly reason: UnplacedMatchSlotReason;
  /** Teams whose other games block every free court slot (for 'team-unavailable'). */
  readonly blockingTeamIds: readonly string[];
  readonly detail: string;
}

export interface MatchSlotSchedule<P extends SchedulablePairing = SchedulablePairing> {
  readonly placed: PlacedMatchSlot<P>[];
  readonly unplaced: UnplacedMatchSlot<P>[];
}

export interface ScheduledMatchRef {
  readonly id: string;
  readonly homeTeamId: string;
  readonly awayTeamId: string;
  /** ISO 8601 with an offset or Z. */
  readonly startsAt: string;
  readonly venueId: string;
  readonly court: string;
}

export type MatchScheduleCandidate = Omit<ScheduledMatchRef, 'id'> & {
  /** When rescheduling, the match's own id, so it does not clash with its old slot. */
  readonly id?: string;
};

export type MatchScheduleConflictKind = 'team-same-day' | 'team-rest' | 'court-busy';

export interface MatchScheduleConflict {
  readonly kind: MatchScheduleConflictKind;
  /** The existing match the candidate clashes with. */
  readonly matchId: string;
  /** The team concerned, for team conflicts. */
  readonly teamId?: string;
  readonly message: string;
}

interface Timed {
  readonly homeTeamId: string;
  readonly awayTeamId: string;
  readonly venueId: string;
  readonly court: string;
  readonly startMs: number;
  readonly localDate: string;
}

interface Clash {
  readonly kind: MatchScheduleConflictKind;
  readonly teamId?: string;
}

interface Rules {
  readonly offsetMs: number;
  readonly restMs: number;
  readonly durationMs: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Greedy placement, one pairing at a time in round order, into the earliest free court slot that
 * keeps every team to one game per local day and the minimum rest. A pairing first looks no
 * earlier than the latest game of the previous rounds (rounds stay in order); only if nothing is
 * free there does it take an earlier slot. Whatever cannot be placed is returned with a reason.
 */
export function scheduleMatchSlots<P extends SchedulablePairing>(input: MatchSlotInput<P>): MatchSlotSchedule<P> {
  const rules = parseRules(input);
  const cells = buildCells(input);
  const ordered = input.pairings
    .map((pairing, index) => ({ pairing, index }))
    .sort((a, b) => a.pairing.round - b.pairing.round || a.index - b.index);

  const byTeam = new Map<string, Timed[]>();
  const byCourt = new Map<string, Timed[]>();
  const placed: PlacedMatchSlot<P>[] = [];
  const unplaced: UnplacedMatchSlot<P>[] = [];
  const latestStartByRound = new Map<number, number>();
  for (const fixed of input.fixedMatches ?? []) {
    const match = toTimed(fixed, rules);
    for (const key of [fixed.homeTeamId, fixed.awayTeamId]) byTeam.set(key, [...(byTeam.get(key) ?? []), match]);
    byCourt.set(courtKey(fixed), [...(byCourt.get(courtKey(fixed)) ?? []), match]);
  }

  for (const { pairing } of ordered) {
    if (pairing.homeTeamId === pairing.awayTeamId) {
      throw new BasketballRuleError('invalid-game', `Pairing ${pairing.homeTeamId} v itself in round ${pairing.round}`);
    }
    const floor = Math.max(
      -Infinity,
      ...[...latestStartByRound].filter(([r]) => r < pairing.round).map(([, ms]) => ms),
    );
    // A team's games do not change while this pairing looks for a cell, so gather them once.
    const teamBlocked = (teamId: string) => {
      const games = byTeam.get(teamId) ?? [];
      const days = new Set(games.map((g) => g.localDate));
      return (cell: Cell): boolean =>
        days.has(cell.localDate) || games.some((g) => gapMs(cell, g, rules) < rules.restMs);
    };
    const homeBlocked = teamBlocked(pairing.homeTeamId);
    const awayBlocked = teamBlocked(pairing.awayTeamId);
    const courtFree = (cell: Cell): boolean =>
      (byCourt.get(cell.courtKey) ?? []).every((g) => !overlaps(cell, g, rules));
    const free = (cell: Cell): boolean => !homeBlocked(cell) && !awayBlocked(cell) && courtFree(cell);
    const cell = cells.find((c) => c.startMs >= floor && free(c)) ?? cells.find(free);

    if (!cell) {
      const blockedBy = { [pairing.homeTeamId]: homeBlocked, [pairing.awayTeamId]: awayBlocked };
      unplaced.push(explainUnplaced(pairing, cells.filter(courtFree), cells.length, blockedBy, input.minRestHours));
      continue;
    }
    const match: Timed = { ...cell, homeTeamId: pairing.homeTeamId, awayTeamId: pairing.awayTeamId };
    for (const key of [pairing.homeTeamId, pairing.awayTeamId]) byTeam.set(key, [...(byTeam.get(key) ?? []), match]);
    byCourt.set(cell.courtKey, [...(byCourt.get(cell.courtKey) ?? []), match]);
    latestStartByRound.set(pairing.round, Math.max(latestStartByRound.get(pairing.round) ?? -Infinity, cell.startMs));
    placed.push({ pairing, startsAt: cell.startsAt, venueId: cell.venueId, court: cell.court, round: pairing.round });
  }
  return { placed, unplaced };
}

/** Checks one new or moved match against the others; an empty list means it may be saved. */
export function findScheduleConflicts(
  existingMatches: readonly ScheduledMatchRef[],
  candidate: MatchScheduleCandidate,
  rules: MatchScheduleRules,
): MatchScheduleConflict[] {
  const parsed = parseRules(rules);
  if (candidate.homeTeamId === candidate.awayTeamId) {
    throw new BasketballRuleError('invalid-game', `A team cannot play itself (${candidate.homeTeamId})`);
  }
  const cand = toTimed(candidate, parsed);
  return existingMatches
    .filter((m) => candidate.id === undefined || m.id !== candidate.id)
    .flatMap((m) =>
      clashes(cand, toTimed(m, parsed), parsed).map((c) => ({
        kind: c.kind,
        matchId: m.id,
        ...(c.teamId === undefined ? {} : { teamId: c.teamId }),
        message: conflictMessage(c, m, rules),
      })),
    );
}

/** Same-day is reported instead of rest: it is the stricter rule and one reason is enough. */
function clashes(a: Timed, b: Timed, rules: Rules): Clash[] {
  const out: Clash[] = [];
  for (const teamId of [a.homeTeamId, a.awayTeamId]) {
    if (teamId !== b.homeTeamId && teamId !== b.awayTeamId) continue;
    if (a.localDate === b.localDate) out.push({ kind: 'team-same-day', teamId });
    else if (gapMs(a, b, rules) < rules.restMs) out.push({ kind: 'team-rest', teamId });
  }
  if (a.venueId === b.venueId && a.court === b.court && overlaps(a, b, rules)) out.push({ kind: 'court-busy' });
  return out;
}

interface Timing {
  readonly startMs: number;
}

function overlaps(a: Timing, b: Timing, rules: Rules): boolean {
  return a.startMs < b.startMs + rules.durationMs && b.startMs < a.startMs + rules.durationMs;
}

/** Time from the end of the earlier game to the start of the later one (negative if they overlap). */
function gapMs(a: Timing, b: Timing, rules: Rules): number {
  const [first, second] = a.startMs <= b.startMs ? [a, b] : [b, a];
  return second.startMs - (first.startMs + rules.durationMs);
}

function conflictMessage(c: Clash, m: ScheduledMatchRef, rules: MatchScheduleRules): string {
  const what = `match ${m.id} (${m.homeTeamId} v ${m.awayTeamId}, ${m.startsAt})`;
  switch (c.kind) {
    case 'team-same-day':
      return `${c.teamId ?? ''} already plays ${what} on the same day`;
    case 'team-rest':
      return `${c.teamId ?? ''} would have less than ${rules.minRestHours} h rest around ${what}`;
    case 'court-busy':
      return `${m.venueId} court ${m.court} is taken by ${what}`;
  }
}

interface Cell {
  readonly startsAt: string;
  readonly startMs: number;
  readonly localDate: string;
  readonly venueId: string;
  readonly court: string;
  readonly courtKey: string;
}

/** Every (day, time, court) in chronological order, courts in the order given. */
function buildCells(input: MatchSlotInput<SchedulablePairing>): Cell[] {
  const first = parseDate(input.startDate, 'startDate');
  const last = parseDate(input.endDate, 'endDate');
  if (last < first) {
    throw new BasketballRuleError(
      'invalid-argument',
      `endDate ${input.endDate} is before startDate ${input.startDate}`,
    );
  }
  const times = [...new Set(input.dailySlots.map(parseTime))].sort();
  const seenCourts = new Set<string>();
  for (const c of input.courts) {
    if (seenCourts.has(courtKey(c))) {
      throw new BasketballRuleError('invalid-argument', `Court ${c.venueId}/${c.court} is listed twice`);
    }
    seenCourts.add(courtKey(c));
  }
  const cells: Cell[] = [];
  for (let day = first; day <= last; day += DAY_MS) {
    const localDate = new Date(day).toISOString().slice(0, 10);
    for (const time of times) {
      const startsAt = `${localDate}T${time}:00${input.timeZoneOffset}`;
      const startMs = Date.parse(startsAt);
      for (const c of input.courts) {
        cells.push({ startsAt, startMs, localDate, venueId: c.venueId, court: c.court, courtKey: courtKey(c) });
      }
    }
  }
  // Slot times are local, so chronological order equals (day, time) order already; sort defends it.
  return cells.sort((a, b) => a.startMs - b.startMs);
}

function explainUnplaced<P extends SchedulablePairing>(
  pairing: P,
  courtFreeCells: readonly Cell[],
  cellCount: number,
  blockedBy: Readonly<Record<string, (cell: Cell) => boolean>>,
  minRestHours: number,
): UnplacedMatchSlot<P> {
  if (courtFreeCells.length === 0) {
    return {
      pairing,
      reason: 'no-free-slot',
      blockingTeamIds: [],
      detail: `All ${cellCount} court slots in the date range are taken`,
    };
  }
  const blocking = Object.entries(blockedBy)
    .filter(([, blocked]) => courtFreeCells.some(blocked))
    .map(([teamId]) => teamId)
    .sort();
  return {
    pairing,
    reason: 'team-unavailable',
    blockingTeamIds: blocking,
    detail:
      `Every free court slot clashes with another game of ${blocking.join(' or ')}` +
      ` on the same day or within ${minRestHours} h rest`,
  };
}

function toTimed(m: MatchScheduleCandidate, rules: Rules): Timed {
  if (!ISO_WITH_ZONE.test(m.startsAt) || Number.isNaN(Date.parse(m.startsAt))) {
    throw new BasketballRuleError(
      'invalid-argument',
      `startsAt "${m.startsAt}" is not an ISO date-time with an offset`,
    );
  }
  const startMs = Date.parse(m.startsAt);
  const localDate = new Date(startMs + rules.offsetMs).toISOString().slice(0, 10);
  return { homeTeamId: m.homeTeamId, awayTeamId: m.awayTeamId, venueId: m.venueId, court: m.court, startMs, localDate };
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function parseRules(rules: MatchScheduleRules): Rules {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(rules.timeZoneOffset);
  if (!m || Number(m[2]) > 14 || Number(m[3]) > 59) {
    throw new BasketballRuleError('invalid-argument', `timeZoneOffset "${rules.timeZoneOffset}" must look like +08:00`);
  }
  if (!Number.isFinite(rules.minRestHours) || rules.minRestHours < 0) {
    throw new BasketballRuleError('invalid-argument', `minRestHours must be ≥ 0, got ${rules.minRestHours}`);
  }
  if (!Number.isFinite(rules.matchDurationMinutes) || rules.matchDurationMinutes <= 0) {
    throw new BasketballRuleError(
      'invalid-argument',
      `matchDurationMinutes must be > 0, got ${rules.matchDurationMinutes}`,
    );
  }
  const sign = m[1] === '-' ? -1 : 1;
  return {
    offsetMs: sign * (Number(m[2]) * HOUR_MS + Number(m[3]) * 60_000),
    restMs: rules.minRestHours * HOUR_MS,
    durationMs: rules.matchDurationMinutes * 60_000,
  };
}

function parseDate(value: string, field: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new BasketballRuleError('invalid-argument', `${field} "${value}" is not a YYYY-MM-DD date`);
  }
  return ms;
}

function parseTime(value: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    throw new BasketballRuleError('invalid-argument', `Daily slot "${value}" is not an HH:MM time`);
  }
  return value;
}

function courtKey(c: MatchSlotCourt): string {
  return JSON.stringify([c.venueId, c.court]);
}
