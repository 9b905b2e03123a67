import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { numberTransformer } from '../../database/columns.js';
import { EventEntity } from '../events/event.entity.js';

/**
 * A per-event counter that database triggers bump in the same transaction as every change to the
 * event's matches, its registrations or the names of its teams. Public reads derive their ETag
 * from it, so every API replica agrees on when cached standings and schedules went stale.
 */
@Entity('match_feed_versions')
export class MatchFeedVersionEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @OneToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  @Column({ type: 'bigint', default: 0, transformer: numberTransformer })
  version: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
