import { Inject, Injectable } from '@nestjs/common';
import { definedOnly } from '../../common/defined-only.js';
import { notFound, unprocessable } from '../../common/problem.js';
import { TransactionHost, type TxHost } from '../../database/transactions.js';
import { SeasonsService } from '../seasons/seasons.service.js';
import { type CreateEventDto, type EventDto, toEventDto } from './dto/event.dto.js';
import type { UpdateEventDto } from './dto/event-settings.dto.js';
import type { EventEntity, Ruleset } from './event.entity.js';
import { assertOrdered } from './event-order.js';
import { type EventSettingsHook, EventSettingsHooks } from './event-settings-hooks.js';
import { EventsRepository } from './events.repository.js';

@Injectable()
export class EventsService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly events: EventsRepository,
    private readonly seasons: SeasonsService,
    private readonly settingsHooks: EventSettingsHooks,
  ) {}

  async get(id: string): Promise<EventDto> {
    return toEventDto(await this.require(id));
  }

  /** The entity (with its venue), for other modules' services; a missing one is the caller's 404. */
  async require(id: string): Promise<EventEntity> {
    const event = await this.events.findById(id);
    if (!event) throw notFound('event', id);
    return event;
  }

  /** The same, or null, read in the current transaction when there is one. */
  find(id: string): Promise<EventEntity | null> {
    return this.events.findById(id);
  }

  /**
   * The lock every write to an event's registrations, divisions or games takes first (its row, FOR UPDATE,
   * until the current transaction ends): counts and clash checks read after it stay true until commit.
   */
  async lockForUpdate(id: string): Promise<EventEntity> {
    const event = await this.events.lock(id);
    if (!event) throw notFound('event', id);
    return event;
  }

  /** The ruleset that judges the event's games ('fiba' for an unknown id: callers have already checked it). */
  async ruleset(id: string): Promise<Ruleset> {
    return (await this.events.ruleset(id)) ?? 'fiba';
  }

  async listForSeason(seasonKey: string): Promise<EventDto[]> {
    const season = await this.seasons.require(seasonKey);
    return (await this.events.findBySeason(season.id)).map(toEventDto);
  }

  async create(input: CreateEventDto): Promise<EventDto> {
    assertOrdered(input);
    const season = await this.seasons.find(input.seasonId);
    if (!season)
      throw unprocessable(`No season with id '${input.seasonId}'.`, [{ field: 'seasonId', message: 'does not exist' }]);
    if (input.startDate < season.startDate || input.endDate > season.endDate) {
      throw unprocessable(`An event must fall within its season (${season.startDate} – ${season.endDate}).`, [
        { field: input.startDate < season.startDate ? 'startDate' : 'endDate', message: 'is outside the season' },
      ]);
    }
    const event = await this.events.insert({
      ...input,
      sport: input.sport ?? 'basketball',
      capacity: input.capacity ?? null,
      registrationMode: input.registrationMode ?? 'approval',
      registrationOpensAt: input.registrationOpensAt ? new Date(input.registrationOpensAt) : null,
      registrationClosesAt: input.registrationClosesAt ? new Date(input.registrationClosesAt) : null,
      cities: input.cities ?? [],
      ruleset: input.ruleset ?? 'fiba',
      source: null,
    });
    return toEventDto(event);
  }

  /** For modules that must check or follow up a settings change in its transaction (see EventSettingsHooks). */
  onSettingsChange(hook: EventSettingsHook): void {
    this.settingsHooks.register(hook);
  }

  /** Registration settings, in one transaction under the event lock; the hooks may refuse or follow up the change. */
  async updateSettings(eventId: string, input: UpdateEventDto): Promise<EventDto> {
    const { id } = await this.require(eventId);
    await this.txHost.withTransaction(async () => {
      const before = await this.lockForUpdate(id);
      const changes: Partial<EventEntity> = {
        ...definedOnly({
          ruleset: input.ruleset,
          capacity: input.capacity,
          registrationMode: input.registrationMode,
          rosterMin: input.rosterMin,
          rosterMax: input.rosterMax,
          participantTarget: input.participantTarget,
        }),
        ...(input.registrationOpensAt !== undefined
          ? { registrationOpensAt: toDateOrNull(input.registrationOpensAt) }
          : {}),
        ...(input.registrationClosesAt !== undefined
          ? { registrationClosesAt: toDateOrNull(input.registrationClosesAt) }
          : {}),
      };
      const change = { before, after: { ...before, ...changes } };
      assertOrdered(change.after);
      await this.settingsHooks.check(change);
      await this.events.update(id, changes);
      await this.settingsHooks.apply(change);
    });
    return this.get(id);
  }
}

const toDateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(value));
