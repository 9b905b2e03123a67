import { Injectable } from '@nestjs/common';
import { classifyFibaGroup, type FibaGameResult, type FibaStandingRow } from '@sailcourt/domain';
import type { EntityManager } from 'typeorm';
import { isUuid } from '../../common/ids.js';
import { notFound } from '../../common/problem.js';
import { RegistrationsService } from '../registrations/registrations.service.js';
import type { StandingRowDto, StandingsDto, StandingsGroupDto, FibaTieBreakDto } from './dto/standings.dto.js';
import { type Feed, FeedCache } from './feed-cache.js';
import { FeedVersions } from './feed-versions.js';
import { PLAYED_STATUSES } from './match.entity.js';
import { type GameRow, MatchesRepository, type TeamName } from './matches.repository.js';

type GroupGames = { teams: Set<string>; games: FibaGameResult[]; scheduled: number };

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
    if (PLAYED_STATUSES.includes(row.status) && row.homeScore !== null && row.awayScore !== null) {
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

export type RankedGroup = { name: string; complete: boolean; rows: FibaStandingRow[]; played: number; scheduled: number };

/** FIBA Appendix D for every group. */
export function classifyGroups(rows: readonly GameRow[], confirmedTeamIds: readonly string[]): RankedGroup[] {
  return [...groupGames(rows, confirmedTeamIds)]
    .sort(([a], [b]) => byName(a, b))
    .map(([name, g]) => ({
      name,
      complete: g.scheduled > 0 && g.games.length === g.scheduled,
      played: g.games.length,
      scheduled: g.scheduled,
      rows: classifyFibaGroup({ teamIds: [...g.teams], games: g.games, groupComplete: g.scheduled > 0 && g.games.length === g.scheduled }),
    }));
}

@Injectable()
export class StandingsService {
  private readonly cache = new FeedCache();

  constructor(
    private readonly matches: MatchesRepository,
    private readonly versions: FeedVersions,
    private readonly registrations: RegistrationsService,
  ) {}

  /** The public feed: the feed version decides the ETag (no query while the listener is up); the body is computed once per version. */
  async feed(eventId: string): Promise<Feed> {
    const version = isUuid(eventId) ? await this.versions.current(eventId) : null;
    if (version === null) throw notFound('event', eventId);
    return {
      etag: `W/"standings-${version}"`,
      body: () => this.cache.get(`${eventId}:${version}`, () => this.standings(eventId)),
    };
  }

  async standings(eventId: string): Promise<StandingsDto> {
    const confirmed = await this.registrations.confirmedTeamIds(eventId);
    return this.matches.snapshot(async (manager) => this.standingsIn(manager, eventId, confirmed));
  }

  async rankedGroups(manager: EntityManager, eventId: string): Promise<RankedGroup[]> {
    return classifyGroups(await this.matches.gameRows(manager, eventId), await this.registrations.confirmedTeamIds(eventId));
  }

  private async standingsIn(manager: EntityManager, eventId: string, confirmed: readonly string[]): Promise<StandingsDto> {
    const groups = classifyGroups(await this.matches.gameRows(manager, eventId), confirmed);
    const names = await this.matches.teamNames(
      groups.flatMap((g) => g.rows.map((r) => r.teamId)),
      manager,
    );
    return { eventId, groups: groups.map((g) => toGroupDto(g, names)) };
  }
}

function toGroupDto(g: RankedGroup, names: ReadonlyMap<string, TeamName>): StandingsGroupDto {
  return { name: g.name, complete: g.complete, gamesPlayed: g.played, gamesScheduled: g.scheduled, rows: g.rows.map((r) => toRowDto(r, names)) };
}

function toRowDto(r: FibaStandingRow, names: ReadonlyMap<string, TeamName>): StandingRowDto {
  const team = names.get(r.teamId);
  return {
    rank: r.rank,
    teamId: r.teamId,
    teamName: team?.name ?? '',
    teamNameEn: team?.nameEn ?? null,
    played: r.played,
    won: r.won,
    lost: r.lost,
    forfeits: r.forfeits,
    classificationPoints: r.classificationPoints,
    pointsFor: r.pointsFor,
    pointsAgainst: r.pointsAgainst,
    pointsDiff: r.pointsDiff,
    ...(r.tieBreak ? { tieBreak: toTieBreakDto(r.tieBreak, names) } : {}),
    ...(r.decidedByLot ? { decidedByLot: true as const } : {}),
  };
}

function toTieBreakDto(t: NonNullable<FibaStandingRow['tieBreak']>, names: ReadonlyMap<string, TeamName>): FibaTieBreakDto {
  // The domain explains with team ids; readers know teams by name.
  const ids = [...new Set([...t.tiedWith, ...t.values.map((v) => v.teamId)])];
  const render = (pick: (n: TeamName) => string): string =>
    ids.reduce((text, id) => {
      const team = names.get(id);
      return team ? text.replaceAll(id, pick(team)) : text;
    }, t.explanation);
  return {
    criterion: t.criterion,
    tiedWith: [...t.tiedWith],
    values: t.values.map((v) => ({ teamId: v.teamId, value: v.value })),
    explanation: render((n) => n.name),
    explanationEn: render((n) => n.nameEn ?? n.name),
  };
}
