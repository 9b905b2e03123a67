import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, SignedIn } from '../../common/auth.js';
import { badRequest } from '../../common/problem.js';
import { CreateTeamDto, TeamDto } from './dto/team.dto.js';
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
  get(@Param('id') id: string): Promise<TeamDto> {
    return this.teams.get(id);
  }
}
