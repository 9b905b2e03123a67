import { Injectable } from '@nestjs/common';
import { DataSource, type DeepPartial, type Repository } from 'typeorm';
import { TeamMemberEntity } from './team-member.entity.js';
import { type Sport, TeamEntity } from './team.entity.js';

@Injectable()
export class TeamsRepository {
  private readonly teams: Repository<TeamEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.teams = dataSource.getRepository(TeamEntity);
  }

  findAll(sport?: Sport): Promise<TeamEntity[]> {
    return this.teams.find({ where: sport ? { sport } : {}, order: { sport: 'ASC', name: 'ASC' } });
  }

  findById(id: string): Promise<TeamEntity | null> {
    return this.teams.findOneBy({ id });
  }

  insert(team: DeepPartial<TeamEntity>): Promise<TeamEntity> {
    return this.teams.save(this.teams.create(team));
  }

  async update(id: string, changes: DeepPartial<TeamEntity>): Promise<TeamEntity> {
    if (Object.keys(changes).length > 0) await this.teams.update({ id }, changes);
    return this.teams.findOneByOrFail({ id });
  }

  members(teamId: string): Promise<TeamMemberEntity[]> {
    return this.dataSource.getRepository(TeamMemberEntity).find({ where: { teamId }, order: { sortOrder: 'ASC' } });
  }

  /** Replaces the roster in one transaction; the team row lock makes simultaneous saves take turns. */
  async replaceMembers(teamId: string, members: DeepPartial<TeamMemberEntity>[]): Promise<TeamMemberEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM teams WHERE id = $1 FOR UPDATE', [teamId]);
      await manager.delete(TeamMemberEntity, { teamId });
      const repo = manager.getRepository(TeamMemberEntity);
      if (members.length > 0) await repo.insert(members.map((member) => repo.create(member)));
      return repo.find({ where: { teamId }, order: { sortOrder: 'ASC' } });
    });
  }
}
