import { HttpStatus, Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource, type EntityManager, In } from 'typeorm';
import { toCsv } from '../../common/csv.js';
import { conflict, type FieldError, ProblemException, unprocessable } from '../../common/problem.js';
import { EventEntity } from '../events/event.entity.js';
import { EventsService } from '../events/events.service.js';
import { RegistrationAuditEntity } from '../registrations/registration-audit.entity.js';
import { RegistrationEntity } from '../registrations/registration.entity.js';
import { TeamMemberEntity } from '../teams/team-member.entity.js';
import { TeamEntity } from '../teams/team.entity.js';
import type { ImportTeamSummaryDto, TeamImportPreviewDto, TeamImportResultDto } from './dto/import.dto.js';
import { type ScheduleImportRow, scheduleRowsFromSheet } from './schedule-rows.js';
import { neutralise, readSheet, SheetError } from './spreadsheet.js';
import {
  ROLE_LABELS,
  rowsFromSheet,
  TEAM_COLUMNS,
  TEAM_HEADERS,
  type TeamImportRow,
  validateTeamRows,
  type ValidRow,
} from './team-rows.js';

const ACTIVE = ['pending', 'confirmed', 'waitlisted'] as const;

/**
 * Teams with rosters from a spreadsheet: a preview that names every problem, then a commit that applies every row
 * or none, in one transaction under the event lock. Teams are matched by name among the event's registered teams,
 * so importing the same file again changes nothing.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  async preview(eventId: string, file: Buffer): Promise<TeamImportPreviewDto> {
    const event = await this.events.require(eventId);
    const sheet = await readSheet(file).catch(rethrow);
    const { rows, formulaCells } = (() => {
      try {
        return rowsFromSheet(sheet);
      } catch (error) {
        return rethrow(error);
      }
    })();
    const { valid, problems } = validateTeamRows(rows);
    const known = new Set(formulaCells.map((p) => `${p.row}:${p.column}`));
    const all = [...formulaCells, ...problems.filter((p) => !known.has(`${p.row}:${p.column}`))].sort(
      (a, b) => a.row - b.row,
    );
    return { encoding: sheet.encoding, rows, problems: all, teams: await this.summary(event.id, valid) };
  }

  /** A schedule sheet's rows as typed; the file-level problems (size, encoding, header) are the answer here. */
  async scheduleRows(file: Buffer): Promise<{ encoding: string; rows: ScheduleImportRow[] }> {
    const sheet = await readSheet(file).catch(rethrow);
    try {
      return { encoding: sheet.encoding, rows: scheduleRowsFromSheet(sheet) };
    } catch (error) {
      return rethrow(error);
    }
  }

  async commit(eventId: string, rows: readonly TeamImportRow[], actorId: string): Promise<TeamImportResultDto> {
    const event = await this.events.require(eventId);
    const { valid, problems } = validateTeamRows(rows);
    if (problems.length > 0) {
      const errors: FieldError[] = problems.map((p) => ({
        field: `rows[${rows.findIndex((r) => r.row === p.row)}].${p.column ?? 'row'}`,
        message: `row ${p.row}, ${p.column ?? 'row'}: ${p.reason}`,
      }));
      throw unprocessable(`${problems.length} problem(s) in the rows; nothing was imported.`, errors);
    }
    return this.dataSource.transaction(async (manager) => {
      const locked = await manager
        .getRepository(EventEntity)
        .findOne({ where: { id: event.id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw unprocessable('The event is gone.');
      const registered = await this.registeredTeams(manager, event.id);
      const groups = groupByTeam(valid);
      const newTeams = [...groups.keys()].filter((name) => !registered.has(name));
      if (locked.capacity !== null) {
        const confirmed = await manager
          .getRepository(RegistrationEntity)
          .countBy({ eventId: event.id, status: 'confirmed' });
        if (confirmed + newTeams.length > locked.capacity) {
          throw conflict(
            `The event has ${locked.capacity - confirmed} place(s) left; the file adds ${newTeams.length} team(s). Nothing was imported.`,
            [{ field: 'rows', message: 'more new teams than places' }],
          );
        }
      }
      const result: TeamImportResultDto = {
        teamsCreated: 0,
        teamsUpdated: 0,
        registrationsCreated: 0,
        people: valid.length,
      };
      for (const [name, people] of groups) {
        const existing = registered.get(name);
        const city = people[0]?.city ?? null;
        const team =
          existing?.team ??
          (await manager
            .getRepository(TeamEntity)
            .save(
              manager
                .getRepository(TeamEntity)
                .create({ name, city, sport: 'basketball', managerId: null, source: 'organizer import' }),
            ));
        if (existing) result.teamsUpdated += 1;
        else result.teamsCreated += 1;
        const members = manager.getRepository(TeamMemberEntity);
        await members.delete({ teamId: team.id });
        await members.insert(
          people.map((p, i) =>
            members.create({
              teamId: team.id,
              sortOrder: i,
              name: p.player,
              role: p.role,
              number: p.number,
              birthYear: p.birthYear,
            }),
          ),
        );
        const roster = people.map((p) => ({ name: p.player, number: p.number, role: p.role }));
        if (existing) {
          await manager.getRepository(RegistrationEntity).update({ id: existing.registrationId }, { roster });
        } else {
          const registrations = manager.getRepository(RegistrationEntity);
          const registration = await registrations.save(
            registrations.create({
              eventId: event.id,
              teamId: team.id,
              status: 'confirmed',
              roster,
              createdBy: actorId,
            }),
          );
          await manager.getRepository(RegistrationAuditEntity).insert({
            registrationId: registration.id,
            eventId: event.id,
            actorId,
            fromStatus: null,
            toStatus: 'confirmed',
            reason: 'imported from a spreadsheet',
            overrides: [],
          });
          result.registrationsCreated += 1;
        }
      }
      return result;
    });
  }

  /** The event's registered teams and rosters in the import's own columns (so the file imports back unchanged). */
  async export(eventId: string, format: 'csv' | 'xlsx'): Promise<{ filename: string; body: Buffer }> {
    const event = await this.events.require(eventId);
    const rows: string[][] = [];
    const registered = await this.registeredTeams(this.dataSource.manager, event.id);
    for (const { team } of [...registered.values()].sort((a, b) => (a.team.name < b.team.name ? -1 : 1))) {
      const members = await this.dataSource
        .getRepository(TeamMemberEntity)
        .find({ where: { teamId: team.id }, order: { sortOrder: 'ASC' } });
      for (const m of members) {
        const role = m.role in ROLE_LABELS ? ROLE_LABELS[m.role as keyof typeof ROLE_LABELS] : m.role;
        rows.push([
          team.name,
          team.city ?? '',
          m.name,
          m.number === null ? '' : String(m.number),
          role,
          m.birthYear === null ? '' : String(m.birthYear),
        ]);
      }
    }
    const header = TEAM_COLUMNS.map((c) => TEAM_HEADERS[c]);
    const base = `teams-${event.slug ?? event.id}`;
    // toCsv neutralises formula-like cells itself; the workbook gets the same treatment here.
    if (format === 'csv') return { filename: `${base}.csv`, body: Buffer.from(toCsv(header, rows), 'utf8') };
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('teams');
    sheet.addRow(header);
    for (const r of rows) sheet.addRow(r.map(neutralise));
    return { filename: `${base}.xlsx`, body: Buffer.from(await workbook.xlsx.writeBuffer()) };
  }

  private async summary(eventId: string, valid: readonly ValidRow[]): Promise<ImportTeamSummaryDto[]> {
    const registered = await this.registeredTeams(this.dataSource.manager, eventId);
    return [...groupByTeam(valid)].map(([name, people]) => ({
      name,
      city: people[0]?.city ?? null,
      people: people.length,
      action: registered.has(name) ? 'update' : 'create',
    }));
  }

  private async registeredTeams(
    manager: EntityManager,
    eventId: string,
  ): Promise<Map<string, { team: TeamEntity; registrationId: string }>> {
    const registrations = await manager
      .getRepository(RegistrationEntity)
      .find({ where: { eventId, status: In([...ACTIVE]) } });
    const teams =
      registrations.length === 0
        ? []
        : await manager.getRepository(TeamEntity).findBy({ id: In(registrations.map((r) => r.teamId)) });
    const byId = new Map(teams.map((t) => [t.id, t]));
    return new Map(
      registrations.flatMap((r) => {
        const team = byId.get(r.teamId);
        return team ? [[team.name, { team, registrationId: r.id }] as const] : [];
      }),
    );
  }
}

function groupByTeam(rows: readonly ValidRow[]): Map<string, ValidRow[]> {
  const out = new Map<string, ValidRow[]>();
  for (const r of rows) out.set(r.team, [...(out.get(r.team) ?? []), r]);
  return out;
}

function rethrow(error: unknown): never {
  if (error instanceof SheetError) {
    if (error.status === 413)
      throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, error.message, [
        { field: 'file', message: error.message },
      ]);
    if (error.status === 415)
      throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, error.message, [
        { field: 'file', message: error.message },
      ]);
    throw unprocessable(error.message, [{ field: 'file', message: error.message }]);
  }
  throw error;
}
