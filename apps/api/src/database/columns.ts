import { Column, CreateDateColumn, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';

/** pg returns bigint and numeric as strings; our figures fit safely in a double. */
export const numberTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** Columns every record of the published data carries: an id, provenance and creation time. */
export abstract class SourcedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Where the record's facts come from, or "illustrative" when the sources are silent. */
  @Column({ type: 'text', nullable: true })
  source: string | null;

  /** Fields of an otherwise reported record that the sources do not give. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  illustrative: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
