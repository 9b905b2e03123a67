import type { PlayoffBracket } from '@sailcourt/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DivisionEntity } from '../divisions/division.entity.js';
import { EventEntity } from '../events/event.entity.js';

/**
 * A playoff bracket as seeded (the domain's initial `PlayoffBracket`): one per event without divisions, one per
 * division otherwise. Its progress is never stored here: it is replayed from the results of the matches that carry
 * a `playoff_slot`.
 */
@Entity('playoff_brackets')
@Check('playoff_brackets_qualifiers_positive', `qualifiers_per_group >= 1`)
@Check('playoff_brackets_bracket_object', `jsonb_typeof(bracket) = 'object'`)
@Check('playoff_brackets_best_next_placed_not_negative', `best_next_placed >= 0`)
// NULLs never collide in a unique key: the event-wide bracket and the division brackets each get their own index.
@Index('playoff_brackets_event_unique', ['eventId'], { unique: true, where: `division_id IS NULL` })
@Index('playoff_brackets_division_unique', ['divisionId'], { unique: true, where: `division_id IS NOT NULL` })
export class PlayoffBracketEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  /** The division whose groups seeded it; null in an event without divisions. */
  @Column({ name: 'division_id', type: 'uuid', nullable: true })
  divisionId: string | null;

  @ManyToOne(() => DivisionEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'division_id' })
  division?: DivisionEntity | null;

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
