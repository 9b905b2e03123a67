import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../../database/transactions.js';
import { type DeepPartial } from 'typeorm';
import { isUuid } from '../../common/ids.js';
import { DivisionEntity } from './division.entity.js';
import type { DivisionCounts } from './dto/division.dto.js';

@Injectable()
export class DivisionsRepository extends TransactionalRepository {
  forEvent(eventId: string): Promise<DivisionEntity[]> {
    return this.tx.getRepository(DivisionEntity).find({ where: { eventId }, order: { position: 'ASC', code: 'ASC' } });
  }

  async hasDivisions(eventId: string): Promise<boolean> {
    return (await this.tx.getRepository(DivisionEntity).countBy({ eventId })) > 0;
  }

  /** By id or code, within the event. */
  findInEvent(eventId: string, key: string): Promise<DivisionEntity | null> {
    const repo = this.tx.getRepository(DivisionEntity);
    return repo.findOne({
      where: isUuid(key)
        ? [
            { eventId, id: key },
            { eventId, code: key },
          ]
        : { eventId, code: key },
    });
  }

  /** Confirmed teams and people per division of the event. */
  async counts(eventId: string): Promise<Map<string, DivisionCounts>> {
    const rows = await this.tx.query<({ divisionId: string } & DivisionCounts)[]>(
      `SELECT division_id AS "divisionId", count(*)::int AS confirmed, coalesce(sum(jsonb_array_length(roster)), 0)::int AS participants
         FROM registrations WHERE event_id = $1 AND division_id IS NOT NULL AND status = 'confirmed' GROUP BY division_id`,
      [eventId],
    );
    return new Map(rows.map((r) => [r.divisionId, { confirmed: r.confirmed, participants: r.participants }]));
  }

  /** Registrations (of any status) and games that name the division: while any exist it cannot be deleted. */
  async references(divisionId: string): Promise<{ registrations: number; matches: number }> {
    const [row] = await this.tx.query<{ registrations: number; matches: number }[]>(
      `SELECT (SELECT count(*) FROM registrations WHERE division_id = $1)::int AS registrations,
              (SELECT count(*) FROM matches WHERE division_id = $1)::int AS matches`,
      [divisionId],
    );
    return row ?? { registrations: 0, matches: 0 };
  }

  async insert(division: DeepPartial<DivisionEntity>): Promise<DivisionEntity> {
    const repo = this.tx.getRepository(DivisionEntity);
    return repo.save(repo.create(division));
  }

  async update(id: string, changes: DeepPartial<DivisionEntity>): Promise<void> {
    if (Object.keys(changes).length > 0) await this.tx.getRepository(DivisionEntity).update({ id }, changes);
  }

  async delete(id: string): Promise<void> {
    await this.tx.getRepository(DivisionEntity).delete({ id });
  }
}
