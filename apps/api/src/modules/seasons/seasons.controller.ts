import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { notFound } from '../../common/problem.js';
import { EventDto } from '../events/dto/event.dto.js';
import { EventsService } from '../events/events.service.js';
import { SeasonDto, toSeasonDto } from './dto/season.dto.js';
import { SeasonsRepository } from './seasons.repository.js';

/** Seasons are read-only over HTTP (seeded or created by operators); the controller maps straight from the repository. */
@ApiTags('seasons')
@Controller('seasons')
export class SeasonsController {
  constructor(
    private readonly seasons: SeasonsRepository,
    private readonly events: EventsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [SeasonDto] })
  async list(): Promise<SeasonDto[]> {
    return (await this.seasons.findAll()).map(toSeasonDto);
  }

  @Get(':id')
  @ApiOkResponse({ type: SeasonDto })
  async get(@Param('id') id: string): Promise<SeasonDto> {
    const season = await this.seasons.findByKey(id);
    if (!season) throw notFound('season', id);
    return toSeasonDto(season);
  }

  @Get(':id/events')
  @ApiOkResponse({ type: [EventDto] })
  listEvents(@Param('id') id: string): Promise<EventDto[]> {
    return this.events.listForSeason(id);
  }
}
