import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { OfficialRole } from '@sailcourt/domain';
import { SourcedEntity } from '../../database/columns.js';
import { MatchEntity } from '../matches/match.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** When an official can work (Asia/Shanghai instants as ISO strings). */
export type AvailabilityRecord = { startsAt: string; endsAt: string };

/** A referee or table official: someone with an account, or just a name and a contact. */
@Entity('officials')
@Check('officials_roles_valid', `cardinality(roles) > 0 AND roles <@ ARRAY['referee', 'table']::text[]`)
export class OfficialEntity extends SourcedEntity {
  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  /** Phone or e-mail; shown to organizers only. */
  @Column({ type: 'text', nullable: true })
  contact: string | null;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity | null;

  @Column({ type: 'text', array: true, default: () => "'{referee}'" })
  roles: OfficialRole[];

  /** Teams whose games the official must not work. */
  @Column({ name: 'affiliated_team_ids', type: 'uuid', array: true, default: () => "'{}'" })
  affiliatedTeamIds: string[];

  /** Empty: no restriction recorded. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  availability: AvailabilityRecord[];
}

/** An official working a game in a role. The checks (overlap, travel, affiliation) run under the official's row lock. */
@Entity('match_officials')
@Check('match_officials_role_valid', `role IN ('referee', 'table')`)
@Index('match_officials_match_official_unique', ['matchId', 'officialId'], { unique: true })
@Index('match_officials_official', ['officialId'])
export class MatchOfficialEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'match_id', type: 'uuid' })
  matchId: string;

  @ManyToOne(() => MatchEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'match_id' })
  match?: MatchEntity;

  @Column({ name: 'official_id', type: 'uuid' })
  officialId: string;

  @ManyToOne(() => OfficialEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'official_id' })
  official?: OfficialEntity;

  @Column({ type: 'text' })
  role: OfficialRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export type AssignmentAction = 'assigned' | 'unassigned';

/** Every assignment and removal, who did it and when; kept when the game or official goes. */
@Entity('official_assignment_audit')
@Check('official_assignment_audit_action_valid', `action IN ('assigned', 'unassigned')`)
@Index('official_assignment_audit_match', ['matchId'])
export class OfficialAssignmentAuditEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'match_id', type: 'uuid' })
  matchId: string;

  @Column({ name: 'official_id', type: 'uuid' })
  officialId: string;

  @Column({ type: 'text' })
  role: OfficialRole;

  @Column({ type: 'text' })
  action: AssignmentAction;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at: Date;
}
