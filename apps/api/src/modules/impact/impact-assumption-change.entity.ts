import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { ImpactAssumptionSetEntity } from './impact-assumption-set.entity.js';

/** One changed assumption: its dotted path and the raw value (bare number or `{value, unit, source}`) around the edit. */
export type ImpactFieldChange = { field: string; before: unknown; after: unknown };

/**
 * One edit of an assumption set: who, when, which fields, their values before and after, why.
 * `version` is the set's version the edit produced; unique per set, so two edits can never both
 * claim the same step of the history.
 */
@Entity('impact_assumption_changes')
@Check('impact_assumption_changes_version_positive', `version >= 1`)
@Check('impact_assumption_changes_changes_array', `jsonb_typeof(changes) = 'array'`)
@Index('impact_assumption_changes_set_version_unique', ['setId', 'version'], { unique: true })
export class ImpactAssumptionChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'set_id', type: 'uuid' })
  setId: string;

  @ManyToOne(() => ImpactAssumptionSetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'set_id' })
  set?: ImpactAssumptionSetEntity;

  @Column({ type: 'integer' })
  version: number;

  /** Null for the seed (or a deleted user). */
  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'changed_by' })
  changer?: UserEntity | null;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt: Date;

  /** The dotted paths of `changes`, for querying ("who last touched spectators.localShare?"). */
  @Column({ type: 'text', array: true })
  fields: string[];

  @Column({ type: 'jsonb' })
  changes: ImpactFieldChange[];

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
