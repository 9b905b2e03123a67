import { Injectable } from '@nestjs/common';
import type { Caller } from '../../common/auth.js';
import { isUuid } from '../../common/ids.js';
import { notFound } from '../../common/problem.js';
import { type CreateTeamDto, type TeamDto, toTeamDto } from './dto/team.dto.js';
import type { Sport, TeamEntity } from './team.entity.js';
import { TeamsRepository } from './teams.repository.js';

@Injectable()
export class TeamsService {
  constructor(private readonly teams: TeamsRepository) {}

  async list(sport?: Sport): Promise<TeamDto[]> {
    return (await this.teams.findAll(sport)).map(toTeamDto);
  }

  async get(id: string): Promise<TeamDto> {
    return toTeamDto(await this.require(id));
  }

  async require(id: string): Promise<TeamEntity> {
    const team = isUuid(id) ? await this.teams.findById(id) : null;
    if (!team) throw notFound('team', id);
    return team;
  }

  /** The creator manages the team. */
  async create(input: CreateTeamDto, caller: Caller): Promise<TeamDto> {
    return toTeamDto(await this.teams.insert({ ...input, managerId: caller.id, source: null }));
  }
}
