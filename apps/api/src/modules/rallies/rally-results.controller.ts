import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ArrayBodyPipe } from '../../common/array-body.js';
import { Roles } from '../../common/auth.js';
import { CumulativeTimeStandingDto, LegResultDto, LegResultInputDto, StandingDto } from './dto/rally-results.dto.js';
import { RallyResultsService } from './rally-results.service.js';

/** A leg has at most one row per boat; this bounds the body well above any real fleet. */
const MAX_RESULT_ROWS = 500;

@ApiTags('rallies')
@Controller('rallies')
export class RallyResultsController {
  constructor(private readonly results: RallyResultsService) {}

  @Get(':id/legs/:number/results')
  @ApiOperation({
    summary: "A leg's results: places by corrected time, codes, points; [] before any result is entered",
  })
  @ApiOkResponse({ type: [LegResultDto] })
  legResults(@Param('id') id: string, @Param('number') number: string): Promise<LegResultDto[]> {
    return this.results.legResults(id, number);
  }

  @Put(':id/legs/:number/results')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "Replaces a leg's results",
    description:
      'Rows: {entryId, finishedAt} | {entryId, code, points?} | {entryId, code: ZFP|SCP, finishedAt}. All or nothing: a bad row is named ' +
      'in `errors[].field` as `<row index>.<field>` (0-based), with 400 for malformed rows and 422 for scoring rules (unknown entry, ' +
      'duplicate entry, finish before the start). Entries without a row score DNC. An empty array clears the leg.',
  })
  @ApiBody({ type: [LegResultInputDto] })
  @ApiOkResponse({ type: [LegResultDto] })
  replaceLegResults(
    @Param('id') id: string,
    @Param('number') number: string,
    @Body(new ArrayBodyPipe(LegResultInputDto, MAX_RESULT_ROWS)) rows: LegResultInputDto[],
  ): Promise<LegResultDto[]> {
    return this.results.replaceLegResults(id, number, rows);
  }

  @Get(':id/standings')
  @ApiOperation({
    summary: 'Overall low-point standings (RRS Appendix A): leg scores, discards, A8 tie-breaks; [] before any result',
  })
  @ApiOkResponse({ type: [StandingDto] })
  standings(@Param('id') id: string): Promise<StandingDto[]> {
    return this.results.standings(id);
  }

  @Get(':id/standings/cumulative-time')
  @ApiOperation({
    summary: 'Alternative ranking by the sum of corrected times; boats missing a leg rank after complete ones',
  })
  @ApiOkResponse({ type: [CumulativeTimeStandingDto] })
  cumulativeTime(@Param('id') id: string): Promise<CumulativeTimeStandingDto[]> {
    return this.results.cumulativeTime(id);
  }
}
