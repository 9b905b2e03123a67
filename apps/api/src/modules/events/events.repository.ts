import { Injectable } from '@nestjs/common';
import type { DeepPartial } from 'typeorm';
import { TransactionalRepository } from '../../database/transactions.js';
import { EventEntity, type Ruleset } from './event.entity.js';

@Injectable()
export class EventsRepository extends TransactionalRepository {
  findById(id: string): Promise<EventEntity | null> {
    return this.tx.getRepository(EventEntity).findOne({ where: { id }, relations: { venue: true } });
  }

  findBySeason(seasonId: string): Promise<EventEntity[]> {
    return this.tx.getRepository(EventEntity).find({
      where: { seasonId },
      relations: { venue: true },
      order: { startDate: 'ASC', endDate: 'ASC', name: 'ASC' },
    });
  }

  async insert(event: DeepPartial<EventEntity>): Promise<EventEntity> {
    const events = this.tx.getRepository(EventEntity);
    const saved = await events.save(events.create(event));
    return (await this.findById(saved.id)) ?? saved;
  }

  /** The event row, locked (FOR UPDATE) until the current transaction ends. */
  lock(id: string): Promise<EventEntity | null> {
    return this.tx.getRepository(EventEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async ruleset(id: string): Promise<Ruleset | null> {
    const [row] = await this.tx.query<{ ruleset: Ruleset }[]>(`SELECT ruleset FROM events WHERE id = $1`, [id]);
    return row?.ruleset ?? null;
  }

  async update(id: string, changes: DeepPartial<EventEntity>): Promise<void> {
    if (Object.keys(changes).length > 0) await this.tx.getRepository(EventEntity).update({ id }, changes);
  }
}
