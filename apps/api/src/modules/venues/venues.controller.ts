import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { idOrSlug } from '../../common/ids.js';
import { notFound } from '../../common/problem.js';
import { VenueDto, toVenueDto } from './dto/venue.dto.js';
import { VenueEntity } from './venue.entity.js';

/** Venues are read-only reference data for now (seeded); two queries do not earn a repository. */
@ApiTags('venues')
@Controller('venues')
export class VenuesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ type: [VenueDto] })
  async list(): Promise<VenueDto[]> {
    const venues = await this.dataSource.getRepository(VenueEntity).find({ order: { createdAt: 'ASC', slug: 'ASC' } });
    return venues.map(toVenueDto);
  }

  @Get(':id')
  @ApiOkResponse({ type: VenueDto })
  async get(@Param('id') id: string): Promise<VenueDto> {
    const venue = await this.dataSource.getRepository(VenueEntity).findOneBy(idOrSlug(id));
    if (!venue) throw notFound('venue', id);
    return toVenueDto(venue);
  }
}
