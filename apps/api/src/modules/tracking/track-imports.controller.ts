import { Controller, Get, Headers, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Roles } from '../../common/auth.js';
import { IngestResultDto, TrackImportDto, TrackImportQueryDto } from './dto/tracking.dto.js';
import { TrackingService } from './tracking.service.js';

@ApiTags('rally tracking')
@Controller('rallies/:id')
@Roles('organizer')
@ApiBearerAuth()
export class TrackImportsController {
  constructor(private readonly tracking: TrackingService) {}

  @Post('entries/:entryId/track-imports')
  @ApiOperation({
    summary:
      "Reads a boat's GPX or CSV track file and stages it for preview; nothing is stored as positions until the commit",
    description:
      'The body is the file itself. CSV: a header row with time, lat, lon (speed in knots and course optional; Chinese headers 时间/纬度/经度/航速/航向 too), ' +
      'UTF-8 or GB18030. Times without a zone are read in the rally’s time (UTC+08:00). Bad lines are listed, not fatal; a file with no usable point is 422.',
  })
  @ApiConsumes('application/gpx+xml', 'text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: TrackImportDto })
  stage(
    @Param('id') id: string,
    @Param('entryId') entryId: string,
    @Query() query: TrackImportQueryDto,
    @Req() request: Request,
    @Headers('content-type') contentType: string | undefined,
  ): Promise<TrackImportDto> {
    const body: unknown = request.body;
    return this.tracking.stageImport(id, entryId, Buffer.isBuffer(body) ? body : undefined, contentType, query);
  }

  @Get('track-imports/:importId')
  @ApiOperation({ summary: 'A staged import’s preview' })
  @ApiOkResponse({ type: TrackImportDto })
  get(@Param('id') id: string, @Param('importId') importId: string): Promise<TrackImportDto> {
    return this.tracking.getImport(id, importId);
  }

  @Post('track-imports/:importId/commit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Stores a staged import’s points as positions (once; duplicates of stored fixes are counted, not errors)',
  })
  @ApiOkResponse({ type: IngestResultDto })
  commit(@Param('id') id: string, @Param('importId') importId: string): Promise<IngestResultDto> {
    return this.tracking.commitImport(id, importId);
  }
}
