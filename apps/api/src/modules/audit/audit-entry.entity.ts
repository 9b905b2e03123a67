import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/** What an audited organizer action was about: a confirmed knockout draw, or an official's profile. */
export type AuditSubject = 'knockout' | 'official';
export const AUDIT_SUBJECTS: readonly AuditSubject[] = ['knockout', 'official'];

/**
 * One organizer action: who, when, on what, and what it decided or changed (`details`). Rows are only ever added and
 * carry no foreign key to their subject, so the record outlives a bracket redrawn or an official removed.
 */
@Entity('audit_entries')
@Check('audit_entries_subject_valid', `subject IN ('knockout', 'official')`)
@Index('audit_entries_subject', ['subject', 'subjectId', 'at'])
@Index('audit_entries_event', ['eventId', 'at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  subject: AuditSubject;

  /** The event (knockout) or the official. */
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId: string | null;

  @Column({ name: 'division_id', type: 'uuid', nullable: true })
  divisionId: string | null;

  /** 'confirmed', 'edited' … */
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'actor_id' })
  actor?: UserEntity | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  /** clock_timestamp, not now(): two entries of one transaction keep their order. */
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at: Date;
}
