import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { IdParam } from '../../common/id-param.js';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../../common/auth.js';
import {
  ASSUMPTIONS_BODY,
  EventImpactDto,
  ImpactAssumptionHistoryDto,
  ImpactEstimateDto,
  ImpactSensitivityDto,
  ImpactSensitivityQueryDto,
  PutImpactAssumptionsDto,
  SeasonImpactDto,
} from './dto/impact.dto.js';
import { ImpactService } from './impact.service.js';

@ApiTags('impact')
@Controller()
export class ImpactController {
  constructor(private readonly impact: ImpactService) {}

  @Post('impact/estimate')
  @HttpCode(200)
  @ApiOperation({ summary: 'What-if estimate of a scenario; nothing is stored. 400 names each invalid field.' })
  @ApiBody(ASSUMPTIONS_BODY)
  @ApiOkResponse({ type: ImpactEstimateDto })
  estimate(@Body() body: unknown): ImpactEstimateDto {
    return this.impact.estimate(body);
  }

  @Post('impact/sensitivity')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Tornado data of a scenario: the metric with each assumption moved ±step; nothing is stored.',
  })
  @ApiBody(ASSUMPTIONS_BODY)
  @ApiOkResponse({ type: ImpactSensitivityDto })
  sensitivity(@Body() body: unknown, @Query() query: ImpactSensitivityQueryDto): ImpactSensitivityDto {
    return this.impact.sensitivity(body, query);
  }

  @Get('seasons/:id/impact')
  @ApiOperation({ summary: 'The season\u2019s tourism-impact estimate under its stored assumptions (id or slug).' })
  @ApiOkResponse({ type: SeasonImpactDto })
  seasonImpact(@Param('id') id: string): Promise<SeasonImpactDto> {
    return this.impact.seasonImpact(id);
  }

  @Get('seasons/:id/impact/sensitivity')
  @ApiOkResponse({ type: ImpactSensitivityDto })
  seasonSensitivity(@Param('id') id: string, @Query() query: ImpactSensitivityQueryDto): Promise<ImpactSensitivityDto> {
    return this.impact.seasonSensitivity(id, query);
  }

  @Get('seasons/:id/impact/assumptions/history')
  @ApiOkResponse({ type: ImpactAssumptionHistoryDto })
  seasonHistory(@Param('id') id: string): Promise<ImpactAssumptionHistoryDto> {
    return this.impact.seasonHistory(id);
  }

  @Put('seasons/:id/impact/assumptions')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Replace the season\u2019s assumptions (version 0 creates them). Stale version → 409.' })
  @ApiOkResponse({ type: SeasonImpactDto })
  putSeasonAssumptions(
    @Param('id') id: string,
    @Body() body: PutImpactAssumptionsDto,
    @CurrentCaller() caller: Caller,
  ): Promise<SeasonImpactDto> {
    return this.impact.putSeasonAssumptions(id, body, caller);
  }

  @Get('events/:id/impact')
  @ApiOperation({
    summary:
      'The event\u2019s estimate under its own assumptions, with confirmed registrations replacing assumed participants.',
  })
  @ApiOkResponse({ type: EventImpactDto })
  eventImpact(@IdParam('event') id: string): Promise<EventImpactDto> {
    return this.impact.eventImpact(id);
  }

  @Get('events/:id/impact/sensitivity')
  @ApiOkResponse({ type: ImpactSensitivityDto })
  eventSensitivity(
    @IdParam('event') id: string,
    @Query() query: ImpactSensitivityQueryDto,
  ): Promise<ImpactSensitivityDto> {
    return this.impact.eventSensitivity(id, query);
  }

  @Get('events/:id/impact/assumptions/history')
  @ApiOkResponse({ type: ImpactAssumptionHistoryDto })
  eventHistory(@IdParam('event') id: string): Promise<ImpactAssumptionHistoryDto> {
    return this.impact.eventHistory(id);
  }

  @Put('events/:id/impact/assumptions')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Replace the event\u2019s own assumptions (version 0 creates them). Stale version → 409.' })
  @ApiOkResponse({ type: EventImpactDto })
  putEventAssumptions(
    @IdParam('event') id: string,
    @Body() body: PutImpactAssumptionsDto,
    @CurrentCaller() caller: Caller,
  ): Promise<EventImpactDto> {
    return this.impact.putEventAssumptions(id, body, caller);
  }
}
