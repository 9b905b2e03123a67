import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { inSnapshot, TransactionHost, type TxHost } from '../../database/transactions.js';
import {
  type CrossGroupRow,
  drawKnockout,
  type KnockoutDraw,
  type KnockoutGroup,
  type PlayoffSeed,
  toChinaIso,
} from '@sailcourt/domain';
import { QueryFailedError } from 'typeorm';
import { conflict } from '../../common/problem.js';
import type { OrganizerAuditEntryDto } from '../audit/audit-entry.dto.js';
import { AuditLog } from '../audit/audit-log.js';
import type { Ruleset } from '../events/event.entity.js';
import { EventsService } from '../events/events.service.js';
import type { BracketDto, BracketSeedDto } from './dto/bracket.dto.js';
import type {
  ConfirmKnockoutDto,
  CrossGroupRowDto,
  KnockoutDrawOptionsDto,
  KnockoutPairingDto,
  KnockoutPreviewDto,
  UnfinishedGameDto,
} from './dto/knockout.dto.js';
import { PLAYED_STATUSES } from './match.entity.js';
import { TeamsService } from '../teams/teams.service.js';
import { type TeamName, teamLabel } from '../teams/team-names.js';
import { MatchesRepository } from './matches.repository.js';
import { PlayoffsService } from './playoffs.service.js';
import { ruleProblem } from './schedule-rules.js';
import { StandingsService } from './standings.service.js';

type GroupStage = { ruleset: Ruleset; groups: KnockoutGroup[]; unfinished: UnfinishedGameDto[] };
type Drawn = {
  draw: KnockoutDraw;
  qualifiersPerGroup: number;
  bestNextPlaced: number;
  thirdPlaceGame: boolean;
  key: string;
};

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
const bracketExists = (divisionId: string | null) =>
  conflict(
    `The ${divisionId ? 'division' : 'event'} already has a knockout bracket.`,
    [
      {
        field: divisionId ? 'division' : 'eventId',
        message: 'has a bracket already',
        code: 'knockout.bracket-exists',
      },
    ],
    'knockout.bracket-exists',
  );

/**
 * Group stage → knockout: the organizer previews the draw (nothing stored), then confirms it. The confirmed draw is
 * stored as the playoff bracket of the event or, once it has divisions, of one division (one each: unique indexes), and
 * its games follow the playoff code.
 */
@Injectable()
export class KnockoutService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly matches: MatchesRepository,
    private readonly teams: TeamsService,
    private readonly events: EventsService,
    private readonly standings: StandingsService,
    private readonly playoffs: PlayoffsService,
    private readonly auditLog: AuditLog,
  ) {}

  async preview(eventId: string, input: KnockoutDrawOptionsDto): Promise<KnockoutPreviewDto> {
    const event = await this.events.require(eventId);
    const divisionId = (await this.playoffs.scope(event.id, input.division))?.id ?? null;
    return inSnapshot(this.txHost, async () => {
      const stage = await this.groupStage(event.id, divisionId);
      const drawn = draw(stage, input);
      const names = await this.teams.names(stage.groups.flatMap((g) => g.rankedTeamIds));
      const seeds = drawn.draw.seeds.map((s) => toSeedDto(s, names));
      const bySeed = new Map(seeds.map((s) => [s.seed, s]));
      const firstRound: KnockoutPairingDto[] = drawn.draw.bracket.matches
        .filter((m) => m.round === 1 && m.kind === 'main')
        .map((m) => {
          const home = m.home.source.kind === 'seed' ? (bySeed.get(m.home.source.seed) ?? null) : null;
          const away = m.away.source.kind === 'seed' ? (bySeed.get(m.away.source.seed) ?? null) : null;
          return { slot: m.id, home, away, sameGroup: home !== null && away !== null && home.group === away.group };
        });
      return {
        eventId: event.id,
        divisionId,
        ruleset: stage.ruleset,
        pattern: drawn.draw.pattern,
        qualifiersPerGroup: drawn.qualifiersPerGroup,
        bestNextPlaced: drawn.bestNextPlaced,
        thirdPlaceGame: drawn.thirdPlaceGame,
        size: drawn.draw.bracket.size,
        groupStageComplete: stage.unfinished.length === 0,
        unfinishedGames: stage.unfinished,
        bracketExists: (await this.matches.findBracket(event.id, divisionId)) !== null,
        seeds,
        firstRound,
        nextPlacedRanking: drawn.draw.nextPlacedRanking.map((r) =>
          toCrossGroupDto(r, names, r.rank <= drawn.bestNextPlaced),
        ),
        sameGroupGames: drawn.draw.sameGroupGames,
        drawKey: drawn.key,
      };
    });
  }

  /**
   * Stores the draw and creates the first-round games. Refused (409) while group games lack a result unless
   * `allowIncomplete`, when the event's or division's bracket exists (checked under the event's row lock, and the
   * unique indexes hold even if two confirmations race), and when `drawKey` no longer matches the draw.
   */
  async confirm(eventId: string, input: ConfirmKnockoutDto, actorId: string): Promise<BracketDto> {
    const event = await this.events.require(eventId);
    const divisionId = (await this.playoffs.scope(event.id, input.division))?.id ?? null;
    try {
      await this.txHost.withTransaction(async () => {
        await this.events.lockForUpdate(event.id);
        if (await this.matches.findBracket(event.id, divisionId)) throw bracketExists(divisionId);
        const stage = await this.groupStage(event.id, divisionId);
        if (stage.unfinished.length > 0 && input.allowIncomplete !== true) throw incomplete(stage.unfinished);
        const drawn = draw(stage, input);
        if (input.drawKey !== undefined && input.drawKey !== drawn.key) {
          throw conflict(
            'The group standings changed since the preview; preview the draw again.',
            [{ field: 'drawKey', message: 'no longer matches the draw', code: 'knockout.draw-changed' }],
            'knockout.draw-changed',
          );
        }
        await this.matches.insertBracket({
          eventId: event.id,
          divisionId,
          bracket: drawn.draw.bracket,
          qualifiersPerGroup: drawn.qualifiersPerGroup,
          thirdPlaceGame: drawn.thirdPlaceGame,
          bestNextPlaced: drawn.bestNextPlaced,
          drawnBeforeGroupsComplete: stage.unfinished.length > 0,
        });
        await this.playoffs.advance(event, divisionId);
        // In the same transaction: the log holds exactly the draws committed, with who confirmed them.
        await this.auditLog.record({
          subject: 'knockout',
          subjectId: event.id,
          eventId: event.id,
          divisionId,
          action: 'confirmed',
          actorId,
          details: {
            qualifiersPerGroup: drawn.qualifiersPerGroup,
            bestNextPlaced: drawn.bestNextPlaced,
            thirdPlaceGame: drawn.thirdPlaceGame,
            allowIncomplete: input.allowIncomplete ?? false,
            drawnBeforeGroupsComplete: stage.unfinished.length > 0,
            drawKey: drawn.key,
            seeds: drawn.draw.seeds.map((s) => s.teamId),
          },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw bracketExists(divisionId);
      throw error;
    }
    return this.playoffs.bracketOf(event.id, divisionId);
  }

  /** Every knockout confirmation of the event (each division's too), oldest first. */
  async audit(eventId: string): Promise<OrganizerAuditEntryDto[]> {
    const event = await this.events.require(eventId);
    return this.auditLog.list('knockout', event.id);
  }

  private async groupStage(eventId: string, divisionId: string | null): Promise<GroupStage> {
    const scope = divisionId ?? undefined;
    const ranked = (await this.standings.rankedGroups(eventId, scope)).filter((g) => g.scheduled > 0);
    if (ranked.length === 0)
      throw conflict(
        `The ${divisionId ? 'division' : 'event'} has no group games to draw a knockout from.`,
        undefined,
        'knockout.no-group-stage',
      );
    const games = await this.matches.groupStageGames(eventId, scope);
    const played = games.filter(
      (g) =>
        PLAYED_STATUSES.includes(g.status) &&
        ((g.homeScore !== null && g.awayScore !== null) || g.forfeitedBy !== null),
    );
    const playedIds = new Set(played.map((g) => g.id));
    return {
      ruleset: ranked[0]?.ruleset ?? 'fiba',
      groups: ranked.map((g) => ({
        groupId: g.name,
        rankedTeamIds: g.rows.map((r) => r.teamId),
        games: played
          .filter((p) => p.group === g.name)
          .map((p) => ({
            homeTeamId: p.homeTeamId,
            awayTeamId: p.awayTeamId,
            homeScore: p.homeScore,
            awayScore: p.awayScore,
            ...(p.forfeitedBy ? { forfeitedBy: p.forfeitedBy } : {}),
          })),
      })),
      unfinished: games
        .filter((g) => !playedIds.has(g.id))
        .map((g) => ({
          matchId: g.id,
          group: g.group,
          homeTeamId: g.homeTeamId,
          awayTeamId: g.awayTeamId,
          startsAt: g.startsAt ? toChinaIso(g.startsAt) : null,
        })),
    };
  }
}

function draw(stage: GroupStage, input: KnockoutDrawOptionsDto): Drawn {
  const smallest = Math.min(...stage.groups.map((g) => g.rankedTeamIds.length));
  const qualifiersPerGroup = input.qualifiersPerGroup ?? Math.min(stage.groups.length > 1 ? 2 : 4, smallest);
  const bestNextPlaced = input.bestNextPlaced ?? 0;
  const thirdPlaceGame = input.thirdPlaceGame ?? false;
  let result: KnockoutDraw;
  try {
    result = drawKnockout({
      ruleset: stage.ruleset,
      groups: stage.groups,
      qualifiersPerGroup,
      bestNextPlaced,
      thirdPlaceGame,
    });
  } catch (error) {
    throw ruleProblem(
      error,
      input.bestNextPlaced !== undefined && qualifiersPerGroup <= smallest ? 'bestNextPlaced' : 'qualifiersPerGroup',
    );
  }
  return {
    draw: result,
    qualifiersPerGroup,
    bestNextPlaced,
    thirdPlaceGame,
    key: drawKey(result.seeds, thirdPlaceGame),
  };
}

/** Identifies a draw by its seeds and shape, so a confirmation can insist on the draw it previewed. */
function drawKey(seeds: readonly PlayoffSeed[], thirdPlaceGame: boolean): string {
  const text = JSON.stringify([thirdPlaceGame, seeds.map((s) => [s.seed, s.teamId])]);
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function incomplete(unfinished: readonly UnfinishedGameDto[]) {
  const named = unfinished.slice(0, 50);
  return conflict(
    `${unfinished.length} group game(s) have no result yet; enter them, or confirm with allowIncomplete: true to draw from the standings as they are.`,
    named.map((g) => ({
      field: `matches.${g.matchId}`,
      message: `group ${g.group === '' ? '(single)' : g.group} game without a result`,
      code: 'knockout.game-unfinished',
      params: { matchId: g.matchId, group: g.group },
    })),
    'knockout.group-stage-incomplete',
  );
}

function toSeedDto(s: PlayoffSeed, names: ReadonlyMap<string, TeamName>): BracketSeedDto {
  return {
    seed: s.seed,
    teamId: s.teamId,
    ...teamLabel(names, s.teamId),
    group: s.groupId ?? null,
    groupRank: s.groupRank ?? null,
  };
}

function toCrossGroupDto(r: CrossGroupRow, names: ReadonlyMap<string, TeamName>, qualifies: boolean): CrossGroupRowDto {
  return {
    rank: r.rank,
    teamId: r.teamId,
    ...teamLabel(names, r.teamId),
    group: r.groupId,
    groupRank: r.groupRank,
    played: r.played,
    won: r.won,
    lost: r.lost,
    winRatio: r.winRatio,
    pointsFor: r.pointsFor,
    pointsAgainst: r.pointsAgainst,
    pointsDiff: r.pointsDiff,
    pointsAverage: r.pointsAverage,
    gamesDisregarded: r.gamesDisregarded,
    aboveNextBy: r.aboveNextBy,
    qualifies,
  };
}
