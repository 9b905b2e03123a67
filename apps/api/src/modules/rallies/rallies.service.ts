import { Injectable } from '@nestjs/common';
import type { Caller } from '../../common/auth.js';
import { badRequest, conflict, notFound, isNotFound, unprocessable } from '../../common/problem.js';
import { TeamsService } from '../teams/teams.service.js';
import {
  type CreateEntryDto,
  type CreateLegDto,
  type CreateRallyDto,
  type EntryDto,
  type LegDto,
  type RallyDto,
  type RallySummaryDto,
  type UpdateRallyDto,
  toEntryDto,
  toLegDto,
  toRallySummaryDto,
} from './dto/rally.dto.js';
import type { LegGeometryInputDto } from './dto/leg-geometry.dto.js';
import { legGeometryColumns } from './leg-geometry.js';
import type { RallyEntity } from './rally.entity.js';
import type { EntryEntity } from './entry.entity.js';
import type { LegEntity } from './leg.entity.js';
import { RalliesRepository } from './rallies.repository.js';
import { RallyResultsService } from './rally-results.service.js';

/** Crews are personal data: only organizers see them. */
const seesCrews = (caller: Caller | undefined): boolean => caller?.role === 'organizer';

@Injectable()
export class RalliesService {
  constructor(
    private readonly rallies: RalliesRepository,
    private readonly teams: TeamsService,
    private readonly results: RallyResultsService,
  ) {}

  async list(): Promise<RallySummaryDto[]> {
    return (await this.rallies.findAll()).map(toRallySummaryDto);
  }

  async get(key: string, caller?: Caller): Promise<RallyDto> {
    const rally = await this.require(key);
    const [legs, entries, winners] = await Promise.all([
      this.rallies.legs(rally.id),
      this.rallies.entries(rally.id),
      this.results.legWinners(rally.id),
    ]);
    return {
      ...toRallySummaryDto(rally),
      legs: legs.map((leg) => toLegDto(leg, winners.get(leg.id) ?? null)),
      entries: entries.map((entry) => toEntryDto(entry, seesCrews(caller))),
      positionsVersion: rally.positionsVersion,
    };
  }

  async update(key: string, input: UpdateRallyDto, caller?: Caller): Promise<RallyDto> {
    const rally = await this.require(key);
    if (input.discards !== undefined) await this.results.setDiscards(rally.id, input.discards);
    return this.get(rally.id, caller);
  }

  async require(key: string): Promise<RallyEntity> {
    const rally = await this.rallies.findByKey(key);
    if (!rally) throw notFound('rally', key);
    return rally;
  }

  /** For tracking: the rally's legs and entries (entities stay between services). */
  legs(rallyId: string): Promise<LegEntity[]> {
    return this.rallies.legs(rallyId);
  }

  entries(rallyId: string): Promise<EntryEntity[]> {
    return this.rallies.entries(rallyId);
  }

  async create(input: CreateRallyDto): Promise<RallySummaryDto> {
    if (input.endDate < input.startDate)
      throw badRequest('Invalid request: endDate.', [{ field: 'endDate', message: 'must not be before startDate' }]);
    const rally = await this.rallies.insertRally({ ...input, discards: input.discards ?? 0, source: null });
    return toRallySummaryDto(rally);
  }

  async addLeg(key: string, input: CreateLegDto): Promise<LegDto> {
    const rally = await this.require(key);
    const existing = await this.rallies.legs(rally.id);
    if (existing.some((leg) => leg.number === input.number)) {
      throw conflict(`Leg ${input.number} already exists.`, [{ field: 'number', message: 'is taken' }]);
    }
    const leg = await this.rallies.insertLeg({
      rallyId: rally.id,
      number: input.number,
      fromPort: input.from,
      fromPortEn: input.fromEn ?? null,
      toPort: input.to,
      toPortEn: input.toEn ?? null,
      distanceNm: input.distanceNm,
      startsAt: new Date(input.startsAt),
      coefficient: input.coefficient ?? 1,
      source: null,
      ...legGeometryColumns(input),
    });
    return toLegDto(leg);
  }

  /** Sets a leg's course (start, finish, waypoints) for tracking; fields left out keep their value. */
  async updateLegGeometry(key: string, legNumber: string, input: LegGeometryInputDto): Promise<LegDto> {
    const rally = await this.require(key);
    const leg = (await this.rallies.legs(rally.id)).find((l) => String(l.number) === legNumber);
    if (!leg) throw notFound('leg', legNumber);
    const updated = await this.rallies.updateLeg(leg.id, legGeometryColumns(input));
    return toLegDto(updated);
  }

  async addEntry(key: string, input: CreateEntryDto): Promise<EntryDto> {
    const rally = await this.require(key);
    const team = await this.teams.require(input.teamId).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
      throw unprocessable(`No team with id '${input.teamId}'.`, [{ field: 'teamId', message: 'does not exist' }]);
    });
    if (team.sport !== 'sailing')
      throw unprocessable('Only sailing teams can enter a rally.', [
        { field: 'teamId', message: 'is not a sailing team' },
      ]);
    const entries = await this.rallies.entries(rally.id);
    if (entries.some((entry) => entry.teamId === team.id))
      throw conflict('This team has already entered the rally.', [{ field: 'teamId', message: 'already entered' }]);
    const entry = await this.rallies.insertEntry({
      rallyId: rally.id,
      teamId: team.id,
      boatName: input.boatName,
      sailNumber: input.sailNumber ?? null,
      rating: input.rating ?? 1,
      crew: (input.crew ?? []).map(({ name, role }) => ({ name: name.trim(), role })),
      source: null,
    });
    return toEntryDto(entry, true);
  }
}
