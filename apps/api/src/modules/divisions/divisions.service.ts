import { definedOnly } from '../../common/defined-only.js';
import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost, type TxHost } from '../../database/transactions.js';
import { badRequest, conflict, type FieldError, notFound, unprocessable } from '../../common/problem.js';
import { EventsService } from '../events/events.service.js';
import type { DivisionEntity } from './division.entity.js';
import { DivisionsRepository } from './divisions.repository.js';
import { type CreateDivisionDto, type DivisionDto, toDivisionDto, type UpdateDivisionDto } from './dto/division.dto.js';

const NO_COUNTS = { confirmed: 0, participants: 0 };

/** An event's divisions: organizers create, change and delete them; anyone lists them. */
@Injectable()
export class DivisionsService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly divisions: DivisionsRepository,
    private readonly events: EventsService,
  ) {}

  async list(eventKey: string): Promise<DivisionDto[]> {
    const event = await this.events.require(eventKey);
    const counts = await this.divisions.counts(event.id);
    return (await this.divisions.forEvent(event.id)).map((d) => toDivisionDto(d, counts.get(d.id) ?? NO_COUNTS));
  }

  async get(eventKey: string, divisionKey: string): Promise<DivisionDto> {
    const event = await this.events.require(eventKey);
    const division = await this.divisions.findInEvent(event.id, divisionKey);
    if (!division) throw notFound('division', divisionKey);
    return toDivisionDto(division, (await this.divisions.counts(event.id)).get(division.id) ?? NO_COUNTS);
  }

  /**
   * For other modules: the division a request names (`?division=`, `divisionId`), or null when it names none.
   * An unknown one is a 422 naming `field`, so a typo never silently means "all divisions".
   */
  async resolve(eventId: string, key: string | undefined | null, field: string): Promise<DivisionEntity | null> {
    if (key === undefined || key === null) return null;
    const division = await this.divisions.findInEvent(eventId, key);
    if (!division)
      throw unprocessable(
        `The event has no division '${key}'.`,
        [{ field, message: 'is not a division of this event', code: 'division.unknown' }],
        'division.unknown',
      );
    return division;
  }

  /**
   * Like `resolve`, for a request about one division's competition (its bracket, its groups): once the event has
   * divisions one must be named, else a 400 naming `field` with `code`.
   */
  async resolveRequired(
    eventId: string,
    key: string | undefined,
    field: string,
    code: string,
  ): Promise<DivisionEntity | null> {
    if (key === undefined && (await this.divisions.hasDivisions(eventId))) {
      throw badRequest(
        `This event has divisions: name one (${field}).`,
        [{ field, message: 'is required: the event has divisions', code }],
        code,
      );
    }
    return this.resolve(eventId, key, field);
  }

  forEvent(eventId: string): Promise<DivisionEntity[]> {
    return this.divisions.forEvent(eventId);
  }

  hasDivisions(eventId: string): Promise<boolean> {
    return this.divisions.hasDivisions(eventId);
  }

  async create(eventKey: string, input: CreateDivisionDto): Promise<DivisionDto> {
    const event = await this.events.require(eventKey);
    assertRosterLimits(input.rosterMin ?? null, input.rosterMax ?? null);
    const saved = await this.txHost.withTransaction(async () => {
      await this.events.lockForUpdate(event.id);
      if (await this.divisions.findInEvent(event.id, input.code)) {
        throw conflict(
          `The event already has a division '${input.code}'.`,
          [{ field: 'code', message: 'is taken in this event' }],
          'division.duplicate',
        );
      }
      return this.divisions.insert({
        eventId: event.id,
        code: input.code,
        name: input.name,
        nameEn: input.nameEn ?? null,
        ageGroup: input.ageGroup ?? null,
        gender: input.gender ?? 'mixed',
        bornOnOrAfter: input.bornOnOrAfter ?? null,
        capacity: input.capacity ?? null,
        rosterMin: input.rosterMin ?? null,
        rosterMax: input.rosterMax ?? null,
        city: input.city ?? null,
        cityEn: input.cityEn ?? null,
        position: input.position ?? 0,
        source: null,
      });
    });
    return toDivisionDto(saved, NO_COUNTS);
  }

  /**
   * Changes a division under the event lock registrations take, so capacity never drops below the teams
   * already confirmed (409). `afterCapacityChange` runs in the same transaction (the waitlist promotion).
   */
  async update(
    eventKey: string,
    divisionKey: string,
    input: UpdateDivisionDto,
    afterCapacityChange: (division: DivisionEntity) => Promise<void>,
  ): Promise<DivisionDto> {
    const event = await this.events.require(eventKey);
    await this.txHost.withTransaction(async () => {
      await this.events.lockForUpdate(event.id);
      const division = await this.divisions.findInEvent(event.id, divisionKey);
      if (!division) throw notFound('division', divisionKey);
      const merged: DivisionEntity = { ...division, ...definedOnly(input) };
      assertRosterLimits(merged.rosterMin, merged.rosterMax);
      if (
        input.code !== undefined &&
        input.code !== division.code &&
        (await this.divisions.findInEvent(event.id, input.code))
      ) {
        throw conflict(
          `The event already has a division '${input.code}'.`,
          [{ field: 'code', message: 'is taken in this event' }],
          'division.duplicate',
        );
      }
      const confirmed = (await this.divisions.counts(event.id)).get(division.id)?.confirmed ?? 0;
      if (merged.capacity !== null && merged.capacity < confirmed) {
        throw conflict(
          `${confirmed} teams are confirmed in the division; its capacity cannot go below that.`,
          [{ field: 'capacity', message: `must be at least ${confirmed}`, params: { confirmed } }],
          'division.capacity-below-confirmed',
        );
      }
      await this.divisions.update(division.id, definedOnly(input));
      if (input.capacity !== undefined && input.capacity !== division.capacity) await afterCapacityChange(merged);
    });
    return this.get(event.id, input.code ?? divisionKey);
  }

  async remove(eventKey: string, divisionKey: string): Promise<void> {
    const event = await this.events.require(eventKey);
    await this.txHost.withTransaction(async () => {
      await this.events.lockForUpdate(event.id);
      const division = await this.divisions.findInEvent(event.id, divisionKey);
      if (!division) throw notFound('division', divisionKey);
      const refs = await this.divisions.references(division.id);
      if (refs.registrations > 0 || refs.matches > 0) {
        throw conflict(
          `The division has ${refs.registrations} registration(s) and ${refs.matches} game(s); move or remove them first.`,
          undefined,
          'division.in-use',
        );
      }
      await this.divisions.delete(division.id);
    });
  }
}

function assertRosterLimits(min: number | null, max: number | null): void {
  const errors: FieldError[] = [];
  if (min !== null && max !== null && max < min)
    errors.push({ field: 'rosterMax', message: 'must not be below rosterMin' });
  if (errors.length > 0) throw badRequest('Invalid request: rosterMax.', errors);
}
