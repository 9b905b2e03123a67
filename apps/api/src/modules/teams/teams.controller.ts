import { Body, Controller, Get, Patch, Post, Put, Query } from '@nestjs/common';
import { IdParam } from '../../common/id-param.js';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, SignedIn } from '../../common/auth.js';
import { badRequest } from '../../common/problem.js';
import { PutRosterDto, TeamRosterDto } from './dto/roster.dto.js';
import { CreateTeamDto, TeamDto, UpdateTeamDto } from './dto/team.dto.js';
import { SPORTS, type Sport } from './team.entity.js';
import { TeamsService } from './teams.service.js';

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post()
  @SignedIn()
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: TeamDto })
  create(@Body() body: CreateTeamDto, @CurrentCaller() caller: Caller): Promise<TeamDto> {
    return this.teams.create(body, caller);
  }

  @Get()
  @ApiQuery({ name: 'sport', required: false, enum: SPORTS })
  @ApiOkResponse({ type: [TeamDto] })
  list(@Query('sport') sport?: string): Promise<TeamDto[]> {
    if (sport !== undefined && !SPORTS.includes(sport as Sport)) {
      throw badRequest('Unknown sport.', [{ field: 'sport', message: `must be one of ${SPORTS.join(', ')}` }]);
    }
    return this.teams.list(sport as Sport | undefined);
  }

  @Get(':id')
  @ApiOkResponse({ type: TeamDto })
  get(@IdParam('team') id: string): Promise<TeamDto> {
    return this.teams.get(id);
  }

  @Patch(':id')
  @SignedIn()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Rename a team or change its city (the team’s manager or an organizer)' })
  @ApiOkResponse({ type: TeamDto })
  update(@IdParam('team') id: string, @Body() body: UpdateTeamDto, @CurrentCaller() caller: Caller): Promise<TeamDto> {
    return this.teams.update(id, body, caller);
  }

  @Get(':id/roster')
  @SignedIn()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The roster (personal data: the team’s manager and organizers only)' })
  @ApiOkResponse({ type: TeamRosterDto })
  roster(@IdParam('team') id: string, @CurrentCaller() caller: Caller): Promise<TeamRosterDto> {
    return this.teams.roster(id, caller);
  }

  @Put(':id/roster')
  @SignedIn()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Replace the whole roster; a bad row is a 400 naming it (roster.3.number) and nothing is stored',
  })
  @ApiOkResponse({ type: TeamRosterDto })
  replaceRoster(
    @IdParam('team') id: string,
    @Body() body: PutRosterDto,
    @CurrentCaller() caller: Caller,
  ): Promise<TeamRosterDto> {
    return this.teams.replaceRoster(id, body, caller);
  }
}
