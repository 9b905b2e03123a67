import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type UserRole = 'organizer' | 'team_manager';
export const USER_ROLES: readonly UserRole[] = ['organizer', 'team_manager'];

@Entity('users')
@Check('users_role_valid', `role IN ('organizer', 'team_manager')`)
@Check('users_email_lowercase', `email = lower(email)`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; the unique index makes sign-up races resolve in the database. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  role: UserRole;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** Bumped by sign-out: tokens issued at an older version are refused (server-side revocation). */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
