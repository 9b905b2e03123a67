import { HttpStatus, Injectable } from '@nestjs/common';
import {
  applyRegistrationActuals,
  computeImpactSensitivity,
  estimateSeasonImpact,
  estimateTourismImpact,
  type ImpactAssumptions,
  parseImpactAssumptions,
  toChinaIso,
} from '@sailcourt/domain';
import type { Caller } from '../../common/auth.js';
import { badRequest, conflict, type FieldError, ProblemException, unprocessable } from '../../common/problem.js';
import { EventsService } from '../events/events.service.js';
import type { SeasonEntity } from '../seasons/season.entity.js';
import { SeasonsService } from '../seasons/seasons.service.js';
import { diffImpactAssumptions } from './assumption-diff.js';
import {
  type EventImpactDto,
  type EventsSumDto,
  type ImpactAssumptionHistoryDto,
  type ImpactEditorDto,
  type ImpactEstimateDto,
  type ImpactSensitivityDto,
  type ImpactSensitivityQueryDto,
  type PutImpactAssumptionsDto,
  type SeasonImpactDto,
  toImpactEstimateDto,
  toImpactSensitivityDto,
  toImpactSpendingDto,
} from './dto/impact.dto.js';
import type { ImpactAssumptionSetEntity } from './impact-assumption-set.entity.js';
import { type ImpactOwner, ImpactRepository } from './impact.repository.js';

const joinPath = (prefix: string, field: string): string =>
  prefix === '' ? field : field === '' ? prefix : `${prefix}.${field}`;

/** Client assumptions through the domain validator; every problem named by its path under `prefix`. */
function parseClientAssumptions(input: unknown, prefix: string): ImpactAssumptions {
  const parsed = parseImpactAssumptions(input);
  if (parsed.ok) return parsed.value;
  const errors: FieldError[] = parsed.errors.map((e) => ({
    field: joinPath(prefix, e.field) || 'body',
    message: e.message,
  }));
  throw badRequest(`Invalid assumptions: ${[...new Set(errors.map((e) => e.field))].join(', ')}.`, errors);
}

/** Confirmed registrations replace the assumed participant count (only where a participants profile exists). */
function withActuals(
  stored: ImpactAssumptions,
  confirmed: number | null,
): { assumptions: ImpactAssumptions; applied: boolean } {
  if (confirmed === null || stored.groups.participants === undefined) return { assumptions: stored, applied: false };
  return { assumptions: applyRegistrationActuals(stored, { confirmedParticipants: confirmed }), applied: true };
}

const editor = (user: { id: string; displayName: string } | null | undefined): ImpactEditorDto | null =>
  user ? { id: user.id, displayName: user.displayName } : null;

@Injectable()
export class ImpactService {
  constructor(
    private readonly impact: ImpactRepository,
    private readonly seasons: SeasonsService,
    private readonly events: EventsService,
  ) {}

  // --- scenarios: nothing stored ---------------------------------------------------------------------------

  estimate(body: unknown): ImpactEstimateDto {
    const assumptions = parseClientAssumptions(body, '');
    return toImpactEstimateDto(assumptions, estimateTourismImpact(assumptions));
  }

  sensitivity(body: unknown, query: ImpactSensitivityQueryDto): ImpactSensitivityDto {
    return toImpactSensitivityDto(computeImpactSensitivity(parseClientAssumptions(body, ''), query));
  }

  // --- seasons ---------------------------------------------------------------------------------------------

  async seasonImpact(key: string): Promise<SeasonImpactDto> {
    return this.seasonImpactOf(await this.seasons.require(key));
  }

  async seasonSensitivity(key: string, query: ImpactSensitivityQueryDto): Promise<ImpactSensitivityDto> {
    const season = await this.seasons.require(key);
    const { assumptions } = await this.requireStored({ kind: 'season', id: season.id }, `season '${key}'`);
    return toImpactSensitivityDto(computeImpactSensitivity(assumptions, query));
  }

  async seasonHistory(key: string): Promise<ImpactAssumptionHistoryDto> {
    return this.history({ kind: 'season', id: (await this.seasons.require(key)).id });
  }

  async putSeasonAssumptions(key: string, body: PutImpactAssumptionsDto, caller: Caller): Promise<SeasonImpactDto> {
    const season = await this.seasons.require(key);
    await this.write({ kind: 'season', id: season.id }, body, caller);
    return this.seasonImpactOf(season);
  }

  // --- events ----------------------------------------------------------------------------------------------

  async eventImpact(id: string): Promise<EventImpactDto> {
    const event = await this.events.require(id);
    const { set, assumptions: stored } = await this.requireStored(
      { kind: 'event', id: event.id },
      `event '${id}'`,
      event.seasonId,
    );
    const confirmed = (await this.impact.confirmedParticipants([event.id])).get(event.id) ?? null;
    const { assumptions, applied } = withActuals(stored, confirmed);
    return {
      ...toImpactEstimateDto(assumptions, estimateTourismImpact(assumptions)),
      ...this.storedMeta(set),
      eventId: event.id,
      seasonId: event.seasonId,
      confirmedParticipants: confirmed,
      actualsApplied: applied,
      storedAssumptions: stored,
    };
  }

  async eventSensitivity(id: string, query: ImpactSensitivityQueryDto): Promise<ImpactSensitivityDto> {
    const impact = await this.eventImpact(id);
    return toImpactSensitivityDto(computeImpactSensitivity(impact.assumptions, query));
  }

  async eventHistory(id: string): Promise<ImpactAssumptionHistoryDto> {
    return this.history({ kind: 'event', id: (await this.events.require(id)).id });
  }

  async putEventAssumptions(id: string, body: PutImpactAssumptionsDto, caller: Caller): Promise<EventImpactDto> {
    const event = await this.events.require(id);
    await this.write({ kind: 'event', id: event.id }, body, caller);
    return this.eventImpact(event.id);
  }

  // --- shared ----------------------------------------------------------------------------------------------

  private async seasonImpactOf(season: SeasonEntity): Promise<SeasonImpactDto> {
    const { set, assumptions } = await this.requireStored({ kind: 'season', id: season.id }, `season '${season.slug}'`);
    const eventSets = await this.impact.eventSetsOfSeason(season.id);
    return {
      ...toImpactEstimateDto(assumptions, estimateTourismImpact(assumptions)),
      ...this.storedMeta(set),
      seasonId: season.id,
      eventsWithOwnAssumptions: eventSets.length,
      eventsSum: await this.eventsSum(eventSets),
    };
  }

  /** The season's events with their own sets, summed without counting repeat attendees twice. */
  private async eventsSum(sets: ImpactAssumptionSetEntity[]): Promise<EventsSumDto | null> {
    const owned = sets.flatMap((set) => (set.eventId === null ? [] : [{ set, eventId: set.eventId }]));
    if (owned.length === 0) return null;
    const actuals = await this.impact.confirmedParticipants(owned.map((o) => o.eventId));
    const sum = estimateSeasonImpact(
      owned.map(({ set, eventId }) => ({
        eventId,
        assumptions: withActuals(this.parseStored(set, `event '${eventId}'`), actuals.get(eventId) ?? null).assumptions,
      })),
    );
    return {
      events: owned.length,
      visitors: sum.visitors,
      visitorNights: sum.visitorNights,
      spending: toImpactSpendingDto(sum.spending),
      repeatVisitorsRemoved: sum.repeatVisitorsRemoved,
    };
  }

  private async requireStored(
    owner: ImpactOwner,
    what: string,
    seasonId?: string,
  ): Promise<{ set: ImpactAssumptionSetEntity; assumptions: ImpactAssumptions }> {
    const set = await this.impact.findSet(owner);
    if (!set) {
      const hint =
        owner.kind === 'event'
          ? ` Its visitors are counted in the season estimate (GET /seasons/${seasonId ?? '{id}'}/impact); an organizer can give it its own with PUT /events/${owner.id}/impact/assumptions and version 0.`
          : ` An organizer can store them with PUT /seasons/${owner.id}/impact/assumptions and version 0.`;
      throw new ProblemException(HttpStatus.NOT_FOUND, `No impact assumptions are stored for ${what}.${hint}`);
    }
    return { set, assumptions: this.parseStored(set, what) };
  }

  /** Stored sets were validated on write; re-check so a tightened rule surfaces as a fixable 422, never a wrong figure. */
  private parseStored(set: ImpactAssumptionSetEntity, what: string): ImpactAssumptions {
    const parsed = parseImpactAssumptions(set.assumptions);
    if (parsed.ok) return parsed.value;
    throw unprocessable(
      `The stored impact assumptions of ${what} no longer pass validation; an organizer must correct them with PUT …/impact/assumptions.`,
      parsed.errors.map((e) => ({ field: joinPath('assumptions', e.field), message: e.message })),
    );
  }

  private storedMeta(set: ImpactAssumptionSetEntity): {
    version: number;
    updatedAt: string;
    updatedBy: ImpactEditorDto | null;
  } {
    return { version: set.version, updatedAt: toChinaIso(set.updatedAt), updatedBy: editor(set.updater) };
  }

  private async history(owner: ImpactOwner): Promise<ImpactAssumptionHistoryDto> {
    const set = await this.impact.findSet(owner);
    if (!set) return { version: 0, changes: [] };
    const changes = await this.impact.history(set.id);
    return {
      version: set.version,
      changes: changes.map((c) => ({
        version: c.version,
        changedAt: toChinaIso(c.changedAt),
        changedBy: editor(c.changer),
        fields: c.fields,
        changes: c.changes,
        reason: c.reason,
      })),
    };
  }

  /**
   * Validated by the domain, then written only if the set is still at the version the client read
   * (compare-and-set in the database, so two organizers editing at once cannot overwrite each other).
   * An edit that changes nothing stores nothing.
   */
  private async write(owner: ImpactOwner, body: PutImpactAssumptionsDto, caller: Caller): Promise<void> {
    parseClientAssumptions(body.assumptions, 'assumptions');
    const current = await this.impact.findSet(owner);
    const currentVersion = current?.version ?? 0;
    if (body.version !== currentVersion) throw stale(body.version, currentVersion);
    const changes = diffImpactAssumptions(current?.assumptions, body.assumptions);
    if (current && changes.length === 0) return;
    const write = { assumptions: body.assumptions, userId: caller.id, changes, reason: body.reason?.trim() || null };
    const written = current
      ? await this.impact.update(current.id, currentVersion, write)
      : await this.impact.create(owner, write);
    if (!written) throw stale(body.version, (await this.impact.findSet(owner))?.version ?? currentVersion + 1);
  }
}

function stale(sent: number, current: number): ProblemException {
  return conflict(
    `The assumptions changed after version ${sent}; the current version is ${current}. Reload them, reapply your edit and send version ${current}.`,
    [{ field: 'version', message: `is stale; the current version is ${current}`, params: { current } }],
    'impact.stale',
  );
}
