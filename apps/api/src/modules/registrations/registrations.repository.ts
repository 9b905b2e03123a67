import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../../database/transactions.js';
import { type DeepPartial, In } from 'typeorm';
import { RegistrationAuditEntity } from './registration-audit.entity.js';
import {
  ACTIVE_STATUSES,
  RegistrationEntity,
  type RegistrationStatus,
  type RosterEntry,
} from './registration.entity.js';

export type StatusTally = { status: RegistrationStatus; registrations: number; people: number };
export type EventParticipationRow = {
  id: string;
  slug: string | null;
  name: string;
  nameEn: string | null;
  startDate: string;
  participantTarget: number | null;
  confirmedTeams: number;
  participants: number;
};
export type DivisionParticipationRow = {
  eventId: string;
  divisionId: string;
  code: string;
  name: string;
  nameEn: string | null;
  city: string | null;
  cityEn: string | null;
  capacity: number | null;
  confirmedTeams: number;
  participants: number;
};
export type CityParticipationRow = {
  city: string | null;
  cityEn: string | null;
  confirmedTeams: number;
  participants: number;
};
export type ListFilter = { status?: RegistrationStatus; limit?: number; offset?: number };

const WITH_TEAM_AND_EVENT = { team: true, event: true, division: true } as const;

@Injectable()
export class RegistrationsRepository extends TransactionalRepository {
  /** Teams holding a confirmed registration for the event (or one of its divisions), oldest registration first. */
  async confirmedTeamIds(eventId: string, divisionId?: string): Promise<string[]> {
    const rows = await this.tx.getRepository(RegistrationEntity).find({
      select: { teamId: true },
      where: { eventId, status: 'confirmed', ...(divisionId ? { divisionId } : {}) },
      order: { seq: 'ASC' },
    });
    return rows.map((row) => row.teamId);
  }

  // ---- inside a transaction -------------------------------------------------------------------

  lockRegistration(id: string): Promise<RegistrationEntity | null> {
    return this.tx.getRepository(RegistrationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  countWithStatus(eventId: string, status: RegistrationStatus): Promise<number> {
    return this.tx.getRepository(RegistrationEntity).countBy({ eventId, status });
  }

  countInDivision(divisionId: string, status: RegistrationStatus): Promise<number> {
    return this.tx.getRepository(RegistrationEntity).countBy({ divisionId, status });
  }

  /** Confirmed teams per division of the event (read under the event lock). */
  async confirmedByDivision(eventId: string): Promise<Map<string, number>> {
    const rows = await this.tx.query<{ divisionId: string; confirmed: number }[]>(
      `SELECT division_id AS "divisionId", count(*)::int AS confirmed FROM registrations
        WHERE event_id = $1 AND status = 'confirmed' AND division_id IS NOT NULL GROUP BY division_id`,
      [eventId],
    );
    return new Map(rows.map((r) => [r.divisionId, r.confirmed]));
  }

  findActive(eventId: string, teamId: string): Promise<RegistrationEntity | null> {
    return this.tx.getRepository(RegistrationEntity).findOneBy({ eventId, teamId, status: In([...ACTIVE_STATUSES]) });
  }

  oldestWaitlisted(eventId: string, count: number | undefined): Promise<RegistrationEntity[]> {
    return this.tx.getRepository(RegistrationEntity).find({
      where: { eventId, status: 'waitlisted' },
      order: { seq: 'ASC' },
      ...(count === undefined ? {} : { take: count }),
    });
  }

  async insert(registration: DeepPartial<RegistrationEntity>): Promise<RegistrationEntity> {
    const repo = this.tx.getRepository(RegistrationEntity);
    return repo.save(repo.create(registration));
  }

  /** A status change also settles any withdrawal request (only a confirmed registration may hold one). */
  async setStatus(id: string, status: RegistrationStatus): Promise<void> {
    await this.tx
      .getRepository(RegistrationEntity)
      .update({ id }, { status, withdrawalRequestedAt: null, withdrawalReason: null });
  }

  async setWithdrawalRequest(id: string, request: { at: Date; reason: string | null } | null): Promise<void> {
    await this.tx
      .getRepository(RegistrationEntity)
      .update({ id }, { withdrawalRequestedAt: request?.at ?? null, withdrawalReason: request?.reason ?? null });
  }

  /** Games with a result (final or forfeit) the team has played in the event. */
  async gamesPlayed(eventId: string, teamId: string): Promise<number> {
    const [row] = await this.tx.query<{ played: number }[]>(
      `SELECT count(*)::int AS played FROM matches
        WHERE event_id = $1 AND status IN ('final', 'forfeit') AND (home_team_id = $2 OR away_team_id = $2)`,
      [eventId, teamId],
    );
    return row?.played ?? 0;
  }

  /** The event's active registrations (pending, confirmed, waitlisted) with their teams. */
  activeWithTeams(eventId: string): Promise<RegistrationEntity[]> {
    return this.tx
      .getRepository(RegistrationEntity)
      .find({ where: { eventId, status: In([...ACTIVE_STATUSES]) }, relations: { team: true } });
  }

  async setRoster(id: string, roster: RosterEntry[]): Promise<void> {
    await this.tx.getRepository(RegistrationEntity).update({ id }, { roster });
  }

  async audit(entry: DeepPartial<RegistrationAuditEntity>): Promise<void> {
    const repo = this.tx.getRepository(RegistrationAuditEntity);
    await repo.insert(repo.create(entry));
  }

  // ---- reads ----------------------------------------------------------------------------------

  findById(id: string): Promise<RegistrationEntity | null> {
    return this.tx.getRepository(RegistrationEntity).findOne({ where: { id }, relations: WITH_TEAM_AND_EVENT });
  }

  /** `withManager` loads the managing accounts too (organizers' export). */
  listForEvent(eventId: string, filter: ListFilter, withManager = false): Promise<[RegistrationEntity[], number]> {
    return this.tx.getRepository(RegistrationEntity).findAndCount({
      where: { eventId, ...(filter.status ? { status: filter.status } : {}) },
      relations: withManager ? { team: { manager: true }, event: true, division: true } : WITH_TEAM_AND_EVENT,
      order: { seq: 'ASC' },
      ...(filter.limit === undefined ? {} : { take: filter.limit, skip: filter.offset ?? 0 }),
    });
  }

  /** The event's waitlist, oldest first (positions are 1-based indexes into it). */
  async waitlist(eventId: string): Promise<string[]> {
    const rows = await this.tx
      .getRepository(RegistrationEntity)
      .find({ select: { id: true }, where: { eventId, status: 'waitlisted' }, order: { seq: 'ASC' } });
    return rows.map((row) => row.id);
  }

  /** Registrations of the teams a user manages, newest first. */
  forManager(userId: string): Promise<RegistrationEntity[]> {
    return this.tx.getRepository(RegistrationEntity).find({
      where: { team: { managerId: userId } },
      relations: WITH_TEAM_AND_EVENT,
      order: { createdAt: 'DESC', seq: 'DESC' },
    });
  }

  /** Waitlist positions for several events at once: registration id → 1-based position. */
  async waitlistPositions(eventIds: string[]): Promise<Map<string, number>> {
    if (eventIds.length === 0) return new Map();
    const rows = await this.tx.query<{ id: string; position: number }[]>(
      `SELECT id, row_number() OVER (PARTITION BY event_id ORDER BY seq)::int AS position
         FROM registrations WHERE status = 'waitlisted' AND event_id = ANY($1::uuid[])`,
      [eventIds],
    );
    return new Map(rows.map((row) => [row.id, row.position]));
  }

  auditForRegistration(registrationId: string): Promise<RegistrationAuditEntity[]> {
    return this.tx.getRepository(RegistrationAuditEntity).find({
      where: { registrationId },
      relations: { actor: true, registration: { team: true } },
      order: { at: 'ASC' },
    });
  }

  auditForEvent(eventId: string): Promise<RegistrationAuditEntity[]> {
    return this.tx.getRepository(RegistrationAuditEntity).find({
      where: { eventId },
      relations: { actor: true, registration: { team: true } },
      order: { at: 'ASC' },
    });
  }

  /** Status changes of the registrations of the teams a user manages, newest first. */
  notificationsFor(userId: string, limit: number): Promise<RegistrationAuditEntity[]> {
    return this.tx.getRepository(RegistrationAuditEntity).find({
      where: { registration: { team: { managerId: userId } } },
      relations: { event: true, registration: { team: true } },
      order: { at: 'DESC' },
      take: limit,
    });
  }

  /** What waits for an organizer: pending registrations and withdrawal requests, over all events. */
  async awaitingDecision(): Promise<{ pending: number; withdrawalRequests: number }> {
    const [row] = await this.tx.query<{ pending: number; withdrawalRequests: number }[]>(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE withdrawal_requested_at IS NOT NULL)::int AS "withdrawalRequests"
         FROM registrations`,
    );
    return { pending: row?.pending ?? 0, withdrawalRequests: row?.withdrawalRequests ?? 0 };
  }

  async tally(eventId: string): Promise<StatusTally[]> {
    return this.tx.query<StatusTally[]>(
      `SELECT status, count(*)::int AS registrations, coalesce(sum(jsonb_array_length(roster)), 0)::int AS people
         FROM registrations WHERE event_id = $1 GROUP BY status`,
      [eventId],
    );
  }

  /** Confirmed teams and people in every division of the season's events (divisions without any included). */
  async participationByDivision(seasonId: string): Promise<DivisionParticipationRow[]> {
    return this.tx.query<DivisionParticipationRow[]>(
      `SELECT d.event_id AS "eventId", d.id AS "divisionId", d.code, d.name, d.name_en AS "nameEn", d.city, d.city_en AS "cityEn", d.capacity,
              count(r.id) FILTER (WHERE r.status = 'confirmed')::int AS "confirmedTeams",
              coalesce(sum(jsonb_array_length(r.roster)) FILTER (WHERE r.status = 'confirmed'), 0)::int AS participants
         FROM divisions d JOIN events e ON e.id = d.event_id LEFT JOIN registrations r ON r.division_id = d.id
        WHERE e.season_id = $1
        GROUP BY d.id ORDER BY d.event_id, d.position, d.code`,
      [seasonId],
    );
  }

  /** Confirmed teams and people per city over the season: the division's city where it has one, else the team's. */
  async participationByCity(seasonId: string): Promise<CityParticipationRow[]> {
    return this.tx.query<CityParticipationRow[]>(
      `SELECT coalesce(d.city, t.city) AS city, CASE WHEN d.city IS NOT NULL THEN d.city_en ELSE t.city_en END AS "cityEn",
              count(r.id)::int AS "confirmedTeams", coalesce(sum(jsonb_array_length(r.roster)), 0)::int AS participants
         FROM registrations r JOIN events e ON e.id = r.event_id JOIN teams t ON t.id = r.team_id LEFT JOIN divisions d ON d.id = r.division_id
        WHERE e.season_id = $1 AND r.status = 'confirmed'
        GROUP BY 1, 2 ORDER BY participants DESC, city NULLS LAST`,
      [seasonId],
    );
  }

  async participationBySeason(seasonId: string): Promise<EventParticipationRow[]> {
    return this.tx.query<EventParticipationRow[]>(
      `SELECT e.id, e.slug, e.name, e.name_en AS "nameEn", to_char(e.start_date, 'YYYY-MM-DD') AS "startDate",
              e.participant_target AS "participantTarget",
              count(r.id) FILTER (WHERE r.status = 'confirmed')::int AS "confirmedTeams",
              coalesce(sum(jsonb_array_length(r.roster)) FILTER (WHERE r.status = 'confirmed'), 0)::int AS participants
         FROM events e LEFT JOIN registrations r ON r.event_id = e.id
        WHERE e.season_id = $1
        GROUP BY e.id ORDER BY e.start_date, e.name`,
      [seasonId],
    );
  }
}
