import { Injectable } from '@nestjs/common';
import { idOrSlug } from '../../common/ids.js';
import { TransactionalRepository } from '../../database/transactions.js';
import { SeasonEntity } from './season.entity.js';

@Injectable()
export class SeasonsRepository extends TransactionalRepository {
  findAll(): Promise<SeasonEntity[]> {
    return this.tx.getRepository(SeasonEntity).find({ order: { startDate: 'DESC' } });
  }

  /** By id or by slug, e.g. `qingdao-basketball-2023`. */
  findByKey(key: string): Promise<SeasonEntity | null> {
    return this.tx.getRepository(SeasonEntity).findOneBy(idOrSlug(key));
  }
}
