import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DivisionEntity } from '../divisions/division.entity.js';
import { EventEntity } from '../events/event.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * An order drawn by lot for teams of one group that the rules leave level. Rows are only ever added: the standings
 * apply the last one recorded for exactly the teams still tied, and the rows are the record of who drew what, when.
 */
@Entity('drawn_lots')
@Check('drawn_lots_two_or_more_teams', `cardinality(team_ids) >= 2`)
@Index('drawn_lots_event_recorded', ['eventId', 'recordedAt'])
export class DrawnLotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  /** The division whose group it is; null in an event without divisions. */
  @Column({ name: 'division_id', type: 'uuid', nullable: true })
  divisionId: string | null;

  @ManyToOne(() => DivisionEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'division_id' })
  division?: DivisionEntity | null;

  @Column({ name: 'group_name', type: 'text', default: '' })
  group: string;

  /** The tied teams in the order drawn: the first ranks highest. */
  @Column({ name: 'team_ids', type: 'uuid', array: true })
  teamIds: string[];

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'recorded_by' })
  recorder?: UserEntity | null;

  /** clock_timestamp, not now(): two lots in one transaction keep their order. */
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  recordedAt: Date;
}
