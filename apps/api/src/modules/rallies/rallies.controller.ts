import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth.js';
import { CreateEntryDto, CreateLegDto, CreateRallyDto, EntryDto, LegDto, RallyDto, RallySummaryDto } from './dto/rally.dto.js';
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
  @ApiOkResponse({ type: RallyDto })
  get(@Param('id') id: string): Promise<RallyDto> {
    return this.rallies.get(id);
  }

  @Post(':id/legs')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: LegDto })
  addLeg(@Param('id') id: string, @Body() body: CreateLegDto): Promise<LegDto> {
    return this.rallies.addLeg(id, body);
  }

  @Post(':id/entries')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: EntryDto })
  addEntry(@Param('id') id: string, @Body() body: CreateEntryDto): Promise<EntryDto> {
    return this.rallies.addEntry(id, body);
  }
}
