import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth.js';
import { EventDto } from '../events/dto/event.dto.js';
import { UpdateEventDto } from './dto/event-settings.dto.js';
import { RegistrationsService } from './registrations.service.js';

/** Lives with registrations: a capacity change must promote the waitlist under the same event lock. */
@ApiTags('events')
@Controller('events')
export class EventSettingsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Patch(':id')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change registration settings (organizers); raising capacity promotes the oldest waitlisted teams' })
  @ApiOkResponse({ type: EventDto })
  update(@Param('id') id: string, @Body() body: UpdateEventDto): Promise<EventDto> {
    return this.registrations.updateEvent(id, body);
  }
}
