import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost, type TxHost } from '../../database/transactions.js';
import {
  isSailingScoringCode,
  type RallyEntry,
  type RallyLeg,
  type RallyLegResultInput,
  type RallyLegScoreRow,
  type ScoredRally,
  scoreRally,
  scoreRallyLeg,
  toChinaIso,
} from '@sailcourt/domain';
import { notFound, unprocessable } from '../../common/problem.js';
import type {
  BoatLabelDto,
  CumulativeTimeStandingDto,
  LegResultDto,
  LegResultInputDto,
  StandingDto,
} from './dto/rally-results.dto.js';
import type { LegWinnerDto } from './dto/rally.dto.js';
import type { EntryEntity } from './entry.entity.js';
import type { LegResultEntity } from './leg-result.entity.js';
import { checkLegResultRows } from './leg-result-rows.js';
import type { LegEntity } from './leg.entity.js';
import { RalliesRepository } from './rallies.repository.js';
import type { RallyEntity } from './rally.entity.js';
import { RallyResultsRepository, type RallyScoringData } from './rally-results.repository.js';

/** Whole seconds go to the domain in Qingdao time, as organizers typed them; sub-second finishes keep their milliseconds. */
const raceInstant = (instant: Date): string =>
  instant.getUTCMilliseconds() === 0 ? toChinaIso(instant) : instant.toISOString();

const toDomainLeg = (leg: LegEntity): RallyLeg => ({
  startsAt: raceInstant(leg.startsAt),
  distanceNm: leg.distanceNm,
  coefficient: leg.coefficient,
});
const toDomainEntry = (entry: EntryEntity): RallyEntry => ({ entryId: entry.id, rating: entry.rating });

function toDomainResult(result: LegResultEntity): RallyLegResultInput {
  const finishedAt = result.finishedAt ? raceInstant(result.finishedAt) : null;
  // The table's checks guarantee a finish time when there is no code.
  if (result.code === null) return { entryId: result.entryId, finishedAt: finishedAt ?? '' };
  return { entryId: result.entryId, code: result.code, finishedAt, points: result.points };
}

const label = (entry: EntryEntity | undefined, entryId: string): BoatLabelDto => ({
  entryId,
  boatName: entry?.boatName ?? '',
  sailNumber: entry?.sailNumber ?? null,
  teamName: entry?.team?.name ?? '',
  teamNameEn: entry?.team?.nameEn ?? null,
});

/** Legs 1..n in a path; anything else is an unknown leg. */
function legNumberOf(raw: string): number {
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw notFound('leg', raw);
  return Number(raw);
}

/** A leg counts in the standings once something is recorded for it (A: a boat without a result then scores DNC). */
function scoreData(data: RallyScoringData, discards: number): ScoredRally {
  const legs = data.legs
    .map((leg) => ({
      ...toDomainLeg(leg),
      number: leg.number,
      results: data.results.filter((r) => r.legId === leg.id).map(toDomainResult),
    }))
    .filter((leg) => leg.results.length > 0);
  return scoreRally({ entries: data.entries.map(toDomainEntry), legs, discards });
}

@Injectable()
export class RallyResultsService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly rallies: RalliesRepository,
    private readonly results: RallyResultsRepository,
  ) {}

  async legResults(rallyKey: string, rawNumber: string): Promise<LegResultDto[]> {
    const rally = await this.requireRally(rallyKey);
    const leg = await this.results.findLeg(rally.id, legNumberOf(rawNumber));
    if (!leg) throw notFound('leg', rawNumber);
    return this.legResultDtos(await this.results.scoringData(rally.id), leg);
  }

  /** Replaces a leg's results in one transaction under the leg's lock; any bad row changes nothing. */
  async replaceLegResults(
    rallyKey: string,
    rawNumber: string,
    rows: readonly LegResultInputDto[],
  ): Promise<LegResultDto[]> {
    const rally = await this.requireRally(rallyKey);
    const number = legNumberOf(rawNumber);
    return this.txHost.withTransaction(async () => {
      const leg = await this.results.lockLeg(rally.id, number);
      if (!leg) throw notFound('leg', rawNumber);
      const { entries } = await this.results.scoringDataIn(rally.id, leg.id);
      checkLegResultRows(rows, entries.map(toDomainEntry), toDomainLeg(leg));
      await this.results.replaceLegResults(
        rally.id,
        leg.id,
        rows.map((row) => ({
          entryId: row.entryId,
          finishedAt: row.finishedAt ? new Date(row.finishedAt) : null,
          // Every code is known here: checkLegResultRows refused the rest.
          code: row.code && isSailingScoringCode(row.code) ? row.code : null,
          points: row.points ?? null,
        })),
      );
      return this.legResultDtos(await this.results.scoringDataIn(rally.id, leg.id), leg);
    });
  }

  async standings(rallyKey: string): Promise<StandingDto[]> {
    const rally = await this.requireRally(rallyKey);
    const data = await this.results.scoringData(rally.id);
    const scored = scoreData(data, rally.discards);
    if (scored.legs.length === 0) return [];
    const byId = new Map(data.entries.map((e) => [e.id, e]));
    const names = data.entries.map(
      (e) => [e.id, e.sailNumber ? `${e.boatName} (${e.sailNumber})` : e.boatName] as const,
    );
    return scored.standings.map((row) => ({
      rank: row.rank,
      ...label(byId.get(row.entryId), row.entryId),
      legs: row.legs.map(({ number, points, code, discarded }) => ({ number, points, code, discarded })),
      total: row.total,
      net: row.net,
      ...(row.tieBreak
        ? {
            tieBreak: {
              rule: row.tieBreak.rule,
              tiedWith: [...row.tieBreak.tiedWith],
              // The domain explains with entry ids; readers know boats by name.
              explanation: names.reduce((text, [id, name]) => text.replaceAll(id, name), row.tieBreak.explanation),
            },
          }
        : {}),
    }));
  }

  async cumulativeTime(rallyKey: string): Promise<CumulativeTimeStandingDto[]> {
    const rally = await this.requireRally(rallyKey);
    const data = await this.results.scoringData(rally.id);
    const scored = scoreData(data, rally.discards);
    if (scored.legs.length === 0) return [];
    const byId = new Map(data.entries.map((e) => [e.id, e]));
    return scored.cumulativeTime.map((row) => ({
      rank: row.rank,
      ...label(byId.get(row.entryId), row.entryId),
      complete: row.complete,
      legsCompleted: row.legsCompleted,
      totalCorrectedSeconds: row.totalCorrectedSeconds,
      legs: row.legs.map(({ number, correctedSeconds }) => ({ number, correctedSeconds })),
    }));
  }

  /** Each scored leg's best boat with a finishing place, by leg id. */
  async legWinners(rallyId: string): Promise<Map<string, LegWinnerDto>> {
    const data = await this.results.scoringData(rallyId);
    const scored = scoreData(data, 0); // a leg's own order does not depend on discards
    const byId = new Map(data.entries.map((e) => [e.id, e]));
    const winners = new Map<string, LegWinnerDto>();
    for (const { number, rows } of scored.legs) {
      const leg = data.legs.find((l) => l.number === number);
      const best = rows.find((row) => row.place !== null);
      if (leg && best) winners.set(leg.id, label(byId.get(best.entryId), best.entryId));
    }
    return winners;
  }

  /** Discards may exclude at most legs − 1 scores (A2.1 leaves at least one); checked under the rally's lock. */
  async setDiscards(rallyId: string, discards: number): Promise<void> {
    await this.txHost.withTransaction(async () => {
      await this.results.lockRally(rallyId);
      const legs = await this.results.countLegs(rallyId);
      const max = Math.max(0, legs - 1);
      if (discards > max) {
        throw unprocessable(`With ${legs} leg(s) at most ${max} score(s) per boat can be discarded.`, [
          { field: 'discards', message: `must be at most ${max} (legs − 1)` },
        ]);
      }
      await this.results.updateDiscards(rallyId, discards);
    });
  }

  private async requireRally(key: string): Promise<RallyEntity> {
    const rally = await this.rallies.findByKey(key);
    if (!rally) throw notFound('rally', key);
    return rally;
  }

  private legResultDtos(data: RallyScoringData, leg: LegEntity): LegResultDto[] {
    const stored = data.results.filter((r) => r.legId === leg.id);
    if (stored.length === 0) return [];
    const rows: RallyLegScoreRow[] = scoreRallyLeg({
      entries: data.entries.map(toDomainEntry),
      leg: toDomainLeg(leg),
      results: stored.map(toDomainResult),
    });
    const byId = new Map(data.entries.map((e) => [e.id, e]));
    const storedById = new Map(stored.map((r) => [r.entryId, r]));
    return rows.map((row) => {
      const record = storedById.get(row.entryId);
      return {
        place: row.place,
        ...label(byId.get(row.entryId), row.entryId),
        finishedAt: record?.finishedAt ? toChinaIso(record.finishedAt) : null,
        elapsedSeconds: row.elapsedSeconds,
        correctedSeconds: row.correctedSeconds,
        speedKnots: row.speedKnots,
        code: row.code,
        points: row.points,
        recorded: record !== undefined,
        source: record?.source ?? null,
        illustrative: record?.illustrative ?? [],
      };
    });
  }
}
