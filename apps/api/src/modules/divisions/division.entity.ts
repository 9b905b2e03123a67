import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SourcedEntity } from '../../database/columns.js';
import { EventEntity } from '../events/event.entity.js';

export type DivisionGender = 'boys' | 'girls' | 'mixed';
export const DIVISION_GENDERS: readonly DivisionGender[] = ['boys', 'girls', 'mixed'];

/**
 * One competition inside an event (an age group × gender, perhaps in one city): its own registrations,
 * capacity, roster limits, schedule and standings. An event without divisions works as before.
 */
@Entity('divisions')
@Check('divisions_gender_valid', `gender IN ('boys', 'girls', 'mixed')`)
@Check('divisions_capacity_non_negative', `capacity >= 0`)
@Check('divisions_roster_limits_valid', `roster_min >= 0 AND roster_max >= roster_min`)
@Index('divisions_event_code_unique', ['eventId', 'code'], { unique: true })
export class DivisionEntity extends SourcedEntity {
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  /** Short and stable within the event, e.g. `U10-girls`; `?division=` takes it as well as the id. */
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  /** As the organizer words it: `U8`, `U10`, `U12`, `open` … */
  @Column({ name: 'age_group', type: 'text', nullable: true })
  ageGroup: string | null;

  @Column({ type: 'text', default: 'mixed' })
  gender: DivisionGender;

  /** Earliest birth date allowed: a player born before it is too old for the division. */
  @Column({ name: 'born_on_or_after', type: 'date', nullable: true })
  bornOnOrAfter: string | null;

  /** Maximum confirmed teams in the division; null means unlimited. */
  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column({ name: 'roster_min', type: 'integer', nullable: true })
  rosterMin: number | null;

  @Column({ name: 'roster_max', type: 'integer', nullable: true })
  rosterMax: number | null;

  /** The city whose group plays this division, when divisions are split by city. */
  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ name: 'city_en', type: 'text', nullable: true })
  cityEn: string | null;

  /** Display order within the event. */
  @Column({ type: 'integer', default: 0 })
  position: number;
}
