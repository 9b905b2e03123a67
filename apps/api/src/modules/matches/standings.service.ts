import { Inject, Injectable } from '@nestjs/common';
import { inSnapshot, TransactionHost, type TxHost } from '../../database/transactions.js';
import {
  classifyFiba3x3Group,
  classifyFibaGroup,
  type DrawnLot,
  type Fiba3x3StandingRow,
  type FibaGameResult,
  type FibaStandingRow,
  toChinaIso,
} from '@sailcourt/domain';
import { notFound } from '../../common/problem.js';
import { DivisionsService } from '../divisions/divisions.service.js';
import { RegistrationsService } from '../registrations/registrations.service.js';
import type { Ruleset } from '../events/event.entity.js';
import type { StandingRowDto, StandingsDto, StandingsGroupDto, FibaTieBreakDto } from './dto/standings.dto.js';
import { type Feed, FeedCache } from './feed-cache.js';
import { FeedVersions } from './feed-versions.js';
import { PLAYED_STATUSES } from './match.entity.js';
import { EventsService } from '../events/events.service.js';
import { type TeamName, teamLabel } from '../teams/team-names.js';
import { TeamsService } from '../teams/teams.service.js';
import { type GameRow, MatchesRepository, type StoredLot } from './matches.repository.js';

/** A played game; a 3x3 forfeit (w-0) carries no scores. */
type PlayedGame = Omit<FibaGameResult, 'homeScore' | 'awayScore'> & {
  homeScore: number | null;
  awayScore: number | null;
};
type GroupGames = { teams: Set<string>; games: PlayedGame[]; scheduled: number };

/** Groups as the games define them; teams without a game join the unnamed group if it is the only one. */
export function groupGames(rows: readonly GameRow[], confirmedTeamIds: readonly string[]): Map<string, GroupGames> {
  const groups = new Map<string, GroupGames>();
  const groupOf = (name: string): GroupGames => {
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { teams: new Set(), games: [], scheduled: 0 }));
    return g;
  };
  for (const row of rows) {
    const g = groupOf(row.group);
    g.teams.add(row.homeTeamId).add(row.awayTeamId);
    g.scheduled += 1;
    const scored = row.homeScore !== null && row.awayScore !== null;
    if (PLAYED_STATUSES.includes(row.status) && (scored || row.forfeitedBy !== null)) {
      g.games.push({
        homeTeamId: row.homeTeamId,
        awayTeamId: row.awayTeamId,
        homeScore: row.homeScore,
        awayScore: row.awayScore,
        ...(row.forfeitedBy ? { forfeitedBy: row.forfeitedBy } : {}),
      });
    }
  }
  if ([...groups.keys()].every((name) => name === '')) {
    const unnamed = groupOf('');
    for (const teamId of confirmedTeamIds) unnamed.teams.add(teamId);
  }
  return groups;
}

/** Code-unit order: '' first, then A, B, … whatever the server's locale. */
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type GroupProgress = { name: string; complete: boolean; played: number; scheduled: number };
export type RankedGroup = GroupProgress &
  ({ ruleset: 'fiba'; rows: FibaStandingRow[] } | { ruleset: 'fiba-3x3'; rows: Fiba3x3StandingRow[] });

/** The lots recorded for one group, as the domain applies them (the recorder by name, the time in China). */
const lotsOf = (lots: readonly StoredLot[], group: string): DrawnLot[] =>
  lots
    .filter((l) => l.group === group)
    .map((l) => ({
      teamIds: l.teamIds,
      recordedBy: l.recordedBy || 'a removed account',
      recordedAt: toChinaIso(l.recordedAt),
    }));

/**
 * Every group ranked by the event's ruleset: FIBA Appendix D, or the FIBA 3x3 ranking procedure. `lots`: the ones
 * recorded for these games' groups (one division's, or the event's without divisions).
 */
export function classifyGroups(
  rows: readonly GameRow[],
  confirmedTeamIds: readonly string[],
  ruleset: Ruleset = 'fiba',
  lots: readonly StoredLot[] = [],
): RankedGroup[] {
  return [...groupGames(rows, confirmedTeamIds)]
    .sort(([a], [b]) => byName(a, b))
    .map(([name, g]) => {
      const complete = g.scheduled > 0 && g.games.length === g.scheduled;
      const progress = { name, complete, played: g.games.length, scheduled: g.scheduled };
      const drawn = lotsOf(lots, name);
      if (ruleset === 'fiba-3x3')
        return {
          ...progress,
          ruleset,
          rows: classifyFiba3x3Group({ teamIds: [...g.teams], games: g.games, groupComplete: complete, lots: drawn }),
        };
      // Five-a-side forfeits always carry their 20–0; one stored without scores under 3x3 is scored the same way here.
      const games = g.games.map((game) => ({
        ...game,
        homeScore: game.homeScore ?? 0,
        awayScore: game.awayScore ?? 0,
      }));
      return {
        ...progress,
        ruleset,
        rows: classifyFibaGroup({ teamIds: [...g.teams], games, groupComplete: complete, lots: drawn }),
      };
    });
}

@Injectable()
export class StandingsService {
  private readonly cache = new FeedCache();

  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly matches: MatchesRepository,
    private readonly events: EventsService,
    private readonly teams: TeamsService,
    private readonly versions: FeedVersions,
    private readonly registrations: RegistrationsService,
    private readonly divisions: DivisionsService,
  ) {}

  /**
   * The public feed: the feed version decides the ETag (no query while the listener is up); the body is computed once per version.
   * `division` (id or code) narrows it to one division; an unknown one is a 422.
   */
  async feed(eventId: string, division?: string): Promise<Feed> {
    const version = await this.versions.current(eventId);
    if (version === null) throw notFound('event', eventId);
    const divisionId = (await this.divisions.resolve(eventId, division, 'division'))?.id;
    const scope = divisionId ?? 'all';
    return {
      etag: `W/"standings-${version}${divisionId ? `-${divisionId}` : ''}"`,
      body: () => this.cache.get(`${eventId}:${scope}:${version}`, () => this.standings(eventId, divisionId)),
    };
  }

  async standings(eventId: string, divisionId?: string): Promise<StandingsDto> {
    return inSnapshot(this.txHost, async () => this.standingsIn(eventId, divisionId));
  }

  /**
   * The event's groups ranked; with `divisionId`, that division's (its games, its confirmed teams, its lots).
   * `withLots: false` ranks as if no lot were drawn: the ties still left to lots.
   */
  async rankedGroups(eventId: string, divisionId?: string, withLots = true): Promise<RankedGroup[]> {
    const lots = withLots ? await this.matches.lots(eventId) : [];
    return classifyGroups(
      await this.matches.gameRows(eventId, divisionId),
      await this.registrations.confirmedTeamIds(eventId, divisionId),
      await this.events.ruleset(eventId),
      lots.filter((l) => l.divisionId === (divisionId ?? null)),
    );
  }

  private async standingsIn(eventId: string, divisionId: string | undefined): Promise<StandingsDto> {
    const ruleset = await this.events.ruleset(eventId);
    const rows = await this.matches.gameRows(eventId, divisionId);
    const lots = await this.matches.lots(eventId);
    const lotsIn = (id: string | null) => lots.filter((l) => l.divisionId === id);
    const divisionIds = divisionId ? [divisionId] : (await this.divisions.forEvent(eventId)).map((d) => d.id);
    const groups: DivisionGroup[] = [];
    if (divisionIds.length === 0) {
      groups.push(
        ...classifyGroups(rows, await this.registrations.confirmedTeamIds(eventId), ruleset, lotsIn(null)).map((g) => ({
          ...g,
          divisionId: null,
        })),
      );
    } else {
      // Each division ranks on its own: its games, its confirmed teams.
      for (const id of divisionIds) {
        const own = rows.filter((r) => r.divisionId === id);
        const ranked = classifyGroups(
          own,
          await this.registrations.confirmedTeamIds(eventId, id),
          ruleset,
          lotsIn(id),
        ).map((g) => ({ ...g, divisionId: id }));
        // Over every division, one without teams or games adds an empty table; asked for by name, it still answers.
        groups.push(...(divisionId ? ranked : ranked.filter((g) => g.rows.length > 0 || g.scheduled > 0)));
      }
      const unassigned = divisionId ? [] : rows.filter((r) => r.divisionId === null);
      if (unassigned.length > 0)
        groups.push(...classifyGroups(unassigned, [], ruleset).map((g) => ({ ...g, divisionId: null })));
    }
    const names = await this.teams.names(groups.flatMap((g) => g.rows.map((r) => r.teamId)));
    return { eventId, ruleset, divisionId: divisionId ?? null, groups: groups.map((g) => toGroupDto(g, names)) };
  }
}

type DivisionGroup = RankedGroup & { divisionId: string | null };

function toGroupDto(g: DivisionGroup, names: ReadonlyMap<string, TeamName>): StandingsGroupDto {
  const rows =
    g.ruleset === 'fiba-3x3' ? g.rows.map((r) => to3x3RowDto(r, names)) : g.rows.map((r) => toRowDto(r, names));
  return {
    name: g.name,
    divisionId: g.divisionId,
    complete: g.complete,
    gamesPlayed: g.played,
    gamesScheduled: g.scheduled,
    rows,
  };
}

/**
 * A 3x3 row in the contract's shape: 3x3 pools have no classification points, so that column repeats the wins
 * (what ranks first); the 3x3 figures and tie-break come in their own fields.
 */
function to3x3RowDto(r: Fiba3x3StandingRow, names: ReadonlyMap<string, TeamName>): StandingRowDto {
  return {
    ...commonRow(r, names),
    classificationPoints: r.won,
    pointsDiff: r.pointsFor - r.pointsAgainst,
    winRatio: r.winRatio,
    gamesCounted: r.gamesCounted,
    pointsAverage: r.pointsAverage,
    ...(r.tieBreak ? { tieBreak3x3: toTieBreakDto(r.tieBreak, names) } : {}),
  };
}

type RowBase = Pick<
  StandingRowDto,
  'rank' | 'teamId' | 'played' | 'won' | 'lost' | 'forfeits' | 'pointsFor' | 'pointsAgainst'
>;

/** The fields both rulesets fill alike. */
function commonRow(
  r: RowBase,
  names: ReadonlyMap<string, TeamName>,
): RowBase & Pick<StandingRowDto, 'teamName' | 'teamNameEn'> {
  return {
    rank: r.rank,
    teamId: r.teamId,
    ...teamLabel(names, r.teamId),
    played: r.played,
    won: r.won,
    lost: r.lost,
    forfeits: r.forfeits,
    pointsFor: r.pointsFor,
    pointsAgainst: r.pointsAgainst,
  };
}

/** The domain explains with team ids; readers know teams by name (Chinese as published, and English where known). */
function renderNames(
  text: string,
  teamIds: readonly string[],
  names: ReadonlyMap<string, TeamName>,
): { explanation: string; explanationEn: string } {
  const ids = [...new Set(teamIds)];
  const render = (pick: (n: TeamName) => string): string =>
    ids.reduce((out, id) => {
      const team = names.get(id);
      return team ? out.replaceAll(id, pick(team)) : out;
    }, text);
  return { explanation: render((n) => n.name), explanationEn: render((n) => n.nameEn ?? n.name) };
}

function toRowDto(r: FibaStandingRow, names: ReadonlyMap<string, TeamName>): StandingRowDto {
  return {
    ...commonRow(r, names),
    classificationPoints: r.classificationPoints,
    pointsDiff: r.pointsDiff,
    ...(r.tieBreak ? { tieBreak: toTieBreakDto(r.tieBreak, names) } : {}),
    ...(r.decidedByLot ? { decidedByLot: true as const } : {}),
  };
}

/** Either ruleset's tie-break (they differ only in their criteria). */
function toTieBreakDto<C extends string>(
  t: {
    criterion: C;
    tiedWith: readonly string[];
    values: readonly { teamId: string; value: number }[];
    explanation: string;
    lot?: { recordedBy: string; recordedAt: string; drawn: number };
  },
  names: ReadonlyMap<string, TeamName>,
): { criterion: C; tiedWith: string[]; values: { teamId: string; value: number }[] } & Pick<
  FibaTieBreakDto,
  'explanation' | 'explanationEn' | 'lot'
> {
  const { explanation, explanationEn } = renderNames(
    t.explanation,
    [...t.tiedWith, ...t.values.map((v) => v.teamId)],
    names,
  );
  return {
    criterion: t.criterion,
    tiedWith: [...t.tiedWith],
    values: t.values.map((v) => ({ teamId: v.teamId, value: v.value })),
    explanation,
    explanationEn,
    ...(t.lot ? { lot: { ...t.lot } } : {}),
  };
}
