import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../../common/auth.js';
import {
  CreateEntryDto,
  CreateLegDto,
  CreateRallyDto,
  EntryDto,
  LegDto,
  RallyDto,
  RallySummaryDto,
  UpdateRallyDto,
} from './dto/rally.dto.js';
import { LegGeometryInputDto } from './dto/leg-geometry.dto.js';
import { RalliesService } from './rallies.service.js';

@ApiTags('rallies')
@Controller('rallies')
export class RalliesController {
  constructor(private readonly rallies: RalliesService) {}

  @Get()
  @ApiOkResponse({ type: [RallySummaryDto] })
  list(): Promise<RallySummaryDto[]> {
    return this.rallies.list();
  }

  @Post()
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: RallySummaryDto })
  create(@Body() body: CreateRallyDto): Promise<RallySummaryDto> {
    return this.rallies.create(body);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'The rally with its legs (each with its winner once scored) and entries (crews for organizers only)',
  })
  @ApiOkResponse({ type: RallyDto })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller | undefined): Promise<RallyDto> {
    return this.rallies.get(id, caller);
  }

  @Patch(':id')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Changes rally settings: discards (0 … legs − 1); the standings follow' })
  @ApiOkResponse({ type: RallyDto })
  update(@Param('id') id: string, @Body() body: UpdateRallyDto, @CurrentCaller() caller: Caller): Promise<RallyDto> {
    return this.rallies.update(id, body, caller);
  }

  @Post(':id/legs')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: LegDto })
  addLeg(@Param('id') id: string, @Body() body: CreateLegDto): Promise<LegDto> {
    return this.rallies.addLeg(id, body);
  }

  @Patch(':id/legs/:number')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      "Sets a leg's course for tracking: start, finish (point or line) and waypoints; fields left out keep their value",
  })
  @ApiOkResponse({ type: LegDto })
  updateLeg(
    @Param('id') id: string,
    @Param('number') number: string,
    @Body() body: LegGeometryInputDto,
  ): Promise<LegDto> {
    return this.rallies.updateLegGeometry(id, number, body);
  }

  @Post(':id/entries')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: EntryDto })
  addEntry(@Param('id') id: string, @Body() body: CreateEntryDto): Promise<EntryDto> {
    return this.rallies.addEntry(id, body);
  }
}
