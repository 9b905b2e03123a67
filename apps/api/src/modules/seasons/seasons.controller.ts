import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SeasonDto } from './dto/season.dto.js';
import { SeasonsService } from './seasons.service.js';

/** `GET /seasons/:id/events` is the events module's (`SeasonEventsController`): events read their season, not the reverse. */
@ApiTags('seasons')
@Controller('seasons')
export class SeasonsController {
  constructor(private readonly seasons: SeasonsService) {}

  @Get()
  @ApiOkResponse({ type: [SeasonDto] })
  list(): Promise<SeasonDto[]> {
    return this.seasons.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: SeasonDto })
  get(@Param('id') id: string): Promise<SeasonDto> {
    return this.seasons.get(id);
  }
}
