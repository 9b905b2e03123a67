import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EntryEntity } from './entry.entity.js';
import { LegResultEntity } from './leg-result.entity.js';
import { LegEntity } from './leg.entity.js';
import { RallyEntity } from './rally.entity.js';

/** Everything the scoring of one rally reads, taken from one snapshot. */
export type RallyScoringData = { legs: LegEntity[]; entries: EntryEntity[]; results: LegResultEntity[] };

export type NewLegResult = Pick<LegResultEntity, 'entryId' | 'finishedAt' | 'code' | 'points'>;

@Injectable()
export class RallyResultsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Legs, entries and results of a rally in one REPEATABLE READ snapshot, so that a result
   * written between two reads can never refer to an entry the first read did not see.
   */
  scoringData(rallyId: string): Promise<RallyScoringData> {
    return this.dataSource.transaction('REPEATABLE READ', (manager) => this.scoringDataIn(manager, rallyId));
  }

  /** The same inside the caller's transaction; with `legId`, only that leg and its results. */
  async scoringDataIn(manager: EntityManager, rallyId: string, legId?: string): Promise<RallyScoringData> {
    const legs = await manager
      .getRepository(LegEntity)
      .find({ where: { rallyId, ...(legId ? { id: legId } : {}) }, order: { number: 'ASC' } });
    const entries = await manager
      .getRepository(EntryEntity)
      .find({ where: { rallyId }, relations: { team: true }, order: { sailNumber: 'ASC', boatName: 'ASC' } });
    const results = await manager
      .getRepository(LegResultEntity)
      .find({ where: { rallyId, ...(legId ? { legId } : {}) } });
    return { legs, entries, results };
  }

  findLeg(rallyId: string, number: number): Promise<LegEntity | null> {
    return this.dataSource.getRepository(LegEntity).findOneBy({ rallyId, number });
  }

  /** Takes the leg's row lock: PUTs to one leg run one after the other, never interleaved. */
  lockLeg(manager: EntityManager, rallyId: string, number: number): Promise<LegEntity | null> {
    return manager
      .getRepository(LegEntity)
      .findOne({ where: { rallyId, number }, lock: { mode: 'pessimistic_write' } });
  }

  /** Takes the rally's row lock, for settings that depend on its legs. */
  lockRally(manager: EntityManager, rallyId: string): Promise<RallyEntity | null> {
    return manager.getRepository(RallyEntity).findOne({ where: { id: rallyId }, lock: { mode: 'pessimistic_write' } });
  }

  countLegs(manager: EntityManager, rallyId: string): Promise<number> {
    return manager.getRepository(LegEntity).countBy({ rallyId });
  }

  async updateDiscards(manager: EntityManager, rallyId: string, discards: number): Promise<void> {
    await manager.getRepository(RallyEntity).update({ id: rallyId }, { discards });
  }

  async replaceLegResults(
    manager: EntityManager,
    rallyId: string,
    legId: string,
    rows: readonly NewLegResult[],
  ): Promise<void> {
    const repo = manager.getRepository(LegResultEntity);
    await repo.delete({ legId });
    if (rows.length === 0) return;
    await repo.insert(rows.map((row) => ({ ...row, rallyId, legId, source: null, illustrative: [] })));
  }
}
