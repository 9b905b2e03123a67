import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Res } from '@nestjs/common';
import { IdParam } from '../../common/id-param.js';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type Caller, CurrentCaller, Roles } from '../../common/auth.js';
import {
  AssignmentAuditEntryDto,
  AssignmentBoardDto,
  AssignmentDto,
  AssignmentSuggestionDto,
  AssignOfficialDto,
  CreateOfficialDto,
  OfficialDto,
  OfficialScheduleDto,
  SaveAssignmentsDto,
  UpdateOfficialDto,
} from './dto/official.dto.js';
import { OrganizerAuditEntryDto } from '../audit/audit-entry.dto.js';
import { OfficialsService } from './officials.service.js';

@ApiTags('officials')
@Controller()
export class OfficialsController {
  constructor(private readonly officials: OfficialsService) {}

  @Post('officials')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Add a referee or table official: an account, or just a name and contact; affiliations and availability',
  })
  @ApiCreatedResponse({ type: OfficialDto })
  create(@Body() body: CreateOfficialDto): Promise<OfficialDto> {
    return this.officials.create(body);
  }

  @Get('officials')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOkResponse({ type: [OfficialDto] })
  list(): Promise<OfficialDto[]> {
    return this.officials.list();
  }

  @Get('officials/:id')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOkResponse({ type: OfficialDto })
  get(@IdParam('official') id: string): Promise<OfficialDto> {
    return this.officials.get(id);
  }

  @Patch('officials/:id')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Edit an official: name, contact, account, roles, affiliations, availability (only the fields sent)',
    description:
      '409 official.assignments-broken, naming each game, when the change would break an assignment the official holds (a new affiliation with a team in it, a dropped role, availability that no longer covers it); nothing changes.',
  })
  @ApiOkResponse({ type: OfficialDto })
  update(
    @IdParam('official') id: string,
    @Body() body: UpdateOfficialDto,
    @CurrentCaller() caller: Caller,
  ): Promise<OfficialDto> {
    return this.officials.update(id, body, caller.id);
  }

  @Get('officials/:id/audit')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Every edit of the official (organizers): who, when, each changed field from → to' })
  @ApiOkResponse({ type: [OrganizerAuditEntryDto] })
  editAudit(@IdParam('official') id: string): Promise<OrganizerAuditEntryDto[]> {
    return this.officials.editAudit(id);
  }

  @Get('officials/:id/games')
  @ApiOperation({ summary: 'An official’s games in every event (public; no contact details)' })
  @ApiOkResponse({ type: OfficialScheduleDto })
  schedule(@IdParam('official') id: string): Promise<OfficialScheduleDto> {
    return this.officials.schedule(id);
  }

  @Get('officials/:id/calendar.ics')
  @ApiTags('calendar')
  @ApiOperation({ summary: 'An official’s games as an iCalendar feed (RFC 5545, Asia/Shanghai)' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ schema: { type: 'string' } })
  async calendar(@IdParam('official') id: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const download = await this.officials.calendar(id);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="${download.filename.replace(/[^\w.-]/g, '_')}"`);
    return download.body;
  }

  @Get('events/:id/officials/board')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'The assignment board: every game with its officials and the places still open, and every official’s load',
  })
  @ApiOkResponse({ type: AssignmentBoardDto })
  board(@IdParam('event') eventId: string): Promise<AssignmentBoardDto> {
    return this.officials.board(eventId);
  }

  @Post('events/:id/officials/suggestions')
  @Roles('organizer')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Propose assignments for the open places (nothing is saved): balanced per official, every check respected',
  })
  @ApiOkResponse({ type: AssignmentSuggestionDto })
  suggest(@IdParam('event') eventId: string): Promise<AssignmentSuggestionDto> {
    return this.officials.suggest(eventId);
  }

  @Put('events/:id/officials/assignments')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Save reviewed assignments, all or none (409 naming each clashing one as assignments[i].officialId)',
  })
  @ApiOkResponse({ type: AssignmentBoardDto })
  saveMany(
    @IdParam('event') eventId: string,
    @Body() body: SaveAssignmentsDto,
    @CurrentCaller() caller: Caller,
  ): Promise<AssignmentBoardDto> {
    return this.officials.saveMany(eventId, body.assignments, caller.id);
  }

  @Post('matches/:id/officials')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Assign an official to a game; overlapping games, too little travel time between venues, or an affiliated team is 409',
  })
  @ApiCreatedResponse({ type: AssignmentDto })
  assign(
    @IdParam('match') matchId: string,
    @Body() body: AssignOfficialDto,
    @CurrentCaller() caller: Caller,
  ): Promise<AssignmentDto> {
    return this.officials.assign(matchId, body, caller.id);
  }

  @Delete('matches/:id/officials/:assignmentId')
  @Roles('organizer')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiNoContentResponse()
  async unassign(
    @IdParam('match') matchId: string,
    @IdParam('assignment', 'assignmentId') assignmentId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    await this.officials.unassign(matchId, assignmentId, caller.id);
  }

  @Get('events/:id/officials/audit')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Every assignment and removal for the event’s games: who, when' })
  @ApiOkResponse({ type: [AssignmentAuditEntryDto] })
  audit(@IdParam('event') eventId: string): Promise<AssignmentAuditEntryDto[]> {
    return this.officials.audit(eventId);
  }
}
