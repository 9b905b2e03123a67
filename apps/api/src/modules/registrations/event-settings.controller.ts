import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth.js';
import { DivisionDto, UpdateDivisionDto } from '../divisions/dto/division.dto.js';
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
  @ApiOperation({
    summary: 'Change registration settings (organizers); raising capacity promotes the oldest waitlisted teams',
  })
  @ApiOkResponse({ type: EventDto })
  update(@Param('id') id: string, @Body() body: UpdateEventDto): Promise<EventDto> {
    return this.registrations.updateEvent(id, body);
  }
}

/** Like the event's settings: a division's capacity raise promotes its waitlist under the same event lock. */
@ApiTags('divisions')
@Controller('events/:id/divisions')
export class DivisionSettingsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Patch(':division')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Change a division (organizers); capacity never below its confirmed teams (409), a raise promotes its oldest waitlisted teams',
  })
  @ApiOkResponse({ type: DivisionDto })
  update(
    @Param('id') id: string,
    @Param('division') division: string,
    @Body() body: UpdateDivisionDto,
  ): Promise<DivisionDto> {
    return this.registrations.updateDivision(id, division, body);
  }
}
