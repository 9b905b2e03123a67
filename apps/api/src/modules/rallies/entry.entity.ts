import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { SourcedEntity } from '../../database/columns.js';
import { TeamEntity } from '../teams/team.entity.js';
import { RallyEntity } from './rally.entity.js';

export type CrewRole = 'skipper' | 'helmsman' | 'navigator' | 'trimmer' | 'bowman' | 'crew';
/** The sailing roles of team rosters, so a crew list and a roster speak the same words. */
export const CREW_ROLES: readonly CrewRole[] = ['skipper', 'helmsman', 'navigator', 'trimmer', 'bowman', 'crew'];
/** A person aboard. Personal data: only organizers read it. */
export type CrewMember = { name: string; role: CrewRole };

@Entity('rally_entries')
@Check('rally_entries_rating_positive', `rating > 0`)
@Check('rally_entries_crew_is_array', `jsonb_typeof(crew) = 'array'`)
@Index('rally_entries_rally_team_unique', ['rallyId', 'teamId'], { unique: true })
// Target of leg results' composite foreign key: a result's entry belongs to the result's rally.
@Unique('rally_entries_rally_id_unique', ['rallyId', 'id'])
export class EntryEntity extends SourcedEntity {
  @Column({ name: 'rally_id', type: 'uuid' })
  rallyId: string;

  @ManyToOne(() => RallyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'rally_id' })
  rally?: RallyEntity;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team?: TeamEntity;

  @Column({ name: 'boat_name', type: 'text' })
  boatName: string;

  @Column({ name: 'sail_number', type: 'text', nullable: true })
  sailNumber: string | null;

  /** Time-correction factor (time on time); 1 for one-design boats. */
  @Column({ type: 'double precision', default: 1 })
  rating: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  crew: CrewMember[];
}
