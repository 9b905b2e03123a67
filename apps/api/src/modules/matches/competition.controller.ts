import { applyDecorators, Body, Controller, Get, Headers, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { IdParam } from '../../common/id-param.js';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Caller, CurrentCaller, Roles } from '../../common/auth.js';
import { badRequest } from '../../common/problem.js';
import { calendarLanguage } from './calendar-text.js';
import { OrganizerAuditEntryDto } from '../audit/audit-entry.dto.js';
import { BracketDto, CreatePlayoffsDto } from './dto/bracket.dto.js';
import { ConfirmKnockoutDto, KnockoutDrawOptionsDto, KnockoutPreviewDto } from './dto/knockout.dto.js';
import { DrawnLotDto, RecordLotDto, StandingsDto } from './dto/standings.dto.js';
import { DrawnLotsService } from './drawn-lots.service.js';
import { sendFeed } from './feed-cache.js';
import { KnockoutService } from './knockout.service.js';
import { type Download, MatchReadsService } from './match-reads.service.js';
import { PlayoffsService } from './playoffs.service.js';
import { StandingsService } from './standings.service.js';

/** `?division=` as a string, or a 400 naming it (a repeated or overlong value). */
export function divisionQuery(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > 60) {
    throw badRequest('Invalid request: division.', [
      { field: 'division', message: 'must be one division id or code (1–60 characters)' },
    ]);
  }
  return value;
}

function sendDownload(res: Response, type: string, download: Download, disposition: 'inline' | 'attachment'): string {
  res.setHeader('Content-Type', `${type}; charset=utf-8`);
  res.setHeader('Content-Disposition', `${disposition}; filename="${download.filename.replace(/[^\w.-]/g, '_')}"`);
  return download.body;
}

/** The calendar is written in the asker's language, so caches keep one copy per Accept-Language. */
function sendCalendar(res: Response, download: Download): string {
  res.setHeader('Vary', 'Accept-Language');
  return sendDownload(res, 'text/calendar', download, 'inline');
}

/** What the OpenAPI document says of an iCalendar feed. */
const CalendarFeed = (summary: string, description: string): MethodDecorator =>
  applyDecorators(
    ApiTags('calendar'),
    ApiOperation({ summary, description }),
    ApiQuery({ name: 'lang', required: false, enum: ['zh-CN', 'en'] }),
    ApiProduces('text/calendar'),
    ApiOkResponse({ schema: { type: 'string' } }),
  );

@ApiTags('standings')
@Controller()
export class CompetitionController {
  constructor(
    private readonly standings: StandingsService,
    private readonly playoffs: PlayoffsService,
    private readonly reads: MatchReadsService,
    private readonly knockout: KnockoutService,
    private readonly lots: DrawnLotsService,
  ) {}

  @Get('events/:id/standings')
  @ApiOperation({
    summary:
      'Group standings by FIBA’s classification rules (Appendix D), with the tie-break that placed each tied team',
    description:
      "Games without a group form the group ''. Served with ETag and Cache-Control; If-None-Match gives 304 until a result changes.",
  })
  @ApiQuery({
    name: 'division',
    required: false,
    description:
      "One division's standings (its id or code); without it every division's groups, each ranked on its own",
  })
  @ApiOkResponse({ type: StandingsDto })
  async get(
    @IdParam('event') eventId: string,
    @Query('division') division: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await sendFeed(req, res, await this.standings.feed(eventId, divisionQuery(division)));
  }

  @Post('events/:id/standings/lots')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Record the order drawn by lot for teams the rules leave level (organizers)',
    description:
      'For a complete group whose teams are level on every criterion (FIBA Appendix D.1.3; 3x3 without seeding): teamIds are exactly ' +
      'those teams, first drawn first. The standings then rank them so and explain it ("decided by lot (recorded by …, at …)"). ' +
      '422 standings.lot-not-needed when the teams are not such a tie; a later lot for the same teams replaces the earlier one in the ' +
      'standings, and every lot stays listed.',
  })
  @ApiCreatedResponse({ type: DrawnLotDto })
  recordLot(
    @IdParam('event') eventId: string,
    @Body() body: RecordLotDto,
    @CurrentCaller() caller: Caller,
  ): Promise<DrawnLotDto> {
    return this.lots.record(eventId, body, caller.id);
  }

  @Get('events/:id/standings/lots')
  @ApiOperation({ summary: 'Every lot recorded for the event, oldest first: who drew which order, and when' })
  @ApiOkResponse({ type: [DrawnLotDto] })
  listLots(@IdParam('event') eventId: string): Promise<DrawnLotDto[]> {
    return this.lots.list(eventId);
  }

  @Post('events/:id/playoffs')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Seed a single-elimination bracket from the final group standings (organizers)',
    description:
      'Cross-over seeding (A1–B2, B1–A2, …); top seeds get the byes. 409 while group games remain or when a bracket exists (replace: true ' +
      'redraws it until a playoff game has a result). First-round games go into the next free evening slots at the event’s venue.',
  })
  @ApiCreatedResponse({ type: BracketDto })
  create(@IdParam('event') eventId: string, @Body() body: CreatePlayoffsDto): Promise<BracketDto> {
    return this.playoffs.create(eventId, body);
  }

  @Post('events/:id/knockout/preview')
  @HttpCode(200)
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Preview the knockout drawn from the group standings (organizers); nothing is stored',
    description:
      'Two per group from an even number of groups: crossover by group pairs (A1–B2, C1–D2 … in the top half, B1–A2, D1–C2 … in the bottom). ' +
      'Otherwise (e.g. with bestNextPlaced best third-placed teams, ranked across groups by the ruleset’s criteria): seeded by cross-group ranking, ' +
      'teams of one group kept apart in the first round where possible. Lists the group games still without a result.',
  })
  @ApiOkResponse({ type: KnockoutPreviewDto })
  previewKnockout(
    @IdParam('event') eventId: string,
    @Body() body: KnockoutDrawOptionsDto,
  ): Promise<KnockoutPreviewDto> {
    return this.knockout.preview(eventId, body);
  }

  @Post('events/:id/knockout')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Confirm the knockout draw (organizers): stores the bracket and creates its first games',
    description:
      '409 knockout.group-stage-incomplete (errors name each unfinished game) unless allowIncomplete: true; 409 knockout.bracket-exists when the event ' +
      '(or the division named) has a bracket (one each, enforced by the database); 409 knockout.draw-changed when drawKey no longer matches.',
  })
  @ApiCreatedResponse({ type: BracketDto })
  confirmKnockout(
    @IdParam('event') eventId: string,
    @Body() body: ConfirmKnockoutDto,
    @CurrentCaller() caller: Caller,
  ): Promise<BracketDto> {
    return this.knockout.confirm(eventId, body, caller.id);
  }

  @Get('events/:id/knockout/audit')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Every knockout confirmation of the event (organizers): who, when, the options and the seeds',
  })
  @ApiOkResponse({ type: [OrganizerAuditEntryDto] })
  knockoutAudit(@IdParam('event') eventId: string): Promise<OrganizerAuditEntryDto[]> {
    return this.knockout.audit(eventId);
  }

  @Get('events/:id/bracket')
  @ApiOperation({
    summary: 'The playoff bracket with results so far; 404 before playoffs are seeded',
    description:
      'An event with divisions has a bracket per division: `?division=` is then required (400), and an unknown one is a 422.',
  })
  @ApiQuery({ name: 'division', required: false, description: "The division's id or code (e.g. U10-girls)" })
  @ApiOkResponse({ type: BracketDto })
  bracket(@IdParam('event') eventId: string, @Query('division') division: unknown): Promise<BracketDto> {
    return this.playoffs.bracket(eventId, divisionQuery(division));
  }

  @Get('events/:id/calendar.ics')
  @CalendarFeed(
    'The event’s games as an iCalendar feed (RFC 5545, Asia/Shanghai); a rescheduled game keeps its UID with a higher SEQUENCE',
    'Written in one language: `?lang=`, else the first language of Accept-Language; Chinese when neither says English.',
  )
  async eventCalendar(
    @IdParam('event') eventId: string,
    @Query('lang') lang: unknown,
    @Headers('accept-language') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCalendar(res, await this.reads.eventCalendar(eventId, calendarLanguage(lang, accept)));
  }

  @Get('teams/:id/calendar.ics')
  @CalendarFeed(
    'A team’s games in every event as an iCalendar feed (RFC 5545, Asia/Shanghai)',
    'Language as for the event feed (`?lang=` or Accept-Language).',
  )
  async teamCalendar(
    @IdParam('team') teamId: string,
    @Query('lang') lang: unknown,
    @Headers('accept-language') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCalendar(res, await this.reads.teamCalendar(teamId, calendarLanguage(lang, accept)));
  }

  @Get('events/:id/results.csv')
  @ApiOperation({ summary: 'Every game with a result as CSV (UTF-8 with BOM)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async resultsCsv(@IdParam('event') eventId: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    return sendDownload(res, 'text/csv', await this.reads.resultsCsv(eventId), 'attachment');
  }
}
