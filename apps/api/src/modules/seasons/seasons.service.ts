import { Injectable } from '@nestjs/common';
import { notFound } from '../../common/problem.js';
import { type SeasonDto, toSeasonDto } from './dto/season.dto.js';
import type { SeasonEntity } from './season.entity.js';
import { SeasonsRepository } from './seasons.repository.js';

/** Seasons are read-only over HTTP (seeded or created by operators). */
@Injectable()
export class SeasonsService {
  constructor(private readonly seasons: SeasonsRepository) {}

  async list(): Promise<SeasonDto[]> {
    return (await this.seasons.findAll()).map(toSeasonDto);
  }

  async get(key: string): Promise<SeasonDto> {
    return toSeasonDto(await this.require(key));
  }

  /** The entity, by id or slug, for other modules' services; a missing one is the caller's 404. */
  async require(key: string): Promise<SeasonEntity> {
    const season = await this.seasons.findByKey(key);
    if (!season) throw notFound('season', key);
    return season;
  }

  /** The same, or null (for callers that answer a missing season their own way). */
  find(key: string): Promise<SeasonEntity | null> {
    return this.seasons.findByKey(key);
  }
}
