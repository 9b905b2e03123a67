import { Controller, Get, Param, Res } from '@nestjs/common';
import { IdParam } from '../../common/id-param.js';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../common/auth.js';
import { AuditEntryDto } from './dto/registration.dto.js';
import { ParticipationDto, RegistrationSummaryDto } from './dto/summary.dto.js';
import { RegistrationReadsService } from './registration-reads.service.js';

@ApiTags('registrations')
@Controller()
export class RegistrationReportsController {
  constructor(private readonly reads: RegistrationReadsService) {}

  @Get('events/:id/registrations.csv')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Registrations as CSV (UTF-8 with BOM), rosters and manager contacts included (organizers)',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async csv(@IdParam('event') eventId: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const { filename, body } = await this.reads.csv(eventId);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`);
    return body;
  }

  @Get('events/:id/registration-summary')
  @ApiOperation({ summary: 'Capacity, counts per status, places left and participants (people on confirmed rosters)' })
  @ApiOkResponse({ type: RegistrationSummaryDto })
  summary(@IdParam('event') eventId: string): Promise<RegistrationSummaryDto> {
    return this.reads.summary(eventId);
  }

  @Get('events/:id/audit')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Every registration status change for the event: who, when, from, to, why (organizers)' })
  @ApiOkResponse({ type: [AuditEntryDto] })
  eventAudit(@IdParam('event') eventId: string): Promise<AuditEntryDto[]> {
    return this.reads.auditForEvent(eventId);
  }

  @Get('registrations/:id/audit')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOkResponse({ type: [AuditEntryDto] })
  registrationAudit(@IdParam('registration') id: string): Promise<AuditEntryDto[]> {
    return this.reads.auditForRegistration(id);
  }

  @Get('seasons/:id/participation')
  @ApiOperation({ summary: 'Participants per event and for the season against the targets' })
  @ApiOkResponse({ type: ParticipationDto })
  participation(@Param('id') seasonKey: string): Promise<ParticipationDto> {
    return this.reads.participation(seasonKey);
  }
}
