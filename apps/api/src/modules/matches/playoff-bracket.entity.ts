import type { PlayoffBracket } from '@sailcourt/domain';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity.js';

/**
 * An event's playoff bracket as seeded (the domain's initial `PlayoffBracket`). Its progress is
 * never stored here: it is replayed from the results of the matches that carry a `playoff_slot`.
 */
@Entity('playoff_brackets')
@Check('playoff_brackets_qualifiers_positive', `qualifiers_per_group >= 1`)
@Check('playoff_brackets_bracket_object', `jsonb_typeof(bracket) = 'object'`)
export class PlayoffBracketEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @OneToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  @Column({ type: 'jsonb' })
  bracket: PlayoffBracket;

  @Column({ name: 'qualifiers_per_group', type: 'integer' })
  qualifiersPerGroup: number;

  @Column({ name: 'third_place_game', type: 'boolean', default: false })
  thirdPlaceGame: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
