import { Check, Column, Entity } from 'typeorm';
import { numberTransformer, SourcedEntity } from '../../database/columns.js';

@Entity('seasons')
@Check('seasons_dates_ordered', `end_date >= start_date`)
@Check('seasons_targets_non_negative', `target_participants >= 0 AND target_visits >= 0 AND target_spending_yuan >= 0`)
export class SeasonEntity extends SourcedEntity {
  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'text', nullable: true })
  theme: string | null;

  @Column({ name: 'theme_en', type: 'text', nullable: true })
  themeEn: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'description_en', type: 'text', nullable: true })
  descriptionEn: string | null;

  @Column({ type: 'text', nullable: true })
  operator: string | null;

  @Column({ name: 'operator_en', type: 'text', nullable: true })
  operatorEn: string | null;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ name: 'target_participants', type: 'integer', nullable: true })
  targetParticipants: number | null;

  @Column({ name: 'target_visits', type: 'integer', nullable: true })
  targetVisits: number | null;

  @Column({ name: 'target_spending_yuan', type: 'bigint', nullable: true, transformer: numberTransformer })
  targetSpendingYuan: number | null;
}
