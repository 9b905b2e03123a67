import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { EntryEntity } from '../rallies/entry.entity.js';

/**
 * A bearer token that lets one boat's tracker post that boat's positions and nothing else. Only its
 * SHA-256 is stored: a leaked database does not leak working tokens. Revoked, never deleted.
 */
@Entity('rally_tracker_tokens')
@Unique('rally_tracker_tokens_hash_unique', ['tokenHash'])
@Index('rally_tracker_tokens_entry', ['entryId'])
export class TrackerTokenEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_rally_tracker_tokens' })
  id: string;

  @Column({ name: 'rally_id', type: 'uuid' })
  rallyId: string;

  @Column({ name: 'entry_id', type: 'uuid' })
  entryId: string;

  // Composite key: the entry belongs to this rally.
  @ManyToOne(() => EntryEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'entry_id', referencedColumnName: 'id', foreignKeyConstraintName: 'FK_rally_tracker_tokens_entry' },
    { name: 'rally_id', referencedColumnName: 'rallyId' },
  ])
  entry?: EntryEntity;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ type: 'text', nullable: true })
  label: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
