import {
  applyDecorators,
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { IdParam } from '../../common/id-param.js';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Caller, CurrentCaller, LinkToken, Roles, RolesOrScorerLink } from '../../common/auth.js';
import { lastEventIdOf, openEventStream, serveEventStream } from '../../common/sse.js';
import { EventsService } from '../events/events.service.js';
import { MatchesService } from '../matches/matches.service.js';
import {
  CreateScorerLinkDto,
  LiveActionDto,
  LiveActionResultDto,
  LiveMessageDto,
  LiveStreamQueryDto,
  ScorerLinkDto,
} from './dto/live.dto.js';
import { LiveScoringService } from './live-scoring.service.js';
import { DataChangesService } from './data-changes.service.js';
import { LiveStreamsService, type StreamRequest } from './live-streams.service.js';
import { ScorerLinksService } from './scorer-links.service.js';

const LAST_EVENT_ID = {
  name: 'Last-Event-ID',
  required: false,
  description: 'Replay every message after this seq first, in order, exactly once',
};
const STREAM_DESCRIPTION =
  'Server-Sent Events. Each message: `id: <seq>` (increasing), `event: score` or `status`, `data:` a LiveMessage. ' +
  'A comment line at least every 15 s keeps idle connections open. Reconnecting with Last-Event-ID (or ?lastEventId=) replays what was missed.';

/** What the OpenAPI document says of a Server-Sent Events stream. */
const LiveStream = (summary: string): MethodDecorator =>
  applyDecorators(
    ApiOperation({ summary, description: STREAM_DESCRIPTION }),
    ApiHeader(LAST_EVENT_ID),
    ApiProduces('text/event-stream'),
    ApiOkResponse({ type: LiveMessageDto, description: 'text/event-stream; each data line is a LiveMessage' }),
  );

@ApiTags('live')
@Controller()
export class LiveController {
  constructor(
    private readonly scoring: LiveScoringService,
    private readonly streams: LiveStreamsService,
    private readonly links: ScorerLinksService,
    private readonly events: EventsService,
    private readonly matches: MatchesService,
    private readonly dataChanges: DataChangesService,
  ) {}

  @Post('matches/:id/live')
  @RolesOrScorerLink('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Score a game live (organizers, or the bearer of a scorer link for this game)',
    description:
      'start → live; score {team, points}; period-end; undo {targetClientEventId}; final (records the result as PUT /matches/:id/result does; level is 422). ' +
      'A scoring action on a game that is not live is 409. The same clientEventId again applies nothing and answers 200 with the first answer.',
  })
  @ApiCreatedResponse({ type: LiveActionResultDto })
  @ApiOkResponse({ type: LiveActionResultDto, description: 'A repeated clientEventId: the first answer' })
  async live(
    @IdParam('match') id: string,
    @Body() body: LiveActionDto,
    @CurrentCaller() caller: Caller | undefined,
    @LinkToken() scorerToken: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LiveActionResultDto> {
    const { created, answer } = await this.scoring.record(id, body, { caller, scorerToken });
    res.status(created ? 201 : 200);
    return answer;
  }

  @Post('matches/:id/scorer-links')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Make a scorer link for one game (organizers)',
    description: 'The token allows live scoring of this game only, until it expires or is revoked. It is shown once.',
  })
  @ApiCreatedResponse({ type: ScorerLinkDto })
  createLink(
    @IdParam('match') id: string,
    @Body() body: CreateScorerLinkDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ScorerLinkDto> {
    return this.links.create(id, body, caller);
  }

  @Get('matches/:id/scorer-links')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A game’s scorer links, without their tokens (organizers)' })
  @ApiOkResponse({ type: [ScorerLinkDto] })
  listLinks(@IdParam('match') id: string): Promise<ScorerLinkDto[]> {
    return this.links.list(id);
  }

  @Delete('matches/:id/scorer-links/:linkId')
  @HttpCode(204)
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke a scorer link (organizers)' })
  @ApiNoContentResponse()
  async revokeLink(@IdParam('match') id: string, @IdParam('scorer link', 'linkId') linkId: string): Promise<void> {
    await this.links.revoke(id, linkId);
  }

  @Get('events/:id/live')
  @LiveStream('Live stream of an event’s games')
  async eventStream(
    @IdParam('event') id: string,
    @Query() query: LiveStreamQueryDto,
    @Headers('last-event-id') header: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const event = await this.events.require(id);
    await this.stream({ eventId: event.id, lastEventId: liveLastEventId(header, query) }, req, res);
  }

  @Get('matches/:id/live')
  @LiveStream('Live stream of one game')
  async matchStream(
    @IdParam('match') id: string,
    @Query() query: LiveStreamQueryDto,
    @Headers('last-event-id') header: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const match = await this.matches.require(id);
    await this.stream(
      { eventId: match.eventId, matchId: match.id, lastEventId: liveLastEventId(header, query) },
      req,
      res,
    );
  }

  @Get('changes')
  @ApiOperation({
    summary: 'Stream of public-data changes, for page caches',
    description:
      'Server-Sent Events: `event: change` once on connecting and after every committed change to public data (no payload). Web servers drop their rendered pages on each.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'text/event-stream' })
  changes(@Req() req: Request, @Res() res: Response): void {
    const sink = openEventStream(req, res);
    const detach = this.dataChanges.open(sink);
    req.on('close', detach);
  }

  private stream(request: StreamRequest, req: Request, res: Response): Promise<void> {
    return serveEventStream(req, res, (sink) => this.streams.open(request, sink));
  }
}

/** Live streams count in seqs; a bad one is 400 `live.last-event-id`. */
const liveLastEventId = (header: string | undefined, query: LiveStreamQueryDto): number | undefined =>
  lastEventIdOf(header, query.lastEventId, 'live.last-event-id');
