import { ApiProperty } from '@nestjs/swagger';
import { SourcedDto, sourcedFields } from '../../../common/dto.js';
import type { VenueEntity } from '../venue.entity.js';

export class VenueDto extends SourcedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty() city: string;
  @ApiProperty({ nullable: true, type: String }) cityEn: string | null;
  @ApiProperty() courts: number;
  @ApiProperty({ nullable: true, type: Number }) seats: number | null;
  @ApiProperty({ nullable: true, type: Number }) lat: number | null;
  @ApiProperty({ nullable: true, type: Number }) lon: number | null;
}

export const toVenueDto = (v: VenueEntity): VenueDto => ({
  id: v.id,
  slug: v.slug,
  name: v.name,
  nameEn: v.nameEn,
  city: v.city,
  cityEn: v.cityEn,
  courts: v.courts,
  seats: v.seats,
  lat: v.lat,
  lon: v.lon,
  ...sourcedFields(v),
});
