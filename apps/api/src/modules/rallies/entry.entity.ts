import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SourcedEntity } from '../../database/columns.js';
import { TeamEntity } from '../teams/team.entity.js';
import { RallyEntity } from './rally.entity.js';

@Entity('rally_entries')
@Check('rally_entries_rating_positive', `rating > 0`)
@Index('rally_entries_rally_team_unique', ['rallyId', 'teamId'], { unique: true })
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
}
