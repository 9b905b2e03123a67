import { Injectable } from '@nestjs/common';
import { idOrSlug, isUuid } from '../../common/ids.js';
import { TransactionalRepository } from '../../database/transactions.js';
import { VenueEntity } from './venue.entity.js';

@Injectable()
export class VenuesRepository extends TransactionalRepository {
  findAll(): Promise<VenueEntity[]> {
    return this.tx.getRepository(VenueEntity).find({ order: { createdAt: 'ASC', slug: 'ASC' } });
  }

  findById(id: string): Promise<VenueEntity | null> {
    return this.tx.getRepository(VenueEntity).findOneBy({ id });
  }

  /** By id or slug, as in paths. */
  findByKey(key: string): Promise<VenueEntity | null> {
    return this.tx.getRepository(VenueEntity).findOneBy(idOrSlug(key));
  }

  /** By id, slug, or Chinese or English name (case-insensitive), as schedules and spreadsheets name venues. */
  findByAnyName(key: string): Promise<VenueEntity | null> {
    const venues = this.tx.getRepository(VenueEntity);
    if (isUuid(key)) return venues.findOneBy({ id: key });
    return venues
      .createQueryBuilder('v')
      .where('v.slug = :key OR lower(v.name) = lower(:key) OR lower(v.name_en) = lower(:key)', { key: key.trim() })
      .orderBy('v.created_at')
      .getOne();
  }
}
