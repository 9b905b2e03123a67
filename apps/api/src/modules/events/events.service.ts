import { Injectable } from '@nestjs/common';
import { isUuid } from '../../common/ids.js';
import { badRequest, notFound, unprocessable } from '../../common/problem.js';
import { SeasonsRepository } from '../seasons/seasons.repository.js';
import { type CreateEventDto, type EventDto, toEventDto } from './dto/event.dto.js';
import type { EventEntity } from './event.entity.js';
import { EventsRepository } from './events.repository.js';

@Injectable()
export class EventsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly seasons: SeasonsRepository,
  ) {}

  async get(id: string): Promise<EventDto> {
    return toEventDto(await this.require(id));
  }

  /** The entity, for other modules' services; a missing one is the caller's 404. */
  async require(id: string): Promise<EventEntity> {
    const event = isUuid(id) ? await this.events.findById(id) : null;
    if (!event) throw notFound('event', id);
    return event;
  }

  async listForSeason(seasonKey: string): Promise<EventDto[]> {
    const season = await this.seasons.findByKey(seasonKey);
    if (!season) throw notFound('season', seasonKey);
    return (await this.events.findBySeason(season.id)).map(toEventDto);
  }

  async create(input: CreateEventDto): Promise<EventDto> {
    assertOrdered(input);
    const season = await this.seasons.findByKey(input.seasonId);
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
}

/** Pairs of fields whose order the request itself gets wrong are malformed input (400), not a domain rule. */
function assertOrdered(input: CreateEventDto): void {
  const errors = [];
  if (input.endDate < input.startDate) errors.push({ field: 'endDate', message: 'must not be before startDate' });
  if (
    input.registrationOpensAt &&
    input.registrationClosesAt &&
    Date.parse(input.registrationClosesAt) < Date.parse(input.registrationOpensAt)
  ) {
    errors.push({ field: 'registrationClosesAt', message: 'must not be before registrationOpensAt' });
  }
  if (input.rosterMin !== undefined && input.rosterMax !== undefined && input.rosterMax < input.rosterMin) {
    errors.push({ field: 'rosterMax', message: 'must not be below rosterMin' });
  }
  if (errors.length > 0) throw badRequest(`Invalid request: ${errors.map((e) => e.field).join(', ')}.`, errors);
}
