import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { RegistrationEntity, type RegistrationStatus } from './registration.entity.js';

/** What an organizer overrode when registering outside the rules that bind team managers. */
export type RegistrationOverride = 'registration-window' | 'roster-size';
export const REGISTRATION_OVERRIDES: readonly RegistrationOverride[] = ['registration-window', 'roster-size'];

/** One status change: who, when, from, to, why. `actorId` null = the system (automatic promotion). */
@Entity('registration_audit')
@Check(
  'registration_audit_to_status_valid',
  `to_status IN ('pending', 'confirmed', 'waitlisted', 'rejected', 'withdrawn')`,
)
@Check(
  'registration_audit_from_status_valid',
  `from_status IN ('pending', 'confirmed', 'waitlisted', 'rejected', 'withdrawn')`,
)
@Index('registration_audit_registration', ['registrationId', 'at'])
@Index('registration_audit_event', ['eventId', 'at'])
export class RegistrationAuditEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'registration_id', type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => RegistrationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id' })
  registration?: RegistrationEntity;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'actor_id' })
  actor?: UserEntity | null;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: RegistrationStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: RegistrationStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  overrides: RegistrationOverride[];

  /** clock_timestamp, not now(): several changes in one transaction keep their order. */
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at: Date;
}
