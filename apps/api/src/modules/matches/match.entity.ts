import { Check, Column, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { numberTransformer, SourcedEntity } from '../../database/columns.js';
import { DivisionEntity } from '../divisions/division.entity.js';
import { EventEntity } from '../events/event.entity.js';
import { TeamEntity } from '../teams/team.entity.js';
import { VenueEntity } from '../venues/venue.entity.js';

export type MatchStatus = 'scheduled' | 'live' | 'final' | 'forfeit' | 'postponed';
export const MATCH_STATUSES: readonly MatchStatus[] = ['scheduled', 'live', 'final', 'forfeit', 'postponed'];
/** Statuses whose game counts in the standings and the bracket. */
export const PLAYED_STATUSES: readonly MatchStatus[] = ['final', 'forfeit'];
/** Statuses of a game that has begun: it can no longer be redrawn, moved or postponed. */
export const STARTED_STATUSES: readonly MatchStatus[] = ['live', 'final', 'forfeit'];

/**
 * One basketball game. Scores are stored as played (a forfeit as 20–0, FIBA Art. 20; under 3x3 as w-0, no scores); standings,
 * winners and the bracket are derived on read by the domain rules, never stored.
 */
@Entity('matches')
@Check('matches_status_valid', `status IN ('scheduled', 'live', 'final', 'forfeit', 'postponed')`)
@Check('matches_teams_differ', `home_team_id <> away_team_id`)
@Check('matches_scores_non_negative', `home_score >= 0 AND away_score >= 0`)
@Check('matches_scores_paired', `(home_score IS NULL) = (away_score IS NULL)`)
// A played game has a score and a winner; one being played has a score (level or not); one still to play has neither.
// A 3x3 forfeit is scored w-0 (3x3 Art. 6.4): no winning number, so its scores may stay empty.
@Check(
  'matches_result_matches_status',
  `CASE WHEN status = 'final' THEN home_score IS NOT NULL AND home_score <> away_score WHEN status = 'forfeit' THEN home_score IS NULL OR home_score <> away_score WHEN status = 'live' THEN home_score IS NOT NULL ELSE home_score IS NULL END`,
)
@Check('matches_period_non_negative', `period >= 0`)
@Check('matches_overtime_needs_result', `NOT overtime OR status = 'final'`)
@Check(
  'matches_forfeit_names_a_side',
  `CASE WHEN status = 'forfeit' THEN forfeited_by IN (home_team_id, away_team_id) ELSE forfeited_by IS NULL END`,
)
@Check('matches_court_needs_venue', `(venue_id IS NULL) = (court IS NULL)`)
@Check('matches_court_positive', `court >= 1`)
@Check('matches_round_positive', `round >= 1`)
@Check('matches_version_positive', `version >= 1`)
// One game per court at a time: the database refuses a second game at the same court and start.
@Index('matches_court_start_unique', ['venueId', 'court', 'startsAt'], { unique: true, where: `status <> 'postponed'` })
// A bracket slot is played once per bracket: an event's (no divisions) or a division's. Two partial indexes, since
// NULLs never collide in a unique key.
@Index('matches_event_playoff_slot_unique', ['eventId', 'playoffSlot'], {
  unique: true,
  where: `playoff_slot IS NOT NULL AND division_id IS NULL`,
})
@Index('matches_division_playoff_slot_unique', ['divisionId', 'playoffSlot'], {
  unique: true,
  where: `playoff_slot IS NOT NULL AND division_id IS NOT NULL`,
})
@Index('matches_event_starts', ['eventId', 'startsAt'])
@Index('matches_division', ['divisionId'])
@Index('matches_home_team_starts', ['homeTeamId', 'startsAt'])
@Index('matches_away_team_starts', ['awayTeamId', 'startsAt'])
export class MatchEntity extends SourcedEntity {
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  /** The division whose schedule and standings the game belongs to; null in an event without divisions. */
  @Column({ name: 'division_id', type: 'uuid', nullable: true })
  divisionId: string | null;

  @ManyToOne(() => DivisionEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'division_id' })
  division?: DivisionEntity | null;

  @Column({ name: 'home_team_id', type: 'uuid' })
  homeTeamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'home_team_id' })
  homeTeam?: TeamEntity;

  @Column({ name: 'away_team_id', type: 'uuid' })
  awayTeamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'away_team_id' })
  awayTeam?: TeamEntity;

  /** Null only for a playoff game whose time is still to be announced. */
  @Column({ name: 'starts_at', type: 'timestamptz', nullable: true })
  startsAt: Date | null;

  @Column({ name: 'venue_id', type: 'uuid', nullable: true })
  venueId: string | null;

  @ManyToOne(() => VenueEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'venue_id' })
  venue?: VenueEntity | null;

  /** 1-based court number at the venue. */
  @Column({ type: 'integer', nullable: true })
  court: number | null;

  /** Where the game is, in words, when it names no venue we know (a client sent a free-text `venue`). */
  @Column({ name: 'venue_label', type: 'text', nullable: true })
  venueLabel: string | null;

  /** Standings group; '' is the single unnamed group. */
  @Column({ name: 'group_name', type: 'text', default: '' })
  group: string;

  @Column({ type: 'integer', nullable: true })
  round: number | null;

  @Column({ type: 'text', default: 'scheduled' })
  status: MatchStatus;

  @Column({ name: 'home_score', type: 'integer', nullable: true })
  homeScore: number | null;

  @Column({ name: 'away_score', type: 'integer', nullable: true })
  awayScore: number | null;

  @Column({ name: 'forfeited_by', type: 'uuid', nullable: true })
  forfeitedBy: string | null;

  /** The game was decided in overtime. */
  @Column({ type: 'boolean', default: false })
  overtime: boolean;

  /** Optimistic concurrency: every change adds one; a write naming an older version is refused. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  /** 0 before the start; 1–4 the quarters, 5 and later overtime (FIBA Art. 8). Kept by live scoring. */
  @Column({ type: 'integer', default: 0 })
  period: number;

  /** The event-wide live `seq` of this game's latest live-log entry; null before any. */
  @Column({ name: 'live_seq', type: 'bigint', nullable: true, transformer: numberTransformer })
  liveSeq: number | null;

  /** The bracket position this game plays ('R1-M1', 'third-place'); null for group games. */
  @Column({ name: 'playoff_slot', type: 'text', nullable: true })
  playoffSlot: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
