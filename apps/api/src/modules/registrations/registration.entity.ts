import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { numberTransformer } from '../../database/columns.js';
import { DivisionEntity } from '../divisions/division.entity.js';
import { EventEntity } from '../events/event.entity.js';
import { TeamEntity } from '../teams/team.entity.js';
import { UserEntity } from '../users/user.entity.js';

export type RegistrationStatus = 'pending' | 'confirmed' | 'waitlisted' | 'rejected' | 'withdrawn';
export const REGISTRATION_STATUSES: readonly RegistrationStatus[] = [
  'pending',
  'confirmed',
  'waitlisted',
  'rejected',
  'withdrawn',
];
/** Statuses that hold (or wait for) a place; a team has at most one of these per event. */
export const ACTIVE_STATUSES: readonly RegistrationStatus[] = ['pending', 'confirmed', 'waitlisted'];

/** One person as registered for an event: a snapshot, so later roster edits do not rewrite history. */
export type RosterEntry = { name: string; number: number | null; role: string | null; birthDate?: string | null };

@Entity('registrations')
@Check('registrations_status_valid', `status IN ('pending', 'confirmed', 'waitlisted', 'rejected', 'withdrawn')`)
@Check('registrations_roster_is_array', `jsonb_typeof(roster) = 'array'`)
@Check('registrations_withdrawal_request_confirmed', `withdrawal_requested_at IS NULL OR status = 'confirmed'`)
@Check(
  'registrations_withdrawal_reason_needs_request',
  `withdrawal_reason IS NULL OR withdrawal_requested_at IS NOT NULL`,
)
// Withdrawn and rejected registrations do not block a fresh one; two live ones for a team are a 409.
@Index('registrations_event_team_active_unique', ['eventId', 'teamId'], {
  unique: true,
  where: `status IN ('pending', 'confirmed', 'waitlisted')`,
})
@Index('registrations_event_status', ['eventId', 'status'])
@Index('registrations_team', ['teamId'])
@Index('registrations_division_status', ['divisionId', 'status'])
export class RegistrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  /** The division the team plays in; required when the event has divisions, null otherwise. */
  @Column({ name: 'division_id', type: 'uuid', nullable: true })
  divisionId: string | null;

  @ManyToOne(() => DivisionEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'division_id' })
  division?: DivisionEntity | null;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team?: TeamEntity;

  @Column({ type: 'text' })
  status: RegistrationStatus;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  roster: RosterEntry[];

  /** Arrival order, taken inside the event lock: the waitlist is served oldest first. */
  @Column({ type: 'bigint', transformer: numberTransformer })
  @Generated('increment')
  seq: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity | null;

  /** Set while the team's manager asks to withdraw a team that has played games; an organizer decides. */
  @Column({ name: 'withdrawal_requested_at', type: 'timestamptz', nullable: true })
  withdrawalRequestedAt: Date | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
