import { Injectable } from '@nestjs/common';
import { DataSource, type DeepPartial, type Repository } from 'typeorm';
import { type Sport, TeamEntity } from './team.entity.js';

@Injectable()
export class TeamsRepository {
  private readonly teams: Repository<TeamEntity>;

  constructor(dataSource: DataSource) {
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
}
