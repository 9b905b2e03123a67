import { Injectable } from '@nestjs/common';
import type { DeepPartial } from 'typeorm';
import { TransactionalRepository } from '../../database/transactions.js';
import type { TeamName } from './team-names.js';
import { TeamMemberEntity } from './team-member.entity.js';
import { type Sport, TeamEntity } from './team.entity.js';

@Injectable()
export class TeamsRepository extends TransactionalRepository {
  findAll(sport?: Sport): Promise<TeamEntity[]> {
    return this.tx
      .getRepository(TeamEntity)
      .find({ where: sport ? { sport } : {}, order: { sport: 'ASC', name: 'ASC' } });
  }

  findById(id: string): Promise<TeamEntity | null> {
    return this.tx.getRepository(TeamEntity).findOneBy({ id });
  }

  /** Names only, for labelling games and tables: one query, no entities. */
  async names(ids: readonly string[]): Promise<Map<string, TeamName>> {
    if (ids.length === 0) return new Map();
    const rows = await this.tx.query<TeamName[]>(
      `SELECT id, name, name_en AS "nameEn" FROM teams WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  insert(team: DeepPartial<TeamEntity>): Promise<TeamEntity> {
    const teams = this.tx.getRepository(TeamEntity);
    return teams.save(teams.create(team));
  }

  async update(id: string, changes: DeepPartial<TeamEntity>): Promise<TeamEntity> {
    const teams = this.tx.getRepository(TeamEntity);
    if (Object.keys(changes).length > 0) await teams.update({ id }, changes);
    return teams.findOneByOrFail({ id });
  }

  members(teamId: string): Promise<TeamMemberEntity[]> {
    return this.tx.getRepository(TeamMemberEntity).find({ where: { teamId }, order: { sortOrder: 'ASC' } });
  }

  /** Replaces the roster in one transaction; the team row lock makes simultaneous saves take turns. */
  async replaceMembers(teamId: string, members: DeepPartial<TeamMemberEntity>[]): Promise<TeamMemberEntity[]> {
    return this.txHost.withTransaction(async () => {
      await this.tx.query('SELECT id FROM teams WHERE id = $1 FOR UPDATE', [teamId]);
      await this.tx.delete(TeamMemberEntity, { teamId });
      const repo = this.tx.getRepository(TeamMemberEntity);
      if (members.length > 0) await repo.insert(members.map((member) => repo.create(member)));
      return repo.find({ where: { teamId }, order: { sortOrder: 'ASC' } });
    });
  }
}
