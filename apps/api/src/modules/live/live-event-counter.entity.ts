import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { numberTransformer } from '../../database/columns.js';
import { EventEntity } from '../events/event.entity.js';

/** The last live `seq` handed out in an event; its row lock orders the event's live log. */
@Entity('live_event_counters')
export class LiveEventCounterEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @OneToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  @Column({ type: 'bigint', default: 0, transformer: numberTransformer })
  seq: number;
}
