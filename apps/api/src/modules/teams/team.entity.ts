import { Check, Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { SourcedEntity } from '../../database/columns.js';
import { UserEntity } from '../users/user.entity.js';

export type Sport = 'basketball' | 'sailing';
export const SPORTS: readonly Sport[] = ['basketball', 'sailing'];

@Entity('teams')
@Check('teams_sport_valid', `sport IN ('basketball', 'sailing')`)
export class TeamEntity extends SourcedEntity {
  /** Stable key for seeded teams; user-created teams leave it empty. */
  @Column({ type: 'text', unique: true, nullable: true })
  slug: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'text' })
  sport: Sport;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ name: 'city_en', type: 'text', nullable: true })
  cityEn: string | null;

  /** The account that manages the team; seeded teams are managed by organizers only. */
  @Column({ name: 'manager_id', type: 'uuid', nullable: true })
  managerId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'manager_id' })
  manager?: UserEntity | null;
}
