import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { toCsv } from '../../common/csv.js';
import { conflict, type FieldError, isNotFound, ProblemException, unprocessable } from '../../common/problem.js';
import { TransactionHost, type TxHost } from '../../database/transactions.js';
import { EventsService } from '../events/events.service.js';
import { RegistrationsService } from '../registrations/registrations.service.js';
import { TeamsService } from '../teams/teams.service.js';
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

/**
 * Teams with rosters from a spreadsheet: a preview that names every problem, then a commit that applies every row
 * or none, in one transaction under the event lock. Teams are matched by name among the event's registered teams,
 * so importing the same file again changes nothing.
 */
@Injectable()
export class ImportsService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly events: EventsService,
    private readonly teams: TeamsService,
    private readonly registrations: RegistrationsService,
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
    return this.txHost.withTransaction(async () => {
      const locked = await this.events.lockForUpdate(event.id).catch((error: unknown) => {
        if (isNotFound(error)) throw unprocessable('The event is gone.');
        throw error;
      });
      const registered = await this.registrations.activeByTeamName(event.id);
      const groups = groupByTeam(valid);
      const newTeams = [...groups.keys()].filter((name) => !registered.has(name));
      if (locked.capacity !== null) {
        const confirmed = await this.registrations.countConfirmed(event.id);
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
        const team = existing?.team ?? (await this.teams.createImported({ name, city: people[0]?.city ?? null }));
        if (existing) result.teamsUpdated += 1;
        else result.teamsCreated += 1;
        await this.teams.replaceMembers(
          team.id,
          people.map((p, i) => ({
            teamId: team.id,
            sortOrder: i,
            name: p.player,
            role: p.role,
            number: p.number,
            birthYear: p.birthYear,
          })),
        );
        const roster = people.map((p) => ({ name: p.player, number: p.number, role: p.role }));
        if (existing) {
          await this.registrations.replaceImportedRoster(existing.registrationId, roster);
        } else {
          await this.registrations.recordImported(event.id, team.id, roster, actorId);
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
    const registered = await this.registrations.activeByTeamName(event.id);
    for (const { team } of [...registered.values()].sort((a, b) => (a.team.name < b.team.name ? -1 : 1))) {
      const members = await this.teams.members(team.id);
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
    const registered = await this.registrations.activeByTeamName(eventId);
    return [...groupByTeam(valid)].map(([name, people]) => ({
      name,
      city: people[0]?.city ?? null,
      people: people.length,
      action: registered.has(name) ? 'update' : 'create',
    }));
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
