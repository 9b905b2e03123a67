import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost, TransactionalRepository, type TxHost } from '../../database/transactions.js';
import { Brackets, DataSource, type DeepPartial, IsNull, Not, type SelectQueryBuilder } from 'typeorm';
import { MatchEntity, type MatchStatus } from './match.entity.js';
import { DrawnLotEntity } from './drawn-lot.entity.js';
import { PlayoffBracketEntity } from './playoff-bracket.entity.js';

export type MatchFilter = {
  teamId?: string;
  venueId?: string;
  /** Local calendar day, turned into an instant range by the caller. */
  from?: Date;
  to?: Date;
  status?: MatchStatus;
  group?: string;
  divisionId?: string;
  limit?: number;
  offset?: number;
};

/** The matches a new or moved game can clash with: the same teams or the same venue, around its time. */
export type ClashQuery = {
  teamIds: readonly string[];
  venueIds: readonly string[];
  from: Date;
  to: Date;
  excludeEventId?: string;
  excludeDivisionId?: string;
};

/** What the standings read of a game: no joins, so 20,000 games load in milliseconds. */
export type GameRow = {
  divisionId: string | null;
  group: string;
  homeTeamId: string;
  awayTeamId: string;
  status: MatchStatus;
  homeScore: number | null;
  awayScore: number | null;
  forfeitedBy: string | null;
};

/** A lot as the standings apply it: with the recorder's name. */
export type StoredLot = {
  id: string;
  divisionId: string | null;
  group: string;
  teamIds: string[];
  recordedById: string | null;
  /** The recorder's display name; '' once the account is gone. */
  recordedBy: string;
  recordedAt: Date;
};

const WITH_NAMES = { homeTeam: true, awayTeam: true, venue: true } as const;

type VersionRow = { version: string };
const FEED_VERSION_SQL = `SELECT coalesce(v.version, 0)::text AS version FROM events e LEFT JOIN match_feed_versions v ON v.event_id = e.id WHERE e.id = $1`;

/** The part of a `pg` client used here: a query with a statement name. */
type PreparingClient = {
  query: <R>(config: { name: string; text: string; values: unknown[] }) => Promise<{ rows: R[] }>;
};

const canPrepare = (client: unknown): client is PreparingClient =>
  typeof client === 'object' && client !== null && typeof (client as { query?: unknown }).query === 'function';

@Injectable()
export class MatchesRepository extends TransactionalRepository {
  constructor(
    @Inject(TransactionHost) txHost: TxHost,
    private readonly dataSource: DataSource,
  ) {
    super(txHost);
  }

  // ---- public read path ----------------------------------------------------------------------

  /**
   * The event's feed version (0 before any change), or null when the event does not exist. This is
   * the only query of a cached public read, so it runs as a named prepared statement straight on the
   * pool: parsed and planned once per connection, it costs PostgreSQL no more than `SELECT 1`.
   */
  async feedVersion(eventId: string): Promise<number | null> {
    const rows = this.txHost.isTransactionActive()
      ? await this.tx.query<VersionRow[]>(FEED_VERSION_SQL, [eventId])
      : await this.preparedFeedVersion(eventId);
    const row = rows[0];
    return row ? Number(row.version) : null;
  }

  /** On a pool connection of its own, through TypeORM's public QueryRunner (its `connect()` hands out the `pg` client). */
  private async preparedFeedVersion(eventId: string): Promise<VersionRow[]> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const client: unknown = await runner.connect();
      if (!canPrepare(client)) return await this.tx.query<VersionRow[]>(FEED_VERSION_SQL, [eventId]);
      const result = await client.query<VersionRow>({
        name: 'sailcourt_feed_version',
        text: FEED_VERSION_SQL,
        values: [eventId],
      });
      return result.rows;
    } finally {
      await runner.release();
    }
  }

  /** The event's group games; with `divisionId`, that division's only. */
  async gameRows(eventId: string, divisionId?: string): Promise<GameRow[]> {
    return this.tx.query<GameRow[]>(
      `SELECT division_id AS "divisionId", group_name AS "group", home_team_id AS "homeTeamId", away_team_id AS "awayTeamId", status,
              home_score AS "homeScore", away_score AS "awayScore", forfeited_by AS "forfeitedBy"
         FROM matches WHERE event_id = $1 AND playoff_slot IS NULL AND ($2::uuid IS NULL OR division_id = $2::uuid)`,
      [eventId, divisionId ?? null],
    );
  }

  list(eventId: string, filter: MatchFilter): Promise<[MatchEntity[], number]> {
    const qb = this.listQuery(this.tx.getRepository(MatchEntity).createQueryBuilder('m'), filter).andWhere(
      'm.eventId = :eventId',
      {
        eventId,
      },
    );
    if (filter.limit !== undefined) qb.take(filter.limit).skip(filter.offset ?? 0);
    return qb.getManyAndCount();
  }

  /** Games being played now, wherever they started, and games that start within [from, to); with their event. */
  liveOrBetween(from: Date, to: Date, limit: number): Promise<MatchEntity[]> {
    return this.listQuery(this.tx.getRepository(MatchEntity).createQueryBuilder('m'), {})
      .leftJoinAndSelect('m.event', 'event')
      .andWhere(
        new Brackets((w) =>
          w.where(`m.status = 'live'`).orWhere('m.startsAt >= :from AND m.startsAt < :to', { from, to }),
        ),
      )
      .take(limit)
      .getMany();
  }

  forTeam(teamId: string): Promise<MatchEntity[]> {
    return this.listQuery(this.tx.getRepository(MatchEntity).createQueryBuilder('m'), { teamId })
      .leftJoinAndSelect('m.event', 'event')
      .getMany();
  }

  findById(id: string): Promise<MatchEntity | null> {
    return this.tx.getRepository(MatchEntity).findOne({ where: { id }, relations: WITH_NAMES });
  }

  /** The event's bracket (`divisionId` null: an event without divisions) or the division's. */
  findBracket(eventId: string, divisionId: string | null): Promise<PlayoffBracketEntity | null> {
    return this.tx.getRepository(PlayoffBracketEntity).findOneBy({ eventId, divisionId: divisionId ?? IsNull() });
  }

  /** The event's drawn lots, oldest first (the standings apply the last one per tie). */
  lots(eventId: string): Promise<StoredLot[]> {
    return this.tx.query<StoredLot[]>(
      `SELECT l.id, l.division_id AS "divisionId", l.group_name AS "group", l.team_ids::text[] AS "teamIds",
              l.recorded_by AS "recordedById", coalesce(u.display_name, '') AS "recordedBy", l.recorded_at AS "recordedAt"
         FROM drawn_lots l LEFT JOIN users u ON u.id = l.recorded_by
        WHERE l.event_id = $1 ORDER BY l.recorded_at, l.id`,
      [eventId],
    );
  }

  // ---- inside a write transaction -------------------------------------------------------------

  async insertLot(lot: DeepPartial<DrawnLotEntity>): Promise<string> {
    const repo = this.tx.getRepository(DrawnLotEntity);
    const result = await repo.insert(repo.create(lot));
    return String(result.identifiers[0]?.id);
  }

  /**
   * Teams and venues are shared between events: transaction-scoped advisory locks, taken in one
   * order, serialize writes that could clash across events without locking the teams' own rows.
   */
  async lockScheduleKeys(keys: readonly string[]): Promise<void> {
    for (const key of [...new Set(keys)].sort()) {
      await this.tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`sailcourt:schedule:${key}`]);
    }
  }

  lockMatch(id: string): Promise<MatchEntity | null> {
    return this.tx.getRepository(MatchEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Timed, not postponed games of these teams or at these venues that start within [from, to]. */
  clashCandidates(q: ClashQuery): Promise<MatchEntity[]> {
    if (q.teamIds.length === 0 && q.venueIds.length === 0) return Promise.resolve([]);
    const qb = this.tx
      .getRepository(MatchEntity)
      .createQueryBuilder('m')
      .where(`m.status <> 'postponed'`)
      .andWhere('m.startsAt BETWEEN :from AND :to', { from: q.from, to: q.to })
      .andWhere(
        new Brackets((w) => {
          if (q.teamIds.length > 0)
            w.orWhere('(m.homeTeamId IN (:...teams) OR m.awayTeamId IN (:...teams))', { teams: [...q.teamIds] });
          if (q.venueIds.length > 0) w.orWhere('m.venueId IN (:...venues)', { venues: [...q.venueIds] });
        }),
      );
    // With a division, only that division's games are left out (they are being replaced); the event's others still clash.
    if (q.excludeEventId && q.excludeDivisionId) {
      qb.andWhere('NOT (m.eventId = :excludeEventId AND m.divisionId IS NOT DISTINCT FROM :excludeDivisionId)', {
        excludeEventId: q.excludeEventId,
        excludeDivisionId: q.excludeDivisionId,
      });
    } else if (q.excludeEventId) qb.andWhere('m.eventId <> :excludeEventId', { excludeEventId: q.excludeEventId });
    return qb.getMany();
  }

  eventMatches(eventId: string): Promise<MatchEntity[]> {
    return this.tx.getRepository(MatchEntity).find({ where: { eventId } });
  }

  /** The games of one bracket: the event's (`divisionId` null) or the division's. */
  playoffMatches(eventId: string, divisionId: string | null): Promise<MatchEntity[]> {
    return this.tx
      .getRepository(MatchEntity)
      .find({ where: { eventId, divisionId: divisionId ?? IsNull(), playoffSlot: Not(IsNull()) } });
  }

  async deleteEventMatches(eventId: string): Promise<void> {
    await this.tx.getRepository(MatchEntity).delete({ eventId });
  }

  async deletePlayoffMatches(eventId: string, divisionId: string | null): Promise<void> {
    await this.tx
      .getRepository(MatchEntity)
      .delete({ eventId, divisionId: divisionId ?? IsNull(), playoffSlot: Not(IsNull()) });
  }

  async deleteDivisionMatches(eventId: string, divisionId: string): Promise<void> {
    await this.tx.getRepository(MatchEntity).delete({ eventId, divisionId });
  }

  async insertMatches(matches: DeepPartial<MatchEntity>[]): Promise<string[]> {
    if (matches.length === 0) return [];
    const repo = this.tx.getRepository(MatchEntity);
    const ids: string[] = [];
    // PostgreSQL takes at most 65,535 parameters a statement: a big league goes in batches.
    for (let from = 0; from < matches.length; from += 1000) {
      const result = await repo.insert(matches.slice(from, from + 1000).map((m) => repo.create(m)));
      ids.push(...result.identifiers.map((i) => String(i.id)));
    }
    return ids;
  }

  async updateMatch(id: string, changes: DeepPartial<MatchEntity>): Promise<void> {
    await this.tx.getRepository(MatchEntity).update({ id }, changes);
  }

  /** A plain insert: a second bracket for the event or division breaks a unique index (23505), whatever the callers checked. */
  async insertBracket(bracket: DeepPartial<PlayoffBracketEntity>): Promise<void> {
    const repo = this.tx.getRepository(PlayoffBracketEntity);
    await repo.insert(repo.create(bracket));
  }

  /** Group-stage games with their ids and times, for naming the ones still without a result; with `divisionId`, that division's only. */
  async groupStageGames(
    eventId: string,
    divisionId?: string,
  ): Promise<(GameRow & { id: string; startsAt: Date | null })[]> {
    return this.tx.query(
      `SELECT id, division_id AS "divisionId", group_name AS "group", home_team_id AS "homeTeamId", away_team_id AS "awayTeamId", status,
              starts_at AS "startsAt", home_score AS "homeScore", away_score AS "awayScore", forfeited_by AS "forfeitedBy"
         FROM matches WHERE event_id = $1 AND playoff_slot IS NULL AND ($2::uuid IS NULL OR division_id = $2::uuid)
        ORDER BY starts_at NULLS LAST, id`,
      [eventId, divisionId ?? null],
    );
  }

  /** Whether any of the event's games has a result (a ruleset change would re-judge it). */
  async hasResults(eventId: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.query(
      `SELECT 1 FROM matches WHERE event_id = $1 AND status IN ('final', 'forfeit') LIMIT 1`,
      [eventId],
    );
    return rows.length > 0;
  }

  /** Whether the event already has this game (same teams, same start): an import run twice adds nothing. */
  async hasGame(eventId: string, homeId: string, awayId: string, startsAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.tx.query(
      `SELECT 1 FROM matches WHERE event_id = $1 AND home_team_id = $2 AND away_team_id = $3 AND starts_at = $4`,
      [eventId, homeId, awayId, startsAt],
    );
    return rows.length > 0;
  }

  async deleteBracket(eventId: string, divisionId: string | null): Promise<void> {
    await this.tx.getRepository(PlayoffBracketEntity).delete({ eventId, divisionId: divisionId ?? IsNull() });
  }

  private listQuery(qb: SelectQueryBuilder<MatchEntity>, f: MatchFilter): SelectQueryBuilder<MatchEntity> {
    qb.leftJoinAndSelect('m.homeTeam', 'homeTeam')
      .leftJoinAndSelect('m.awayTeam', 'awayTeam')
      .leftJoinAndSelect('m.venue', 'venue');
    if (f.teamId) qb.andWhere('(m.homeTeamId = :teamId OR m.awayTeamId = :teamId)', { teamId: f.teamId });
    if (f.venueId) qb.andWhere('m.venueId = :venueId', { venueId: f.venueId });
    if (f.from && f.to) qb.andWhere('m.startsAt >= :from AND m.startsAt < :to', { from: f.from, to: f.to });
    if (f.status) qb.andWhere('m.status = :status', { status: f.status });
    if (f.group !== undefined) qb.andWhere('m.group = :group', { group: f.group });
    if (f.divisionId !== undefined) qb.andWhere('m.divisionId = :divisionId', { divisionId: f.divisionId });
    // Timed games in order, then those still to be announced; id keeps equal starts stable.
    return qb
      .orderBy('m.startsAt', 'ASC', 'NULLS LAST')
      .addOrderBy('m.court', 'ASC', 'NULLS LAST')
      .addOrderBy('m.id', 'ASC');
  }
}
