import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../../database/transactions.js';
import { MoreThan } from 'typeorm';
import { NOTIFY_CHANNEL } from '../../common/notify/notification-bus.js';
import { LiveActionEntity } from './live-action.entity.js';

export type NewLiveEntry = Omit<LiveActionEntity, 'seq' | 'createdAt' | 'event' | 'match'>;

/** The live log's queries. Appends run inside the caller's transaction, after it locked the game. */
@Injectable()
export class LiveLogRepository extends TransactionalRepository {
  /**
   * Takes the event's next `seq` (the counter row stays locked until commit, so seqs commit in
   * order), appends the entry and announces it, all in the caller's transaction.
   */
  async append(entry: NewLiveEntry): Promise<LiveActionEntity> {
    const [counter] = await this.tx.query<Array<{ seq: string }>>(
      `INSERT INTO live_event_counters AS c (event_id, seq) VALUES ($1, 1)
       ON CONFLICT (event_id) DO UPDATE SET seq = c.seq + 1 RETURNING c.seq::text AS seq`,
      [entry.eventId],
    );
    const seq = Number(counter?.seq);
    const repo = this.tx.getRepository(LiveActionEntity);
    const saved = await repo.save(repo.create({ ...entry, seq }));
    await this.tx.query(`SELECT pg_notify($1, $2)`, [
      NOTIFY_CHANNEL,
      JSON.stringify({ t: 'live', e: entry.eventId, m: entry.matchId, s: seq }),
    ]);
    return saved;
  }

  findByClientEventId(matchId: string, clientEventId: string): Promise<LiveActionEntity | null> {
    return this.tx.getRepository(LiveActionEntity).findOneBy({ matchId, clientEventId });
  }

  forMatch(matchId: string): Promise<LiveActionEntity[]> {
    return this.tx.getRepository(LiveActionEntity).find({ where: { matchId }, order: { seq: 'ASC' } });
  }

  /** What a stream missed: the event's (or one game's) entries after `afterSeq`, in order. */
  since(eventId: string, afterSeq: number, matchId?: string): Promise<LiveActionEntity[]> {
    return this.tx.getRepository(LiveActionEntity).find({
      where: { eventId, seq: MoreThan(afterSeq), ...(matchId ? { matchId } : {}) },
      order: { seq: 'ASC' },
    });
  }

  /** The event's latest seq (0 before any live entry). */
  async head(eventId: string): Promise<number> {
    const [row] = await this.tx.query<Array<{ seq: string }>>(
      `SELECT coalesce(max(seq), 0)::text AS seq FROM match_live_actions WHERE event_id = $1`,
      [eventId],
    );
    return Number(row?.seq ?? 0);
  }
}
