import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { IdParam } from '../../common/id-param.js';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Caller, CurrentCaller, Roles } from '../../common/auth.js';
import {
  CreateMatchDto,
  ListMatchesQueryDto,
  MatchDto,
  MatchPageDto,
  MatchResultDto,
  TodayDto,
  TodayQueryDto,
  UpdateMatchDto,
} from './dto/match.dto.js';
import { ScheduleRequestDto, ScheduleResultDto } from './dto/schedule.dto.js';
import { sendFeed } from './feed-cache.js';
import { MatchReadsService } from './match-reads.service.js';
import { MatchesService } from './matches.service.js';
import { ScheduleService } from './schedule.service.js';
import { toChinaIso } from '@sailcourt/domain';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The version last read ("3"); alternative to `version` in the body. Stale: 409.',
};

@ApiTags('matches')
@ApiExtraModels(MatchDto, MatchPageDto)
@Controller()
export class MatchesController {
  constructor(
    private readonly matches: MatchesService,
    private readonly reads: MatchReadsService,
    private readonly schedules: ScheduleService,
  ) {}

  @Post('events/:id/matches')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Add a game (organizers)',
    description:
      'Both teams need confirmed registrations and the game must fall within the event’s days (422). A team already playing that day, ' +
      'short of 12 h rest, or a busy court is a 409 naming the clashing match. Venue defaults to the event’s; court to the first free one.',
  })
  @ApiCreatedResponse({ type: MatchDto })
  create(@IdParam('event') eventId: string, @Body() body: CreateMatchDto): Promise<MatchDto> {
    return this.matches.create(eventId, body);
  }

  @Get('events/:id/matches')
  @ApiOperation({
    summary: 'An event’s games in playing order',
    description:
      'Without limit: the whole array; with limit: {items, total}. Served with ETag and Cache-Control; If-None-Match gives 304 until a game changes.',
  })
  @ApiOkResponse({
    schema: {
      oneOf: [{ type: 'array', items: { $ref: getSchemaPath(MatchDto) } }, { $ref: getSchemaPath(MatchPageDto) }],
    },
  })
  async list(
    @IdParam('event') eventId: string,
    @Query() query: ListMatchesQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await sendFeed(req, res, await this.reads.listFeed(eventId, query));
  }

  @Post('events/:id/schedule')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Generate the round robin for the confirmed teams (organizers)',
    description:
      '{"format": "round-robin"} alone uses the event’s dates, every court of its venue, slots at 17:00 and 19:30 local time, games of 120 min and ' +
      '12 h rest; a team plays at most once a day. 201 with the games created; dryRun: true answers 200 with a preview and stores nothing. ' +
      'Games that fit nowhere are listed in `unplaced`. 409 when the event has games (send replace: true) or any game has a result.',
  })
  @ApiCreatedResponse({ type: ScheduleResultDto })
  @ApiOkResponse({ type: ScheduleResultDto, description: 'dryRun: the preview' })
  async schedule(
    @IdParam('event') eventId: string,
    @Body() body: ScheduleRequestDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ScheduleResultDto> {
    const result = await this.schedules.generate(eventId, body);
    res.status(result.dryRun ? 200 : 201);
    return result;
  }

  @Get('live/today')
  @ApiOperation({
    summary: 'Live now and today: games being played and the day’s games across all events (Beijing time)',
  })
  @ApiOkResponse({ type: TodayDto })
  today(@Query() query: TodayQueryDto): Promise<TodayDto> {
    return this.reads.today(query.date ?? toChinaIso(new Date()).slice(0, 10));
  }

  @Get('matches/:id')
  @ApiOperation({ summary: 'One game; its ETag is its version, for If-Match on changes' })
  @ApiOkResponse({ type: MatchDto })
  async get(@IdParam('match') id: string, @Res({ passthrough: true }) res: Response): Promise<MatchDto> {
    const match = await this.matches.get(id);
    res.setHeader('ETag', `"${match.version}"`);
    return match;
  }

  @Patch('matches/:id')
  @HttpCode(200)
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: 'Reschedule or postpone a game (organizers)',
    description:
      'A clash is refused with 409 naming the clashing match; a time outside the event’s days is 422; a stale version is 409.',
  })
  @ApiOkResponse({ type: MatchDto })
  async reschedule(
    @IdParam('match') id: string,
    @Body() body: UpdateMatchDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MatchDto> {
    const match = await this.matches.reschedule(id, body, ifMatch);
    res.setHeader('ETag', `"${match.version}"`);
    return match;
  }

  @Put('matches/:id/result')
  @HttpCode(200)
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: 'Enter or correct a result (organizers)',
    description:
      '{homeScore, awayScore} (non-negative integers, else 400; level is 422) or {forfeitedBy: teamId} (scored 20–0). A stale version is 409. ' +
      'A playoff result advances the winner: the next game is created once both its teams are known.',
  })
  @ApiOkResponse({ type: MatchDto })
  async result(
    @IdParam('match') id: string,
    @Body() body: MatchResultDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MatchDto> {
    const match = await this.matches.enterResult(id, body, ifMatch, `user:${caller.id}`);
    res.setHeader('ETag', `"${match.version}"`);
    return match;
  }
}
