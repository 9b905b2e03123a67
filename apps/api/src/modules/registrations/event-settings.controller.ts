import { Body, Controller, Param, Patch } from '@nestjs/common';
import { IdParam } from '../../common/id-param.js';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth.js';
import { DivisionDto, UpdateDivisionDto } from '../divisions/dto/division.dto.js';
import { RegistrationsService } from './registrations.service.js';

/** Lives with registrations: a division's capacity raise promotes its waitlist under the same event lock. */
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
    @IdParam('event') id: string,
    @Param('division') division: string,
    @Body() body: UpdateDivisionDto,
  ): Promise<DivisionDto> {
    return this.registrations.updateDivision(id, division, body);
  }
}
