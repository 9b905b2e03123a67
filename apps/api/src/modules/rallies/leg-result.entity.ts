import { SAILING_SCORING_CODES, type SailingScoringCode } from '@sailcourt/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SourcedEntity } from '../../database/columns.js';
import { EntryEntity } from './entry.entity.js';
import { LegEntity } from './leg.entity.js';
import { RallyEntity } from './rally.entity.js';

const quoted = (codes: readonly string[]): string => codes.map((code) => `'${code}'`).join(', ');

/**
 * What the race committee recorded for one boat in one leg: a finish time, a scoring code
 * (RRS Appendix A), or both (ZFP/SCP penalties, DSQ after finishing, RDG with a finish).
 * Places and points are derived by the domain scoring on read, never stored.
 */
@Entity('rally_leg_results')
@Index('rally_leg_results_leg_entry_unique', ['legId', 'entryId'], { unique: true })
@Index('rally_leg_results_rally', ['rallyId'])
@Check('rally_leg_results_code_valid', `code IN (${quoted(SAILING_SCORING_CODES)})`)
@Check('rally_leg_results_finish_or_code', `finished_at IS NOT NULL OR code IS NOT NULL`)
// RDG/DPI carry the committee's points (at least 1); no other result carries points.
@Check(
  'rally_leg_results_points_given',
  `CASE WHEN code IN ('RDG', 'DPI') THEN points IS NOT NULL AND points >= 1 ELSE points IS NULL END`,
)
// A scoring penalty is added to a finishing place; a boat that did not start has no finish.
@Check('rally_leg_results_penalty_has_finish', `finished_at IS NOT NULL OR code NOT IN ('ZFP', 'SCP')`)
@Check('rally_leg_results_no_finish_without_start', `finished_at IS NULL OR code NOT IN ('DNC', 'DNS')`)
export class LegResultEntity extends SourcedEntity {
  @Column({ name: 'rally_id', type: 'uuid' })
  rallyId: string;

  @ManyToOne(() => RallyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'rally_id' })
  rally?: RallyEntity;

  @Column({ name: 'leg_id', type: 'uuid' })
  legId: string;

  // Composite keys: the leg and the entry must both belong to this rally.
  @ManyToOne(() => LegEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'rally_id', referencedColumnName: 'rallyId' },
    { name: 'leg_id', referencedColumnName: 'id' },
  ])
  leg?: LegEntity;

  @Column({ name: 'entry_id', type: 'uuid' })
  entryId: string;

  @ManyToOne(() => EntryEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'rally_id', referencedColumnName: 'rallyId' },
    { name: 'entry_id', referencedColumnName: 'id' },
  ])
  entry?: EntryEntity;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  code: SailingScoringCode | null;

  /** Committee-given points for RDG/DPI, before the leg coefficient. */
  @Column({ type: 'double precision', nullable: true })
  points: number | null;
}
