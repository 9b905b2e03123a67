import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity.js';
import { SeasonEntity } from '../seasons/season.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * The tourism-impact assumptions of one season or one event (exactly one of the two), as the object the
 * API returns and `POST /impact/estimate` accepts. Validated by the domain before it is stored; the
 * database only guards the shape it can see. `version` counts edits for optimistic concurrency.
 */
@Entity('impact_assumption_sets')
@Check('impact_assumption_sets_one_owner', `(season_id IS NULL) <> (event_id IS NULL)`)
@Check('impact_assumption_sets_assumptions_object', `jsonb_typeof(assumptions) = 'object'`)
@Check('impact_assumption_sets_version_positive', `version >= 1`)
@Index('impact_assumption_sets_season_unique', ['seasonId'], { unique: true })
@Index('impact_assumption_sets_event_unique', ['eventId'], { unique: true })
export class ImpactAssumptionSetEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'season_id', type: 'uuid', nullable: true })
  seasonId: string | null;

  @ManyToOne(() => SeasonEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'season_id' })
  season?: SeasonEntity | null;

  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId: string | null;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity | null;

  /** An `ImpactAssumptions` object (packages/domain), stored as sent. */
  @Column({ type: 'jsonb' })
  assumptions: Record<string, unknown>;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /** Null for seeded sets. */
  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'updated_by' })
  updater?: UserEntity | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
