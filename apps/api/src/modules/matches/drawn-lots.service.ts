import { Inject, Injectable } from '@nestjs/common';
import { BasketballRuleError, checkDrawnOrder, tiesForLots, toChinaIso } from '@sailcourt/domain';
import { unprocessable } from '../../common/problem.js';
import { TransactionHost, type TxHost } from '../../database/transactions.js';
import { DivisionsService } from '../divisions/divisions.service.js';
import { EventsService } from '../events/events.service.js';
import type { DrawnLotDto, RecordLotDto } from './dto/standings.dto.js';
import { MatchesRepository, type StoredLot } from './matches.repository.js';
import { StandingsService } from './standings.service.js';

const toDrawnLotDto = (eventId: string, l: StoredLot): DrawnLotDto => ({
  id: l.id,
  eventId,
  divisionId: l.divisionId,
  group: l.group,
  teamIds: [...l.teamIds],
  recordedById: l.recordedById,
  recordedBy: l.recordedBy,
  recordedAt: toChinaIso(l.recordedAt),
});

/**
 * Lots drawn for ties the rules leave level. Recorded under the event's lock (as results are written), so the tie
 * checked is the tie the standings show; never changed afterwards, so the list is the record of who drew what, when.
 */
@Injectable()
export class DrawnLotsService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly matches: MatchesRepository,
    private readonly events: EventsService,
    private readonly standings: StandingsService,
    private readonly divisions: DivisionsService,
  ) {}

  async record(eventId: string, input: RecordLotDto, actorId: string): Promise<DrawnLotDto> {
    const event = await this.events.require(eventId);
    const division = await this.divisions.resolveRequired(
      event.id,
      input.division,
      'division',
      'standings.division-required',
    );
    const divisionId = division?.id ?? null;
    const id = await this.txHost.withTransaction(async () => {
      await this.events.lockForUpdate(event.id);
      // The ties as the rules leave them: a lot already drawn may be drawn again (the last one recorded counts).
      const groups = await this.standings.rankedGroups(event.id, division?.id, false);
      const group = groups.find((g) => g.name === input.group);
      if (!group)
        throw unprocessable(
          `The ${division ? 'division' : 'event'} has no group '${input.group}'.`,
          [{ field: 'group', message: 'is not a group with games', code: 'standings.group-unknown' }],
          'standings.group-unknown',
        );
      try {
        checkDrawnOrder(input.teamIds, tiesForLots(group.rows, group.complete));
      } catch (error) {
        if (!(error instanceof BasketballRuleError)) throw error;
        throw unprocessable(
          error.message,
          [{ field: 'teamIds', message: error.message, code: 'standings.lot-not-needed' }],
          'standings.lot-not-needed',
        );
      }
      return this.matches.insertLot({
        eventId: event.id,
        divisionId,
        group: input.group,
        teamIds: input.teamIds,
        recordedBy: actorId,
      });
    });
    const lots = await this.matches.lots(event.id);
    const saved = lots.find((l) => l.id === id);
    if (!saved) throw new Error(`Lot ${id} vanished after its commit`);
    return toDrawnLotDto(event.id, saved);
  }

  /** Every lot recorded for the event, oldest first. */
  async list(eventId: string): Promise<DrawnLotDto[]> {
    const event = await this.events.require(eventId);
    const lots = await this.matches.lots(event.id);
    return lots.map((l) => toDrawnLotDto(event.id, l));
  }
}
