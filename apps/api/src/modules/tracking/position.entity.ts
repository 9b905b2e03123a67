import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EntryEntity } from '../rallies/entry.entity.js';

/** How a position reached us: a feed (organizer), a boat's tracker token, a file, or the illustrative seed. */
export type PositionOrigin = 'feed' | 'tracker' | 'gpx' | 'csv' | 'illustrative';
export const POSITION_ORIGINS: readonly PositionOrigin[] = ['feed', 'tracker', 'gpx', 'csv', 'illustrative'];

/**
 * One fix of one boat. Keyed by (entry_id, at): the key's B-tree serves every read (one boat's fixes
 * in a time window, in order) and makes a repeated fix a duplicate. See the migration for sizing.
 */
@Entity('rally_positions')
@Check('rally_positions_lat_range', `lat BETWEEN -90 AND 90`)
@Check('rally_positions_lon_range', `lon BETWEEN -180 AND 180`)
@Check('rally_positions_sog_range', `sog_kn IS NULL OR sog_kn BETWEEN 0 AND 100`)
@Check('rally_positions_cog_range', `cog_deg IS NULL OR (cog_deg >= 0 AND cog_deg < 360)`)
@Check('rally_positions_origin_known', `origin IN ('feed', 'tracker', 'gpx', 'csv', 'illustrative')`)
export class PositionEntity {
  @PrimaryColumn({ name: 'entry_id', type: 'uuid', primaryKeyConstraintName: 'rally_positions_entry_at' })
  entryId: string;

  @PrimaryColumn({ type: 'timestamptz', primaryKeyConstraintName: 'rally_positions_entry_at' })
  at: Date;

  @ManyToOne(() => EntryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'FK_rally_positions_entry' })
  entry?: EntryEntity;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lon: number;

  @Column({ name: 'sog_kn', type: 'real', nullable: true })
  sogKn: number | null;

  @Column({ name: 'cog_deg', type: 'real', nullable: true })
  cogDeg: number | null;

  @Column({ type: 'text' })
  origin: PositionOrigin;
}
