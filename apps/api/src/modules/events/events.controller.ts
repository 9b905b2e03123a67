import { Body, Controller, Get, Post } from '@nestjs/common';
import { IdParam } from '../../common/id-param.js';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth.js';
import { CreateEventDto, EventDto } from './dto/event.dto.js';
import { EventsService } from './events.service.js';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: EventDto })
  create(@Body() body: CreateEventDto): Promise<EventDto> {
    return this.events.create(body);
  }

  @Get(':id')
  @ApiOkResponse({ type: EventDto })
  get(@IdParam('event') id: string): Promise<EventDto> {
    return this.events.get(id);
  }
}
