import { Injectable } from '@nestjs/common';
import type { Caller } from '../../common/auth.js';
import { badRequest, forbidden, notFound } from '../../common/problem.js';
import { type PutRosterDto, type TeamRosterDto, toTeamMemberDto } from './dto/roster.dto.js';
import { type CreateTeamDto, type TeamDto, toTeamDto, type UpdateTeamDto } from './dto/team.dto.js';
import { defaultRole, duplicateNumberErrors, memberFitErrors } from './roster-rules.js';
import type { DeepPartial } from 'typeorm';
import type { TeamMemberEntity } from './team-member.entity.js';
import type { Sport, TeamEntity } from './team.entity.js';
import type { TeamName } from './team-names.js';
import { TeamsRepository } from './teams.repository.js';

/** Organizers manage every team; a team manager only the teams they created. */
export const canManageTeam = (team: Pick<TeamEntity, 'managerId'>, caller: Caller | undefined): boolean =>
  caller !== undefined && (caller.role === 'organizer' || team.managerId === caller.id);

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
    const team = await this.teams.findById(id);
    if (!team) throw notFound('team', id);
    return team;
  }

  /** The team, if the caller may manage it; another manager's team is a 403 (its existence is public anyway). */
  async requireManaged(id: string, caller: Caller): Promise<TeamEntity> {
    const team = await this.require(id);
    if (!canManageTeam(team, caller)) throw forbidden('Only the team’s manager or an organizer may do this.');
    return team;
  }

  /** Names only, for labelling games and tables (other modules' reads). */
  names(ids: readonly string[]): Promise<Map<string, TeamName>> {
    return this.teams.names(ids);
  }

  /** A team an organizer's spreadsheet brings in: nobody manages it yet. */
  createImported(team: { name: string; city: string | null }): Promise<TeamEntity> {
    return this.teams.insert({ ...team, sport: 'basketball', managerId: null, source: 'organizer import' });
  }

  members(teamId: string): Promise<TeamMemberEntity[]> {
    return this.teams.members(teamId);
  }

  /** Replaces the stored roster as given (callers have validated it). */
  replaceMembers(teamId: string, members: DeepPartial<TeamMemberEntity>[]): Promise<TeamMemberEntity[]> {
    return this.teams.replaceMembers(teamId, members);
  }

  /** The creator manages the team. */
  async create(input: CreateTeamDto, caller: Caller): Promise<TeamDto> {
    return toTeamDto(await this.teams.insert({ ...input, managerId: caller.id, source: null }));
  }

  async update(id: string, input: UpdateTeamDto, caller: Caller): Promise<TeamDto> {
    const team = await this.requireManaged(id, caller);
    if (input.name === null)
      throw badRequest('Invalid request: name.', [{ field: 'name', message: 'must not be null' }]);
    const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    return toTeamDto(await this.teams.update(team.id, changes));
  }

  async roster(id: string, caller: Caller): Promise<TeamRosterDto> {
    const team = await this.requireManaged(id, caller);
    return { teamId: team.id, roster: (await this.teams.members(team.id)).map(toTeamMemberDto) };
  }

  /** The saved roster as registration entries, for a registration that sends none (no access check: callers have done it). */
  async savedRoster(teamId: string): Promise<{ name: string; number: number | null; role: string | null }[]> {
    return (await this.teams.members(teamId)).map((m) => ({ name: m.name, number: m.number, role: m.role }));
  }

  /** Validates the whole roster before touching the stored one: a bad row stores nothing. */
  async replaceRoster(id: string, input: PutRosterDto, caller: Caller): Promise<TeamRosterDto> {
    const team = await this.requireManaged(id, caller);
    const errors = [
      ...memberFitErrors(input.roster, team.sport, 'roster'),
      ...duplicateNumberErrors(input.roster, 'roster'),
    ];
    if (errors.length > 0)
      throw badRequest(`Invalid roster: ${[...new Set(errors.map((e) => e.field))].join(', ')}.`, errors);
    const members = await this.teams.replaceMembers(
      team.id,
      input.roster.map((member, index) => ({
        teamId: team.id,
        sortOrder: index,
        name: member.name,
        role: member.role ?? defaultRole(team.sport),
        number: member.number ?? null,
        position: member.position ?? null,
        birthYear: member.birthYear ?? null,
      })),
    );
    return { teamId: team.id, roster: members.map(toTeamMemberDto) };
  }
}
