import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { IdParam } from '../../common/id-param.js';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Caller, CurrentCaller, Roles } from '../../common/auth.js';
import { badRequest } from '../../common/problem.js';
import { ScheduleImportService } from '../matches/schedule-import.service.js';
import {
  CommitScheduleImportDto,
  CommitTeamImportDto,
  ScheduleImportPreviewDto,
  ScheduleImportResultDto,
  TeamImportPreviewDto,
  TeamImportResultDto,
} from './dto/import.dto.js';
import { ImportsService } from './imports.service.js';

export const SHEET_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

@ApiTags('imports')
@Controller('events/:id')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly schedule: ScheduleImportService,
  ) {}

  @Post('imports/teams/preview')
  @Roles('organizer')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Preview a spreadsheet of teams with rosters (CSV in UTF-8, UTF-8 with BOM or GB18030, or XLSX; at most 10 MB and 5,000 rows): every problem by row, column and reason. Nothing is stored.',
  })
  @ApiConsumes(...SHEET_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: TeamImportPreviewDto })
  preview(@IdParam('event') eventId: string, @Req() req: Request): Promise<TeamImportPreviewDto> {
    return this.imports.preview(eventId, fileOf(req));
  }

  @Post('imports/schedule/preview')
  @Roles('organizer')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Preview a schedule sheet (日期, 时间, 主队, 客队, 场馆, 场地, 组别, 轮次; Excel dates and times too): every problem, clashes included. Nothing is stored.',
  })
  @ApiConsumes(...SHEET_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: ScheduleImportPreviewDto })
  async previewSchedule(@IdParam('event') eventId: string, @Req() req: Request): Promise<ScheduleImportPreviewDto> {
    const { encoding, rows } = await this.imports.scheduleRows(fileOf(req));
    return { encoding, rows, ...(await this.schedule.run(eventId, rows, true)) };
  }

  @Post('imports/schedule')
  @Roles('organizer')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import the previewed schedule rows: every game or none (422 naming each problem); games already there are left alone',
  })
  @ApiOkResponse({ type: ScheduleImportResultDto })
  async commitSchedule(
    @IdParam('event') eventId: string,
    @Body() body: CommitScheduleImportDto,
  ): Promise<ScheduleImportResultDto> {
    const { created, existing } = await this.schedule.run(eventId, body.rows, false);
    return { created, existing };
  }

  @Post('imports/teams')
  @Roles('organizer')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import the previewed (and corrected) rows: all or nothing, in one transaction; importing the same rows again changes nothing',
  })
  @ApiOkResponse({ type: TeamImportResultDto })
  commit(
    @IdParam('event') eventId: string,
    @Body() body: CommitTeamImportDto,
    @CurrentCaller() caller: Caller,
  ): Promise<TeamImportResultDto> {
    return this.imports.commit(eventId, body.rows, caller.id);
  }

  @Get('exports/teams.csv')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'The registered teams and rosters in the import’s columns (UTF-8 with BOM; formula-like cells neutralised)',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async exportCsv(@IdParam('event') eventId: string, @Res() res: Response): Promise<void> {
    const file = await this.imports.export(eventId, 'csv');
    res
      .setHeader('Content-Type', 'text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`)
      .send(file.body);
  }

  @Get('exports/teams.xlsx')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The same as an Excel workbook' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async exportXlsx(@IdParam('event') eventId: string, @Res() res: Response): Promise<void> {
    const file = await this.imports.export(eventId, 'xlsx');
    res
      .setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .setHeader('Content-Disposition', `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`)
      .send(file.body);
  }
}

function fileOf(req: Request): Buffer {
  const body: unknown = req.body;
  if (!Buffer.isBuffer(body))
    throw badRequest(`Send the file itself as the body, with Content-Type ${SHEET_TYPES.slice(0, 2).join(' or ')}.`, [
      { field: 'file', message: 'is missing' },
    ]);
  return body;
}
