import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Caller, CurrentCaller, LinkToken } from '../../common/auth.js';
import { lastEventIdOf, serveEventStream } from '../../common/sse.js';
import {
  IngestResultDto,
  PositionInputDto,
  PositionsMessageDto,
  ProgressQueryDto,
  ProgressRowDto,
  TrackingStreamQueryDto,
  TrackPointDto,
  TracksQueryDto,
} from './dto/tracking.dto.js';
import { TrackingStreamsService } from './tracking-streams.service.js';
import { TrackingService } from './tracking.service.js';

@ApiTags('rally tracking')
@Controller('rallies')
export class TrackingController {
  constructor(
    private readonly tracking: TrackingService,
    private readonly streams: TrackingStreamsService,
  ) {}

  @Post(':id/positions')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Stores a batch of positions from a tracker feed (organizer, or a boat’s tracker token for that boat only)',
    description:
      'Up to 1000 rows. A row repeating a stored boat + instant is a duplicate, not an error. A bad row (latitude 95, a time outside the rally, ' +
      'an unknown entry) is refused alone and named by its 0-based index; the others are stored. A tracker token naming another boat is 403 and stores nothing.',
  })
  @ApiBody({ type: [PositionInputDto] })
  @ApiOkResponse({ type: IngestResultDto })
  ingest(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller | undefined,
    @LinkToken() linkToken: string | undefined,
  ): Promise<IngestResultDto> {
    return this.tracking.ingest(id, body, caller, linkToken);
  }

  @Get(':id/legs/:number/progress')
  @ApiOperation({
    summary: "A leg's tracker leaderboard at an instant (default now)",
    description:
      'Each boat’s last fix at or before `at`; distance to finish (DTF) = great circle to the next waypoint not yet passed + the course through the ' +
      'remaining waypoints to the finish, on a sphere of radius 6371 km (3440.065 nm). A waypoint is passed once a fix lies beyond the line through it ' +
      'perpendicular to the course there. Finished boats first in finishing order (their crossing time is the proposed finish, for the organizer to ' +
      'confirm with PUT …/results), then ascending DTF; boats without a fix last, unranked.',
  })
  @ApiOkResponse({ type: [ProgressRowDto] })
  progress(
    @Param('id') id: string,
    @Param('number') number: string,
    @Query() query: ProgressQueryDto,
  ): Promise<ProgressRowDto[]> {
    return this.tracking.progress(id, number, query.at);
  }

  @Get(':id/tracks')
  @ApiOperation({
    summary:
      'Positions, oldest first, optionally of one leg and one boat, optionally simplified (Douglas–Peucker) for drawing',
  })
  @ApiOkResponse({ type: [TrackPointDto] })
  tracks(@Param('id') id: string, @Query() query: TracksQueryDto): Promise<TrackPointDto[]> {
    return this.tracking.tracks(id, query);
  }

  @Get(':id/tracking/live')
  @ApiOperation({
    summary: 'Live stream of a rally’s tracker: a message whenever new positions are stored',
    description:
      'Server-Sent Events. Each message: `id: <version>` (increasing), `event: positions`, `data:` a PositionsMessage — the rally’s positions ' +
      'version after a write that stored new fixes (on any API replica). Re-read progress and tracks on it. A comment line at least every 15 s ' +
      'keeps idle connections open. With Last-Event-ID (or ?lastEventId=) below the current version, the current version is sent at once.',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The positions version last seen: a newer one is sent at once',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ type: PositionsMessageDto, description: 'text/event-stream; each data line is a PositionsMessage' })
  async live(
    @Param('id') id: string,
    @Query() query: TrackingStreamQueryDto,
    @Headers('last-event-id') header: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const rallyId = await this.tracking.rallyId(id);
    const lastEventId = lastEventIdOf(header, query.lastEventId, 'tracking.last-event-id');
    await serveEventStream(req, res, (sink) => this.streams.open(rallyId, lastEventId, sink));
  }
}
