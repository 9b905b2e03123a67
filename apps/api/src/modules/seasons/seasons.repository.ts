import { Injectable } from '@nestjs/common';
import { DataSource, type Repository } from 'typeorm';
import { idOrSlug } from '../../common/ids.js';
import { SeasonEntity } from './season.entity.js';

@Injectable()
export class SeasonsRepository {
  private readonly seasons: Repository<SeasonEntity>;

  constructor(dataSource: DataSource) {
    this.seasons = dataSource.getRepository(SeasonEntity);
  }

  findAll(): Promise<SeasonEntity[]> {
    return this.seasons.find({ order: { startDate: 'DESC' } });
  }

  /** By id or by slug, e.g. `qingdao-basketball-2023`. */
  findByKey(key: string): Promise<SeasonEntity | null> {
    return this.seasons.findOneBy(idOrSlug(key));
  }
}
