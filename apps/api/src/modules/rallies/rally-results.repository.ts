import { Injectable } from '@nestjs/common';
import { inSnapshot, TransactionalRepository } from '../../database/transactions.js';
import { EntryEntity } from './entry.entity.js';
import { LegResultEntity } from './leg-result.entity.js';
import { LegEntity } from './leg.entity.js';
import { RallyEntity } from './rally.entity.js';

/** Everything the scoring of one rally reads, taken from one snapshot. */
export type RallyScoringData = { legs: LegEntity[]; entries: EntryEntity[]; results: LegResultEntity[] };

export type NewLegResult = Pick<LegResultEntity, 'entryId' | 'finishedAt' | 'code' | 'points'>;

@Injectable()
export class RallyResultsRepository extends TransactionalRepository {
  /**
   * Legs, entries and results of a rally in one REPEATABLE READ snapshot, so that a result
   * written between two reads can never refer to an entry the first read did not see.
   */
  scoringData(rallyId: string): Promise<RallyScoringData> {
    return inSnapshot(this.txHost, () => this.scoringDataIn(rallyId));
  }

  /** The same inside the caller's transaction; with `legId`, only that leg and its results. */
  async scoringDataIn(rallyId: string, legId?: string): Promise<RallyScoringData> {
    const legs = await this.tx
      .getRepository(LegEntity)
      .find({ where: { rallyId, ...(legId ? { id: legId } : {}) }, order: { number: 'ASC' } });
    const entries = await this.tx
      .getRepository(EntryEntity)
      .find({ where: { rallyId }, relations: { team: true }, order: { sailNumber: 'ASC', boatName: 'ASC' } });
    const results = await this.tx
      .getRepository(LegResultEntity)
      .find({ where: { rallyId, ...(legId ? { legId } : {}) } });
    return { legs, entries, results };
  }

  findLeg(rallyId: string, number: number): Promise<LegEntity | null> {
    return this.tx.getRepository(LegEntity).findOneBy({ rallyId, number });
  }

  /** Takes the leg's row lock: PUTs to one leg run one after the other, never interleaved. */
  lockLeg(rallyId: string, number: number): Promise<LegEntity | null> {
    return this.tx
      .getRepository(LegEntity)
      .findOne({ where: { rallyId, number }, lock: { mode: 'pessimistic_write' } });
  }

  /** Takes the rally's row lock, for settings that depend on its legs. */
  lockRally(rallyId: string): Promise<RallyEntity | null> {
    return this.tx.getRepository(RallyEntity).findOne({ where: { id: rallyId }, lock: { mode: 'pessimistic_write' } });
  }

  countLegs(rallyId: string): Promise<number> {
    return this.tx.getRepository(LegEntity).countBy({ rallyId });
  }

  async updateDiscards(rallyId: string, discards: number): Promise<void> {
    await this.tx.getRepository(RallyEntity).update({ id: rallyId }, { discards });
  }

  async replaceLegResults(rallyId: string, legId: string, rows: readonly NewLegResult[]): Promise<void> {
    const repo = this.tx.getRepository(LegResultEntity);
    await repo.delete({ legId });
    if (rows.length === 0) return;
    await repo.insert(rows.map((row) => ({ ...row, rallyId, legId, source: null, illustrative: [] })));
  }
}
