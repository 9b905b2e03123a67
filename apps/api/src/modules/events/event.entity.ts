import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SourcedEntity } from '../../database/columns.js';
import { SeasonEntity } from '../seasons/season.entity.js';
import type { Sport } from '../teams/team.entity.js';
import { VenueEntity } from '../venues/venue.entity.js';

export type EventKind = 'league' | 'tournament' | 'camp' | 'forum' | 'festival';
export const EVENT_KINDS: readonly EventKind[] = ['league', 'tournament', 'camp', 'forum', 'festival'];
export type RegistrationMode = 'approval' | 'first-come';
/** Which basketball rules rank pools and judge results: five-a-side FIBA, or FIBA 3x3. */
export type Ruleset = 'fiba' | 'fiba-3x3';
export const RULESETS: readonly Ruleset[] = ['fiba', 'fiba-3x3'];
export const REGISTRATION_MODES: readonly RegistrationMode[] = ['approval', 'first-come'];

@Entity('events')
@Check('events_dates_ordered', `end_date >= start_date`)
@Check('events_capacity_non_negative', `capacity >= 0`)
@Check('events_sport_valid', `sport IN ('basketball', 'sailing')`)
@Check('events_kind_valid', `kind IN ('league', 'tournament', 'camp', 'forum', 'festival')`)
@Check('events_ruleset_valid', `ruleset IN ('fiba', 'fiba-3x3')`)
@Check('events_registration_mode_valid', `registration_mode IN ('approval', 'first-come')`)
@Check('events_registration_window_ordered', `registration_closes_at >= registration_opens_at`)
@Check('events_roster_limits_valid', `roster_min >= 0 AND roster_max >= roster_min`)
@Check('events_participant_target_non_negative', `participant_target >= 0`)
@Index('events_season_slug_unique', ['seasonId', 'slug'], { unique: true })
export class EventEntity extends SourcedEntity {
  @Column({ name: 'season_id', type: 'uuid' })
  seasonId: string;

  @ManyToOne(() => SeasonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'season_id' })
  season?: SeasonEntity;

  /** Stable key for seeded events; user-created events may leave it empty. */
  @Column({ type: 'text', nullable: true })
  slug: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'text' })
  kind: EventKind;

  /** Which teams may register: a team's sport must match. */
  @Column({ type: 'text', default: 'basketball' })
  sport: Sport;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'description_en', type: 'text', nullable: true })
  descriptionEn: string | null;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ name: 'venue_id', type: 'uuid', nullable: true })
  venueId: string | null;

  @ManyToOne(() => VenueEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'venue_id' })
  venue?: VenueEntity | null;

  /** Maximum confirmed teams; null means unlimited. */
  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column({ name: 'registration_mode', type: 'text', default: 'approval' })
  registrationMode: RegistrationMode;

  @Column({ name: 'registration_opens_at', type: 'timestamptz', nullable: true })
  registrationOpensAt: Date | null;

  @Column({ name: 'registration_closes_at', type: 'timestamptz', nullable: true })
  registrationClosesAt: Date | null;

  @Column({ name: 'roster_min', type: 'integer', nullable: true })
  rosterMin: number | null;

  @Column({ name: 'roster_max', type: 'integer', nullable: true })
  rosterMax: number | null;

  @Column({ name: 'participant_target', type: 'integer', nullable: true })
  participantTarget: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cities: string[];

  @Column({ type: 'text', default: 'fiba' })
  ruleset: Ruleset;
}
