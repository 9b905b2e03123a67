import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../../database/transactions.js';
import { NOTIFY_CHANNEL } from '../../common/notify/notification-bus.js';
import type { PositionOrigin } from './position.entity.js';
import { TrackImportEntity, type StagedPoint } from './track-import.entity.js';
import { TrackerTokenEntity } from './tracker-token.entity.js';

/** A fix ready to store: epoch ms and degrees. */
export type NewPosition = {
  entryId: string;
  at: number;
  lat: number;
  lon: number;
  sogKn: number | null;
  cogDeg: number | null;
};
export type StoredPosition = NewPosition & { origin: PositionOrigin };
/** One boat's fixes, oldest first, and whether any of them is illustrative. */
export type EntryTrack = {
  illustrative: boolean;
  fixes: {
    at: number;
    lat: number;
    lon: number;
    sogKn: number | null;
    cogDeg: number | null;
    origin: PositionOrigin | null;
  }[];
};

type PositionRow = {
  entry_id: string;
  at: number;
  lat: number;
  lon: number;
  sog_kn: number | null;
  cog_deg: number | null;
  origin: PositionOrigin;
};
const toStored = (row: PositionRow): StoredPosition => ({
  entryId: row.entry_id,
  at: row.at,
  lat: row.lat,
  lon: row.lon,
  sogKn: row.sog_kn,
  cogDeg: row.cog_deg,
  origin: row.origin,
});

/** Rows per INSERT: unnest() takes arrays, so one statement per chunk whatever the batch size. */
const INSERT_CHUNK = 5000;

@Injectable()
export class TrackingRepository extends TransactionalRepository {
  /**
   * Stores fixes; a fix already stored for the same boat and instant is skipped by the primary key
   * (ON CONFLICT DO NOTHING), also under concurrent feeds. Bumps the rally's positions version in the
   * same transaction when anything was new. Returns how many were new.
   */
  async insertPositions(rallyId: string, positions: readonly NewPosition[], origin: PositionOrigin): Promise<number> {
    return this.txHost.withTransaction(() => this.insertPositionsIn(rallyId, positions, origin));
  }

  private async insertPositionsIn(
    rallyId: string,
    positions: readonly NewPosition[],
    origin: PositionOrigin,
  ): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < positions.length; i += INSERT_CHUNK) {
      const chunk = positions.slice(i, i + INSERT_CHUNK);
      const rows = (await this.tx.query(
        `INSERT INTO rally_positions (entry_id, at, lat, lon, sog_kn, cog_deg, origin)
         SELECT e, to_timestamp(t / 1000.0), la, lo, s, c, $7
           FROM unnest($1::uuid[], $2::double precision[], $3::double precision[], $4::double precision[], $5::real[], $6::real[]) AS x(e, t, la, lo, s, c)
         ON CONFLICT (entry_id, at) DO NOTHING
         RETURNING 1`,
        [
          chunk.map((p) => p.entryId),
          chunk.map((p) => p.at),
          chunk.map((p) => p.lat),
          chunk.map((p) => p.lon),
          chunk.map((p) => p.sogKn),
          chunk.map((p) => p.cogDeg),
          origin,
        ],
      )) as unknown[];
      inserted += rows.length;
    }
    if (inserted > 0) {
      const [bumped] = (await this.tx.query(
        `UPDATE rallies SET positions_version = positions_version + 1 WHERE id = $1 RETURNING positions_version::float8 AS v`,
        [rallyId],
      )) as [{ v: number }[], number];
      const version = bumped[0]?.v;
      // Delivered at commit, to every replica's listener: the tracker streams re-read from here.
      if (version !== undefined)
        await this.tx.query(`SELECT pg_notify($1, $2)`, [
          NOTIFY_CHANNEL,
          JSON.stringify({ t: 'positions', r: rallyId, v: version }),
        ]);
    }
    return inserted;
  }

  /** The positions versions of these rallies (for streams catching up after the listener was away). */
  async positionsVersions(rallyIds: readonly string[]): Promise<Map<string, number>> {
    if (rallyIds.length === 0) return new Map();
    const rows = (await this.tx.query(
      `SELECT id, positions_version::float8 AS v FROM rallies WHERE id = ANY($1::uuid[])`,
      [rallyIds],
    )) as { id: string; v: number }[];
    return new Map(rows.map((row) => [row.id, row.v]));
  }

  /** The rally's positions version (see insertPositions). */
  async positionsVersion(rallyId: string): Promise<number> {
    const [row] = (await this.tx.query(`SELECT positions_version::float8 AS v FROM rallies WHERE id = $1`, [
      rallyId,
    ])) as { v: number }[];
    return row?.v ?? 0;
  }

  /**
   * The fixes of these boats in [from, to], oldest first per boat. One range scan of the
   * (entry_id, at) primary key per boat.
   */
  async positions(entryIds: readonly string[], from: Date, to: Date): Promise<StoredPosition[]> {
    if (entryIds.length === 0) return [];
    // Epoch milliseconds as a float8: 50,000 rows parse far faster than as timestamps into Dates.
    const rows = (await this.tx.query(
      `SELECT entry_id, (extract(epoch FROM at) * 1000)::float8 AS at, lat, lon, sog_kn, cog_deg, origin FROM rally_positions
        WHERE entry_id = ANY($1::uuid[]) AND at >= $2 AND at <= $3
        ORDER BY entry_id, at`,
      [entryIds, from, to],
    )) as PositionRow[];
    return rows.map(toStored);
  }

  /**
   * Each boat's fixes in [from, to] as parallel arrays, one row per boat: for 50,000 fixes this
   * moves a few big arrays instead of 50,000 row objects, which is what keeps progress?at fast.
   */
  async tracksByEntry(
    entryIds: readonly string[],
    from: Date,
    to: Date,
    withOrigin = false,
  ): Promise<Map<string, EntryTrack>> {
    if (entryIds.length === 0) return new Map();
    // One ordered range scan of the (entry_id, at) key per boat: no sort, and arrays built in key order.
    const rows = (await this.tx.query(
      `SELECT e.id AS entry_id, x.*
         FROM unnest($1::uuid[]) AS e(id)
         CROSS JOIN LATERAL (
           SELECT array_agg((extract(epoch FROM at) * 1000)::float8) AS t, array_agg(lat) AS la, array_agg(lon) AS lo,
                  CASE WHEN bool_or(sog_kn IS NOT NULL) THEN array_agg(sog_kn) END AS s,
                  CASE WHEN bool_or(cog_deg IS NOT NULL) THEN array_agg(cog_deg) END AS c,
                  bool_or(origin = 'illustrative') AS illustrative${withOrigin ? ', array_agg(origin) AS o' : ''}
             FROM (SELECT * FROM rally_positions p WHERE p.entry_id = e.id AND p.at >= $2 AND p.at <= $3 ORDER BY p.at) ordered
         ) x
        WHERE x.t IS NOT NULL`,
      [entryIds, from, to],
    )) as {
      entry_id: string;
      t: number[];
      la: number[];
      lo: number[];
      s: (number | null)[] | null;
      c: (number | null)[] | null;
      illustrative: boolean;
      o?: PositionOrigin[];
    }[];
    return new Map(
      rows.map((row) => [
        row.entry_id,
        {
          illustrative: row.illustrative,
          fixes: row.t.map((at, i) => ({
            at,
            lat: row.la[i] as number,
            lon: row.lo[i] as number,
            sogKn: row.s?.[i] ?? null,
            cogDeg: row.c?.[i] ?? null,
            origin: row.o?.[i] ?? null,
          })),
        },
      ]),
    );
  }

  /** How many of these instants are already stored for the boat (a preview's duplicate count). */
  async countExisting(entryId: string, instants: readonly number[]): Promise<number> {
    if (instants.length === 0) return 0;
    const [row] = (await this.tx.query(
      `SELECT count(*)::int AS n FROM rally_positions WHERE entry_id = $1 AND at = ANY(SELECT to_timestamp(t / 1000.0) FROM unnest($2::double precision[]) AS t)`,
      [entryId, instants],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  insertToken(token: Partial<TrackerTokenEntity>): Promise<TrackerTokenEntity> {
    const repo = this.tx.getRepository(TrackerTokenEntity);
    return repo.save(repo.create(token));
  }

  tokens(entryId: string): Promise<TrackerTokenEntity[]> {
    return this.tx.getRepository(TrackerTokenEntity).find({ where: { entryId }, order: { createdAt: 'ASC' } });
  }

  tokenByHash(tokenHash: string): Promise<TrackerTokenEntity | null> {
    return this.tx.getRepository(TrackerTokenEntity).findOneBy({ tokenHash });
  }

  /** Revokes once; returns the token (revoked now or before), or null when it is not this entry's. */
  async revokeToken(entryId: string, id: string): Promise<TrackerTokenEntity | null> {
    const repo = this.tx.getRepository(TrackerTokenEntity);
    await repo
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('id = :id AND entry_id = :entryId AND revoked_at IS NULL', { id, entryId })
      .execute();
    return repo.findOneBy({ id, entryId });
  }

  insertImport(staged: Partial<TrackImportEntity>): Promise<TrackImportEntity> {
    const repo = this.tx.getRepository(TrackImportEntity);
    return repo.save(repo.create(staged));
  }

  findImport(rallyId: string, id: string): Promise<TrackImportEntity | null> {
    return this.tx.getRepository(TrackImportEntity).findOneBy({ rallyId, id });
  }

  /**
   * Commits a staged import in one transaction: the row lock and the committed_at check make a
   * second commit (or two at once) a no-op that the caller reports as 409.
   */
  async commitImport(
    id: string,
    write: (points: StagedPoint[], entryId: string) => Promise<number>,
  ): Promise<{ inserted: number; total: number } | null> {
    return this.txHost.withTransaction(async () => {
      const [locked] = (await this.tx.query(
        `SELECT entry_id, points FROM rally_track_imports WHERE id = $1 AND committed_at IS NULL FOR UPDATE`,
        [id],
      )) as {
        entry_id: string;
        points: StagedPoint[];
      }[];
      if (!locked) return null;
      const inserted = await write(locked.points, locked.entry_id);
      await this.tx.query(`UPDATE rally_track_imports SET committed_at = now() WHERE id = $1`, [id]);
      return { inserted, total: locked.points.length };
    });
  }
}
