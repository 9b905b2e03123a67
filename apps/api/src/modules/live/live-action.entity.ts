import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { numberTransformer } from '../../database/columns.js';
import { EventEntity } from '../events/event.entity.js';
import { MatchEntity } from '../matches/match.entity.js';

export type StoredLiveActionType = 'start' | 'score' | 'period-end' | 'undo' | 'final' | 'result';

/**
 * One entry of a game's live log, never updated or deleted (an undo is an entry too). `seq` counts
 * per event, allocated under the event's counter lock, so it follows commit order: a stream that
 * has seen seq n has seen everything before it. Each entry keeps the game's state after it, so a
 * reconnecting stream replays without recomputing. `result` entries come from PUT …/result.
 */
@Entity('match_live_actions')
@Check('match_live_actions_type_valid', `type IN ('start', 'score', 'period-end', 'undo', 'final', 'result')`)
@Check('match_live_actions_score_shape', `(type = 'score') = (team IS NOT NULL AND points IS NOT NULL)`)
@Check('match_live_actions_undo_shape', `(type = 'undo') = (target_client_event_id IS NOT NULL)`)
@Index('match_live_actions_client_event_unique', ['matchId', 'clientEventId'], { unique: true })
@Index('match_live_actions_match_seq', ['matchId', 'seq'])
export class LiveActionEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @PrimaryColumn({ type: 'bigint', transformer: numberTransformer })
  seq: number;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  @Column({ name: 'match_id', type: 'uuid' })
  matchId: string;

  @ManyToOne(() => MatchEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'match_id' })
  match?: MatchEntity;

  /** The scorer's idempotency key; null for entries the server makes (results entered by form). */
  @Column({ name: 'client_event_id', type: 'uuid', nullable: true })
  clientEventId: string | null;

  @Column({ type: 'text' })
  type: StoredLiveActionType;

  @Column({ type: 'text', nullable: true })
  team: 'home' | 'away' | null;

  @Column({ type: 'integer', nullable: true })
  points: number | null;

  @Column({ name: 'target_client_event_id', type: 'uuid', nullable: true })
  targetClientEventId: string | null;

  /** The game after this entry. */
  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'integer' })
  period: number;

  @Column({ name: 'home_score', type: 'integer', nullable: true })
  homeScore: number | null;

  @Column({ name: 'away_score', type: 'integer', nullable: true })
  awayScore: number | null;

  /** Who sent it: `user:<id>` or `scorer-link:<id>`, for the audit trail. */
  @Column({ type: 'text' })
  actor: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
