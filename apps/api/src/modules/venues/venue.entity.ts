import { Check, Column, Entity } from 'typeorm';
import { SourcedEntity } from '../../database/columns.js';

@Entity('venues')
@Check('venues_courts_positive', `courts >= 1`)
@Check('venues_seats_non_negative', `seats >= 0`)
@Check('venues_coordinates_valid', `lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180`)
export class VenueEntity extends SourcedEntity {
  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'text' })
  city: string;

  @Column({ name: 'city_en', type: 'text', nullable: true })
  cityEn: string | null;

  @Column({ type: 'integer', default: 1 })
  courts: number;

  @Column({ type: 'integer', nullable: true })
  seats: number | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon: number | null;
}
