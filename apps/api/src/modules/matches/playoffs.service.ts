import { Inject, Injectable } from '@nestjs/common';
import { inSnapshot, TransactionHost, type TxHost } from '../../database/transactions.js';
import {
  advanceBracket,
  BasketballRuleError,
  chinaDate,
  chinaDayStart,
  type PlayoffBracket,
  type PlayoffMatch,
  type PlayoffSide,
  scheduleMatchSlots,
  seedPlayoffsFromGroups,
  toChinaIso,
} from '@sailcourt/domain';
import type { DeepPartial } from 'typeorm';
import { conflict, notFound } from '../../common/problem.js';
import type { DivisionEntity } from '../divisions/division.entity.js';
import { DivisionsService } from '../divisions/divisions.service.js';
import type { EventEntity } from '../events/event.entity.js';
import { EventsService } from '../events/events.service.js';
import type { BracketDto, BracketMatchDto, BracketSideDto, CreatePlayoffsDto } from './dto/bracket.dto.js';
import { type MatchEntity, PLAYED_STATUSES, STARTED_STATUSES } from './match.entity.js';
import { TeamsService } from '../teams/teams.service.js';
import type { TeamName } from '../teams/team-names.js';
import { MatchesRepository } from './matches.repository.js';
import {
  addHours,
  DEFAULT_DAILY_SLOTS,
  DEFAULT_RULES,
  ruleProblem,
  type ScheduleRefSource,
  toScheduleRef,
} from './schedule-rules.js';
import { StandingsService } from './standings.service.js';

const DAY_HOURS = 24;

const played = (m: MatchEntity): boolean => PLAYED_STATUSES.includes(m.status);
// A forfeit names its loser (a 3x3 forfeit, w-0, has no scores); otherwise the higher score won.
const winnerOf = (m: MatchEntity): string =>
  m.forfeitedBy !== null
    ? m.forfeitedBy === m.homeTeamId
      ? m.awayTeamId
      : m.homeTeamId
    : (m.homeScore ?? 0) > (m.awayScore ?? 0)
      ? m.homeTeamId
      : m.awayTeamId;

/** Playoffs: a bracket seeded from the group standings; its games are created as both sides become known. */
@Injectable()
export class PlayoffsService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly matches: MatchesRepository,
    private readonly teams: TeamsService,
    private readonly events: EventsService,
    private readonly standings: StandingsService,
    private readonly divisions: DivisionsService,
  ) {}

  /**
   * The bracket a request names: null for an event without divisions; once the event has divisions, one of them is
   * required (400), since seeding from several divisions' groups would make teams of different age groups meet.
   * An unknown division is a 422 naming `division`.
   */
  scope(eventId: string, key: string | undefined): Promise<DivisionEntity | null> {
    return this.divisions.resolveRequired(eventId, key, 'division', 'bracket.division-required');
  }

  async create(eventId: string, input: CreatePlayoffsDto): Promise<BracketDto> {
    const event = await this.events.require(eventId);
    const division = await this.scope(event.id, input.division);
    const divisionId = division?.id ?? null;
    await this.txHost.withTransaction(async () => {
      await this.events.lockForUpdate(event.id);
      if (await this.matches.findBracket(event.id, divisionId)) {
        if (!input.replace)
          throw conflict(
            `The ${division ? 'division' : 'event'} already has a playoff bracket; send replace: true to draw it again.`,
            [{ field: 'replace', message: 'is needed' }],
            'schedule.replace-needed',
          );
        const games = await this.matches.playoffMatches(event.id, divisionId);
        if (games.some((m) => STARTED_STATUSES.includes(m.status))) {
          throw conflict('A playoff game has started or has a result; the bracket can no longer be drawn again.');
        }
        await this.matches.deletePlayoffMatches(event.id, divisionId);
        await this.matches.deleteBracket(event.id, divisionId);
      }
      const groups = (await this.standings.rankedGroups(event.id, division?.id)).filter((g) => g.scheduled > 0);
      if (groups.length === 0) throw conflict('The event has no group games to seed playoffs from.');
      const open = groups.filter((g) => !g.complete);
      if (open.length > 0) {
        const which = open
          .map((g) => `${g.name === '' ? 'the group' : `group ${g.name}`} (${g.played} of ${g.scheduled} games)`)
          .join(', ');
        throw conflict(`Group games remain: ${which}. Seed the playoffs once every group game has a result.`);
      }
      const smallest = Math.min(...groups.map((g) => g.rows.length));
      const qualifiers = input.qualifiersPerGroup ?? Math.min(groups.length > 1 ? 2 : 4, smallest);
      let bracket: PlayoffBracket;
      try {
        bracket = seedPlayoffsFromGroups(
          groups.map((g) => ({ groupId: g.name, rankedTeamIds: g.rows.map((r) => r.teamId) })),
          qualifiers,
          { thirdPlaceGame: input.thirdPlaceGame ?? false },
        );
      } catch (error) {
        throw ruleProblem(error, 'qualifiersPerGroup');
      }
      await this.matches.insertBracket({
        eventId: event.id,
        divisionId,
        bracket,
        qualifiersPerGroup: qualifiers,
        thirdPlaceGame: input.thirdPlaceGame ?? false,
      });
      await this.advance(event, divisionId);
    });
    return this.bracketOf(event.id, divisionId);
  }

  /**
   * Replays the bracket from the playoff results and creates each game whose two teams are now
   * known. A corrected result that changes a winner moves the later game's team while that game
   * is unplayed; once it has a result the correction is refused (409) and nothing changes.
   */
  async advance(event: EventEntity, divisionId: string | null): Promise<void> {
    const stored = await this.matches.findBracket(event.id, divisionId);
    if (!stored) return;
    const rows = await this.matches.playoffMatches(event.id, divisionId);
    const bySlot = new Map(rows.map((r) => [r.playoffSlot ?? '', r]));
    const bracket = replay(stored.bracket, rows, true);
    const toCreate: { match: PlayoffMatch; home: string; away: string }[] = [];
    for (const m of bracket.matches) {
      const home = m.home.teamId;
      const away = m.away.teamId;
      if (m.home.bye || m.away.bye || home === null || away === null) continue;
      const row = bySlot.get(m.id);
      if (!row) toCreate.push({ match: m, home, away });
      else if (row.homeTeamId !== home || row.awayTeamId !== away) {
        if (played(row))
          throw conflict(`Playoff game ${m.id} already has a result between other teams; correct that game first.`);
        await this.matches.updateMatch(row.id, {
          homeTeamId: home,
          awayTeamId: away,
          version: row.version + 1,
        });
      }
    }
    await this.createGames(event, divisionId, toCreate, bySlot);
  }

  /** `GET /events/:id/bracket[?division=]`. */
  async bracket(eventId: string, division?: string): Promise<BracketDto> {
    const event = await this.events.require(eventId);
    return this.bracketOf(event.id, (await this.scope(event.id, division))?.id ?? null);
  }

  async bracketOf(eventId: string, divisionId: string | null): Promise<BracketDto> {
    return inSnapshot(this.txHost, async () => {
      const stored = await this.matches.findBracket(eventId, divisionId);
      if (!stored)
        throw notFound(
          divisionId ? 'playoff bracket for division' : 'playoff bracket for event',
          divisionId ?? eventId,
        );
      const rows = await this.matches.playoffMatches(eventId, divisionId);
      const bracket = replay(stored.bracket, rows, false);
      const names = await this.teams.names(bracket.seeds.map((s) => s.teamId));
      const bySlot = new Map(rows.map((r) => [r.playoffSlot ?? '', r]));
      const final = bracket.matches.filter((m) => m.kind === 'main').at(-1);
      return {
        eventId,
        divisionId,
        size: bracket.size,
        qualifiersPerGroup: stored.qualifiersPerGroup,
        thirdPlaceGame: stored.thirdPlaceGame,
        bestNextPlaced: stored.bestNextPlaced,
        drawnBeforeGroupsComplete: stored.drawnBeforeGroupsComplete,
        seeds: bracket.seeds.map((s) => ({
          seed: s.seed,
          teamId: s.teamId,
          teamName: names.get(s.teamId)?.name ?? '',
          teamNameEn: names.get(s.teamId)?.nameEn ?? null,
          group: s.groupId ?? null,
          groupRank: s.groupRank ?? null,
        })),
        matches: bracket.matches.map((m) => toBracketMatchDto(m, bySlot.get(m.id), names)),
        championTeamId: final?.status === 'decided' ? final.winnerTeamId : null,
      };
    });
  }

  /** Each game goes into the first free evening slot at the event's venue after the games that feed it. */
  private async createGames(
    event: EventEntity,
    divisionId: string | null,
    games: { match: PlayoffMatch; home: string; away: string }[],
    bySlot: Map<string, MatchEntity>,
  ): Promise<void> {
    if (games.length === 0) return;
    const venue = event.venue ?? null;
    await this.matches.lockScheduleKeys([
      ...games.flatMap((g) => [`team:${g.home}`, `team:${g.away}`]),
      ...(venue ? [`venue:${venue.id}`] : []),
    ]);
    const groupGamesEnd = latest(
      (await this.matches.eventMatches(event.id)).filter((m) => m.playoffSlot === null && m.divisionId === divisionId),
    );
    const placed: ScheduleRefSource[] = [];
    for (const { match, home, away } of games) {
      const feeders = [match.home.source, match.away.source].flatMap((s) =>
        s.kind === 'seed' ? [] : (bySlot.get(s.matchId) ?? []),
      );
      const after = latest(feeders) ?? groupGamesEnd;
      const startDate = after ? chinaDate(addHours(chinaDayStart(chinaDate(after)), DAY_HOURS)) : event.startDate;
      const slot =
        venue && startDate <= event.endDate
          ? await this.findSlot(event, venue.id, venue.courts, home, away, match.round, startDate, placed)
          : null;
      const game: DeepPartial<MatchEntity> = {
        eventId: event.id,
        divisionId,
        homeTeamId: home,
        awayTeamId: away,
        startsAt: slot ? new Date(slot.startsAt) : null,
        venueId: slot ? (venue?.id ?? null) : null,
        court: slot ? Number(slot.court) : null,
        group: '',
        round: match.round,
        status: 'scheduled',
        playoffSlot: match.id,
        source: null,
      };
      const [id] = await this.matches.insertMatches([game]);
      if (slot)
        placed.push({
          id: id ?? '',
          homeTeamId: home,
          awayTeamId: away,
          startsAt: new Date(slot.startsAt),
          venueId: venue?.id ?? null,
          court: Number(slot.court),
        });
    }
  }

  private async findSlot(
    event: EventEntity,
    venueId: string,
    courtCount: number,
    home: string,
    away: string,
    round: number,
    startDate: string,
    placed: readonly ScheduleRefSource[],
  ): Promise<{ startsAt: string; court: string } | null> {
    const nearby = await this.matches.clashCandidates({
      teamIds: [home, away],
      venueIds: [venueId],
      from: addHours(chinaDayStart(startDate), -2 * DAY_HOURS),
      to: addHours(chinaDayStart(event.endDate), 3 * DAY_HOURS),
    });
    const fixedMatches = [...nearby, ...placed].flatMap((m) => toScheduleRef(m) ?? []);
    const { placed: slots } = scheduleMatchSlots({
      ...DEFAULT_RULES,
      pairings: [{ homeTeamId: home, awayTeamId: away, round }],
      startDate,
      endDate: event.endDate,
      dailySlots: DEFAULT_DAILY_SLOTS,
      courts: Array.from({ length: courtCount }, (_, i) => ({ venueId, court: String(i + 1) })),
      fixedMatches,
    });
    const slot = slots[0];
    return slot ? { startsAt: slot.startsAt, court: slot.court } : null;
  }
}

function latest(matches: readonly MatchEntity[]): Date | null {
  let best: Date | null = null;
  for (const m of matches) if (m.startsAt && (!best || m.startsAt > best)) best = m.startsAt;
  return best;
}

/**
 * The bracket with the stored results applied. `strict`: a result that no longer fits its pairing
 * is a conflict (while writing); on read the last consistent state is shown instead.
 */
function replay(initial: PlayoffBracket, rows: readonly MatchEntity[], strict: boolean): PlayoffBracket {
  const results = rows.filter(played).map((r) => ({ matchId: r.playoffSlot ?? '', winnerTeamId: winnerOf(r) }));
  try {
    return advanceBracket(initial, results);
  } catch (error) {
    if (!(error instanceof BasketballRuleError)) throw error;
    if (strict) throw conflict(`The playoff results no longer fit the bracket: ${error.message}.`);
    return initial;
  }
}

const teamLabel = (
  names: ReadonlyMap<string, TeamName>,
  teamId: string | null,
): { teamName: string | null; teamNameEn: string | null } => {
  const team = teamId === null ? undefined : names.get(teamId);
  return { teamName: team?.name ?? null, teamNameEn: team?.nameEn ?? null };
};

function toSideDto(side: PlayoffSide, names: ReadonlyMap<string, TeamName>): BracketSideDto {
  const source = side.source;
  return {
    from: source.kind,
    ...(source.kind === 'seed' ? { seed: source.seed } : { slot: source.matchId }),
    teamId: side.teamId,
    ...teamLabel(names, side.teamId),
    bye: side.bye,
  };
}

function toBracketMatchDto(
  m: PlayoffMatch,
  row: MatchEntity | undefined,
  names: ReadonlyMap<string, TeamName>,
): BracketMatchDto {
  return {
    slot: m.id,
    kind: m.kind,
    round: m.round,
    teamsInRound: m.teamsInRound,
    position: m.position,
    status: m.status,
    home: toSideDto(m.home, names),
    away: toSideDto(m.away, names),
    winnerTeamId: m.winnerTeamId,
    matchId: row?.id ?? null,
    startsAt: row?.startsAt ? toChinaIso(row.startsAt) : null,
    homeScore: row?.homeScore ?? null,
    awayScore: row?.awayScore ?? null,
  };
}
