import { Injectable } from '@nestjs/common';
import { DataSource, type DeepPartial } from 'typeorm';
import { idOrSlug } from '../../common/ids.js';
import { EntryEntity } from './entry.entity.js';
import { LegEntity } from './leg.entity.js';
import { RallyEntity } from './rally.entity.js';

@Injectable()
export class RalliesRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAll(): Promise<RallyEntity[]> {
    return this.dataSource.getRepository(RallyEntity).find({ order: { startDate: 'DESC' } });
  }

  findByKey(key: string): Promise<RallyEntity | null> {
    return this.dataSource.getRepository(RallyEntity).findOneBy(idOrSlug(key));
  }

  legs(rallyId: string): Promise<LegEntity[]> {
    return this.dataSource.getRepository(LegEntity).find({ where: { rallyId }, order: { number: 'ASC' } });
  }

  entries(rallyId: string): Promise<EntryEntity[]> {
    return this.dataSource
      .getRepository(EntryEntity)
      .find({ where: { rallyId }, relations: { team: true }, order: { sailNumber: 'ASC', boatName: 'ASC' } });
  }

  insertRally(rally: DeepPartial<RallyEntity>): Promise<RallyEntity> {
    const repo = this.dataSource.getRepository(RallyEntity);
    return repo.save(repo.create(rally));
  }

  insertLeg(leg: DeepPartial<LegEntity>): Promise<LegEntity> {
    const repo = this.dataSource.getRepository(LegEntity);
    return repo.save(repo.create(leg));
  }

  async updateLeg(id: string, columns: DeepPartial<LegEntity>): Promise<LegEntity> {
    const repo = this.dataSource.getRepository(LegEntity);
    if (Object.keys(columns).length > 0) await repo.update({ id }, columns as Parameters<typeof repo.update>[1]);
    return repo.findOneByOrFail({ id });
  }

  async insertEntry(entry: DeepPartial<EntryEntity>): Promise<EntryEntity> {
    const repo = this.dataSource.getRepository(EntryEntity);
    const saved = await repo.save(repo.create(entry));
    return repo.findOneOrFail({ where: { id: saved.id }, relations: { team: true } });
  }
}
