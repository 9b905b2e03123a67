import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { ScorerLinkEntity } from './scorer-link.entity.js';

@Injectable()
export class ScorerLinksRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ScorerLinkEntity);
  }

  create(
    link: Pick<ScorerLinkEntity, 'matchId' | 'tokenHash' | 'label' | 'expiresAt' | 'createdBy'>,
  ): Promise<ScorerLinkEntity> {
    return this.repo.save(this.repo.create({ ...link, revokedAt: null }));
  }

  forMatch(matchId: string): Promise<ScorerLinkEntity[]> {
    return this.repo.find({ where: { matchId }, order: { createdAt: 'ASC' } });
  }

  byTokenHash(tokenHash: string): Promise<ScorerLinkEntity | null> {
    return this.repo.findOneBy({ tokenHash });
  }

  /** Revoking twice keeps the first time; null when the match has no such link. */
  async revoke(matchId: string, id: string): Promise<ScorerLinkEntity | null> {
    await this.repo.update({ id, matchId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return this.repo.findOneBy({ id, matchId });
  }
}
