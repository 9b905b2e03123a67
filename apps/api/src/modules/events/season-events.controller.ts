import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventDto } from './dto/event.dto.js';
import { EventsService } from './events.service.js';

/** A season's events, served by the events module (which reads seasons; seasons know nothing of events). */
@ApiTags('seasons')
@Controller('seasons')
export class SeasonEventsController {
  constructor(private readonly events: EventsService) {}

  @Get(':id/events')
  // The operation id it had under SeasonsController: the published contract keeps its names.
  @ApiOperation({ operationId: 'SeasonsController_listEvents', summary: 'The season’s events, by start date' })
  @ApiOkResponse({ type: [EventDto] })
  listEvents(@Param('id') id: string): Promise<EventDto[]> {
    return this.events.listForSeason(id);
  }
}
