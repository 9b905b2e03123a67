import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../../database/transactions.js';
import type { OfficialRole } from '@sailcourt/domain';
import type { Ruleset } from '../events/event.entity.js';
import {
  type AssignmentAction,
  MatchOfficialEntity,
  OfficialAssignmentAuditEntity,
  OfficialEntity,
} from './official.entity.js';

/** A game with what the checks and the pages need: time, place, teams, names. */
export type GameRow = {
  matchId: string;
  eventId: string;
  eventName: string;
  eventNameEn: string | null;
  ruleset: Ruleset;
  startsAt: Date | null;
  venueId: string | null;
  venueName: string | null;
  venueNameEn: string | null;
  homeTeamId: string;
  homeTeamName: string;
  homeTeamNameEn: string | null;
  awayTeamId: string;
  awayTeamName: string;
  awayTeamNameEn: string | null;
  group: string;
  status: string;
};

export type AssignmentRow = {
  id: string;
  matchId: string;
  officialId: string;
  officialName: string;
  officialNameEn: string | null;
  role: OfficialRole;
};

const GAME_COLUMNS = `m.id AS "matchId", m.event_id AS "eventId", e.name AS "eventName", e.name_en AS "eventNameEn", e.ruleset,
  m.starts_at AS "startsAt", m.venue_id AS "venueId", coalesce(v.name, m.venue_label) AS "venueName", v.name_en AS "venueNameEn",
  m.home_team_id AS "homeTeamId", h.name AS "homeTeamName", h.name_en AS "homeTeamNameEn",
  m.away_team_id AS "awayTeamId", a.name AS "awayTeamName", a.name_en AS "awayTeamNameEn", m.group_name AS "group", m.status`;
const GAME_JOINS = `FROM matches m JOIN events e ON e.id = m.event_id JOIN teams h ON h.id = m.home_team_id JOIN teams a ON a.id = m.away_team_id
  LEFT JOIN venues v ON v.id = m.venue_id`;

@Injectable()
export class OfficialsRepository extends TransactionalRepository {
  insert(official: Partial<OfficialEntity>): Promise<OfficialEntity> {
    const repo = this.tx.getRepository(OfficialEntity);
    return repo.save(repo.create(official));
  }

  findById(id: string): Promise<OfficialEntity | null> {
    return this.tx.getRepository(OfficialEntity).findOneBy({ id });
  }

  list(): Promise<OfficialEntity[]> {
    return this.tx.getRepository(OfficialEntity).find({ order: { name: 'ASC', id: 'ASC' } });
  }

  /** Row locks in id order: two writers assigning the same officials queue instead of deadlocking. */
  async update(id: string, changes: Partial<OfficialEntity>): Promise<void> {
    await this.tx.getRepository(OfficialEntity).update({ id }, changes);
  }

  /** The games the official holds, with the role of each (postponed games have no time to check). */
  heldAssignments(officialId: string): Promise<(GameRow & { role: OfficialRole })[]> {
    return this.tx.query(
      `SELECT mo.role, ${GAME_COLUMNS} ${GAME_JOINS} JOIN match_officials mo ON mo.match_id = m.id
        WHERE mo.official_id = $1 AND m.status <> 'postponed' AND m.starts_at IS NOT NULL ORDER BY m.starts_at, m.id`,
      [officialId],
    );
  }

  lockOfficials(ids: readonly string[]): Promise<OfficialEntity[]> {
    return this.tx
      .getRepository(OfficialEntity)
      .createQueryBuilder('o')
      .where('o.id IN (:...ids)', { ids: [...new Set(ids)] })
      .orderBy('o.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  async game(matchId: string): Promise<GameRow | null> {
    const rows = await this.tx.query<GameRow[]>(`SELECT ${GAME_COLUMNS} ${GAME_JOINS} WHERE m.id = $1`, [matchId]);
    return rows[0] ?? null;
  }

  /** Games these officials work, in any event (postponed games hold no time). */
  busyGames(officialIds: readonly string[]): Promise<(GameRow & { officialId: string })[]> {
    return this.tx.query(
      `SELECT mo.official_id AS "officialId", ${GAME_COLUMNS} ${GAME_JOINS} JOIN match_officials mo ON mo.match_id = m.id
        WHERE mo.official_id = ANY($1::uuid[]) AND m.status <> 'postponed'`,
      [[...officialIds]],
    );
  }

  /** The event's group and playoff games that have a time, in playing order. */
  eventGames(eventId: string): Promise<GameRow[]> {
    return this.tx.query(
      `SELECT ${GAME_COLUMNS} ${GAME_JOINS} WHERE m.event_id = $1 AND m.status <> 'postponed' ORDER BY m.starts_at NULLS LAST, m.id`,
      [eventId],
    );
  }

  eventAssignments(eventId: string): Promise<AssignmentRow[]> {
    return this.tx.query(
      `SELECT mo.id, mo.match_id AS "matchId", mo.official_id AS "officialId", o.name AS "officialName", o.name_en AS "officialNameEn", mo.role
         FROM match_officials mo JOIN matches m ON m.id = mo.match_id JOIN officials o ON o.id = mo.official_id
        WHERE m.event_id = $1 ORDER BY mo.role DESC, o.name, o.id`,
      [eventId],
    );
  }

  officialGames(officialId: string): Promise<(GameRow & { assignmentId: string; role: OfficialRole })[]> {
    return this.tx.query(
      `SELECT mo.id AS "assignmentId", mo.role, ${GAME_COLUMNS} ${GAME_JOINS} JOIN match_officials mo ON mo.match_id = m.id
        WHERE mo.official_id = $1 ORDER BY m.starts_at NULLS LAST, m.id`,
      [officialId],
    );
  }

  async insertAssignment(row: {
    matchId: string;
    officialId: string;
    role: OfficialRole;
  }): Promise<MatchOfficialEntity> {
    const repo = this.tx.getRepository(MatchOfficialEntity);
    return repo.save(repo.create(row));
  }

  findAssignment(id: string): Promise<MatchOfficialEntity | null> {
    return this.tx.getRepository(MatchOfficialEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async deleteAssignment(id: string): Promise<void> {
    await this.tx.getRepository(MatchOfficialEntity).delete({ id });
  }

  async audit(row: {
    matchId: string;
    officialId: string;
    role: OfficialRole;
    action: AssignmentAction;
    actorId: string | null;
  }): Promise<void> {
    await this.tx.getRepository(OfficialAssignmentAuditEntity).insert(row);
  }

  auditFor(eventId: string): Promise<
    {
      matchId: string;
      officialId: string;
      role: OfficialRole;
      action: AssignmentAction;
      actorId: string | null;
      at: Date;
    }[]
  > {
    return this.tx.query(
      `SELECT l.match_id AS "matchId", l.official_id AS "officialId", l.role, l.action, l.actor_id AS "actorId", l.at
         FROM official_assignment_audit l JOIN matches m ON m.id = l.match_id WHERE m.event_id = $1 ORDER BY l.at, l.id`,
      [eventId],
    );
  }
}
