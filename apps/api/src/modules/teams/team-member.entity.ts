import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TeamEntity } from './team.entity.js';

export type BasketballRole = 'player' | 'coach' | 'assistant-coach' | 'team-manager' | 'physio' | 'staff';
export type SailingRole = 'skipper' | 'helmsman' | 'navigator' | 'trimmer' | 'bowman' | 'crew';
export type MemberRole = BasketballRole | SailingRole;
export const BASKETBALL_ROLES: readonly BasketballRole[] = [
  'player',
  'coach',
  'assistant-coach',
  'team-manager',
  'physio',
  'staff',
];
export const SAILING_ROLES: readonly SailingRole[] = ['skipper', 'helmsman', 'navigator', 'trimmer', 'bowman', 'crew'];
export const MEMBER_ROLES: readonly MemberRole[] = [...BASKETBALL_ROLES, ...SAILING_ROLES];

export type PlayerPosition = 'guard' | 'forward' | 'center';
export const PLAYER_POSITIONS: readonly PlayerPosition[] = ['guard', 'forward', 'center'];

/** A person on a team's roster. Personal data: only the team's manager and organizers read it. */
@Entity('team_members')
@Check('team_members_number_range', `number BETWEEN 0 AND 99`)
@Check('team_members_birth_year_range', `birth_year BETWEEN 1900 AND 2100`)
@Check('team_members_name_length', `char_length(name) BETWEEN 1 AND 100`)
@Check(
  'team_members_role_valid',
  `role IN ('player', 'coach', 'assistant-coach', 'team-manager', 'physio', 'staff', 'skipper', 'helmsman', 'navigator', 'trimmer', 'bowman', 'crew')`,
)
@Check('team_members_position_valid', `position IN ('guard', 'forward', 'center')`)
@Index('team_members_team_number_unique', ['teamId', 'number'], { unique: true })
@Index('team_members_team_order', ['teamId', 'sortOrder'])
export class TeamMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: TeamEntity;

  /** Where the member stands in the roster as the manager entered it. */
  @Column({ name: 'sort_order', type: 'integer' })
  sortOrder: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: MemberRole;

  /** Shirt number (basketball players). */
  @Column({ type: 'integer', nullable: true })
  number: number | null;

  @Column({ type: 'text', nullable: true })
  position: PlayerPosition | null;

  @Column({ name: 'birth_year', type: 'integer', nullable: true })
  birthYear: number | null;
}
