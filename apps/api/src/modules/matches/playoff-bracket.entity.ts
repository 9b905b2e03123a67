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
@Check('playoff_brackets_best_next_placed_not_negative', `best_next_placed >= 0`)
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

  /** Next-placed teams (best thirds …) that qualified across groups. */
  @Column({ name: 'best_next_placed', type: 'integer', default: 0 })
  bestNextPlaced: number;

  /** The organizer drew the knockout while group games were still without a result. */
  @Column({ name: 'drawn_before_groups_complete', type: 'boolean', default: false })
  drawnBeforeGroupsComplete: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
