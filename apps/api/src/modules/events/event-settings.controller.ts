import { Body, Controller, Patch } from '@nestjs/common';
import { IdParam } from '../../common/id-param.js';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth.js';
import { EventDto } from './dto/event.dto.js';
import { UpdateEventDto } from './dto/event-settings.dto.js';
import { EventsService } from './events.service.js';

/** A capacity raise promotes the waitlist in the same transaction: the registrations module hooks in (EventSettingsHooks). */
@ApiTags('events')
@Controller('events')
export class EventSettingsController {
  constructor(private readonly events: EventsService) {}

  @Patch(':id')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change registration settings (organizers); raising capacity promotes the oldest waitlisted teams',
  })
  @ApiOkResponse({ type: EventDto })
  update(@IdParam('event') id: string, @Body() body: UpdateEventDto): Promise<EventDto> {
    return this.events.updateSettings(id, body);
  }
}
