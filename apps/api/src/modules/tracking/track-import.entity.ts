import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EntryEntity } from '../rallies/entry.entity.js';

export type TrackFileFormat = 'gpx' | 'csv';
/** A staged point: [epoch ms, lat, lon, sog kn | null, cog ° | null] (compact: 100,000 points stay a few MB). */
export type StagedPoint = [number, number, number, number | null, number | null];

/**
 * A parsed track file waiting for the organizer's commit. Positions are written only on commit,
 * so a preview never changes what fans see.
 */
@Entity('rally_track_imports')
@Check('rally_track_imports_format_known', `format IN ('gpx', 'csv')`)
@Index('rally_track_imports_entry', ['entryId'])
export class TrackImportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_rally_track_imports' })
  id: string;

  @Column({ name: 'rally_id', type: 'uuid' })
  rallyId: string;

  @Column({ name: 'entry_id', type: 'uuid' })
  entryId: string;

  @ManyToOne(() => EntryEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'entry_id', referencedColumnName: 'id', foreignKeyConstraintName: 'FK_rally_track_imports_entry' },
    { name: 'rally_id', referencedColumnName: 'rallyId' },
  ])
  entry?: EntryEntity;

  @Column({ type: 'text' })
  format: TrackFileFormat;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName: string | null;

  @Column({ type: 'jsonb' })
  points: StagedPoint[];

  /** What the preview showed (counts, rejected lines, encoding), returned again on commit. */
  @Column({ type: 'jsonb' })
  summary: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true })
  committedAt: Date | null;
}
