import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../../database/transactions.js';
import { ImpactAssumptionChangeEntity, type ImpactFieldChange } from './impact-assumption-change.entity.js';
import { ImpactAssumptionSetEntity } from './impact-assumption-set.entity.js';

/** Whose assumptions: a season's or an event's (a set belongs to exactly one). */
export type ImpactOwner = { kind: 'season'; id: string } | { kind: 'event'; id: string };

export type ImpactWrite = {
  assumptions: Record<string, unknown>;
  userId: string;
  changes: ImpactFieldChange[];
  reason: string | null;
};

const ownerColumns = (owner: ImpactOwner): { seasonId: string } | { eventId: string } =>
  owner.kind === 'season' ? { seasonId: owner.id } : { eventId: owner.id };

@Injectable()
export class ImpactRepository extends TransactionalRepository {
  findSet(owner: ImpactOwner): Promise<ImpactAssumptionSetEntity | null> {
    return this.tx.getRepository(ImpactAssumptionSetEntity).findOne({
      where: ownerColumns(owner),
      relations: { updater: true },
    });
  }

  /** The assumption sets of a season's events, with their event ids. */
  eventSetsOfSeason(seasonId: string): Promise<ImpactAssumptionSetEntity[]> {
    return this.tx
      .getRepository(ImpactAssumptionSetEntity)
      .createQueryBuilder('s')
      .innerJoin('s.event', 'e')
      .where('e.season_id = :seasonId', { seasonId })
      .orderBy('e.start_date', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
  }

  history(setId: string): Promise<ImpactAssumptionChangeEntity[]> {
    return this.tx.getRepository(ImpactAssumptionChangeEntity).find({
      where: { setId },
      relations: { changer: true },
      order: { version: 'DESC' },
    });
  }

  /**
   * People on the rosters of confirmed registrations, per event (issue 4's `registrations` table).
   * Events without a confirmed roster entry are absent: no actuals yet, not zero participants
   * (teams confirmed by an organizer before their rosters are in, as the seeded CBA teams are).
   */
  async confirmedParticipants(eventIds: readonly string[]): Promise<Map<string, number>> {
    if (eventIds.length === 0) return new Map();
    const rows: { event_id: string; persons: number }[] = await this.tx.query(
      `SELECT event_id, COALESCE(sum(jsonb_array_length(roster)), 0)::int AS persons
         FROM registrations WHERE status = 'confirmed' AND event_id = ANY($1::uuid[])
        GROUP BY event_id HAVING sum(jsonb_array_length(roster)) > 0`,
      [eventIds],
    );
    return new Map(rows.map((r) => [r.event_id, r.persons]));
  }

  /** Version 1 of an owner's set. False when a set already exists (someone else created it first). */
  create(owner: ImpactOwner, write: ImpactWrite): Promise<boolean> {
    return this.txHost.withTransaction(async () => {
      const rows: { id: string }[] = await this.tx.query(
        `INSERT INTO impact_assumption_sets (season_id, event_id, assumptions, version, updated_by)
         VALUES ($1, $2, $3::jsonb, 1, $4) ON CONFLICT DO NOTHING RETURNING id`,
        [
          owner.kind === 'season' ? owner.id : null,
          owner.kind === 'event' ? owner.id : null,
          JSON.stringify(write.assumptions),
          write.userId,
        ],
      );
      const id = rows[0]?.id;
      if (id === undefined) return false;
      await this.recordChange(id, 1, write);
      return true;
    });
  }

  /**
   * Compare-and-set: replaces the assumptions only if the set is still at `expectedVersion`, and records
   * the change, in one transaction. False when another edit got there first.
   */
  update(setId: string, expectedVersion: number, write: ImpactWrite): Promise<boolean> {
    return this.txHost.withTransaction(async () => {
      const result = await this.tx
        .createQueryBuilder()
        .update(ImpactAssumptionSetEntity)
        .set({
          assumptions: () => 'CAST(:assumptions AS jsonb)',
          version: () => 'version + 1',
          updatedBy: write.userId,
          updatedAt: () => 'now()',
        })
        .where('id = :setId AND version = :expectedVersion', { setId, expectedVersion })
        .setParameter('assumptions', JSON.stringify(write.assumptions))
        .execute();
      if (result.affected !== 1) return false;
      await this.recordChange(setId, expectedVersion + 1, write);
      return true;
    });
  }

  private async recordChange(setId: string, version: number, write: ImpactWrite): Promise<void> {
    await this.tx.query(
      `INSERT INTO impact_assumption_changes (set_id, version, changed_by, fields, changes, reason) VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
      [setId, version, write.userId, write.changes.map((c) => c.field), JSON.stringify(write.changes), write.reason],
    );
  }
}
