import { Injectable } from '@nestjs/common';
import { notFound } from '../../common/problem.js';
import { toVenueDto, type VenueDto } from './dto/venue.dto.js';
import type { VenueEntity } from './venue.entity.js';
import { VenuesRepository } from './venues.repository.js';

/** Venues are read-only reference data (seeded); other modules look them up here. */
@Injectable()
export class VenuesService {
  constructor(private readonly venues: VenuesRepository) {}

  async list(): Promise<VenueDto[]> {
    return (await this.venues.findAll()).map(toVenueDto);
  }

  async get(key: string): Promise<VenueDto> {
    const venue = await this.venues.findByKey(key);
    if (!venue) throw notFound('venue', key);
    return toVenueDto(venue);
  }

  findById(id: string): Promise<VenueEntity | null> {
    return this.venues.findById(id);
  }

  /** By id, slug, or Chinese or English name (case-insensitive). */
  findByAnyName(key: string): Promise<VenueEntity | null> {
    return this.venues.findByAnyName(key);
  }
}
