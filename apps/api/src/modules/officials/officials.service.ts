import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost, type TxHost } from '../../database/transactions.js';
import {
  assignmentsBrokenBy,
  type AvailabilityWindow,
  OFFICIAL_SLOTS,
  type OfficialConflictKind,
  officialConflicts,
  type OfficialProfile,
  type OfficialRole,
  type OfficialRules,
  type OfficiatedGame,
  suggestOfficialAssignments,
  toChinaIso,
} from '@sailcourt/domain';
import { type IcsEvent, toIcs } from '../../common/ics.js';
import { badRequest, conflict, type FieldError, notFound, unprocessable } from '../../common/problem.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import type { OrganizerAuditEntryDto } from '../audit/audit-entry.dto.js';
import { AuditLog } from '../audit/audit-log.js';
import type { Ruleset } from '../events/event.entity.js';
import { EventsService } from '../events/events.service.js';
import { TeamsService } from '../teams/teams.service.js';
import { UsersService } from '../users/users.service.js';
import {
  type AssignmentAuditEntryDto,
  type AssignmentBoardDto,
  type AssignmentDto,
  type AssignmentItemDto,
  type AssignmentSuggestionDto,
  type CreateOfficialDto,
  type OfficialDto,
  type OfficiatedGameDto,
  type OfficialScheduleDto,
  toOfficialDto,
  type UpdateOfficialDto,
} from './dto/official.dto.js';
import type { OfficialEntity } from './official.entity.js';
import { type GameRow, OfficialsRepository } from './officials.repository.js';

type Item = { matchId: string; officialId: string; role: OfficialRole };

/**
 * Officials and their assignments. Every assignment is checked by the domain rules inside one transaction that
 * holds the row lock of each official involved, so two organizers cannot give one official clashing games.
 */
@Injectable()
export class OfficialsService {
  private readonly rules: OfficialRules;

  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly officials: OfficialsRepository,
    private readonly events: EventsService,
    private readonly teams: TeamsService,
    private readonly users: UsersService,
    private readonly auditLog: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.rules = { travelBufferMinutes: config.officials.travelBufferMinutes };
  }

  async create(input: CreateOfficialDto): Promise<OfficialDto> {
    const availability = availabilityRecords(input.availability ?? []);
    await this.checkReferences(input.affiliatedTeamIds ?? [], input.userId ?? null);
    const official = await this.officials.insert({
      name: input.name,
      nameEn: input.nameEn ?? null,
      contact: input.contact ?? null,
      userId: input.userId ?? null,
      roles: input.roles ?? ['referee'],
      affiliatedTeamIds: [...new Set(input.affiliatedTeamIds ?? [])],
      availability,
      source: 'organizer',
    });
    return toOfficialDto(official);
  }

  /**
   * Changes what is sent. Under the official's row lock (the lock every assignment takes), the games they already
   * hold are checked against the new profile: a change that would break one (a new affiliation with a team in it,
   * a dropped role, availability that no longer covers it) is refused with 409, each game named, and nothing changes.
   */
  async update(id: string, input: UpdateOfficialDto, actorId: string): Promise<OfficialDto> {
    const current = await this.require(id);
    const changes: Partial<OfficialEntity> = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.nameEn !== undefined ? { nameEn: input.nameEn } : {}),
      ...(input.contact !== undefined
        ? { contact: input.contact === null || input.contact.trim() === '' ? null : input.contact.trim() }
        : {}),
      ...(input.userId !== undefined ? { userId: input.userId } : {}),
      ...(input.roles !== undefined ? { roles: input.roles } : {}),
      ...(input.affiliatedTeamIds !== undefined ? { affiliatedTeamIds: [...new Set(input.affiliatedTeamIds)] } : {}),
      ...(input.availability !== undefined ? { availability: availabilityRecords(input.availability) } : {}),
    };
    await this.checkReferences(input.affiliatedTeamIds ?? [], input.userId ?? null);
    await this.txHost.withTransaction(async () => {
      const [locked] = await this.officials.lockOfficials([current.id]);
      if (!locked) throw notFound('official', id);
      const held = await this.officials.heldAssignments(locked.id);
      const broken = assignmentsBrokenBy(
        toProfile({ ...locked, ...changes }),
        held.map((g) => ({ game: this.officiated(g), role: g.role })),
        this.rules,
      );
      if (broken.length > 0) {
        const errors: FieldError[] = broken.map((c) => ({
          field: FIELD_OF_CONFLICT[c.kind] ?? 'officialId',
          message: `${c.kind}: ${locked.name} ${c.message} (match ${c.matchId})`,
          code: `official.${c.kind}`,
          params: { matchId: c.matchId },
        }));
        throw conflict(
          `The change would break ${broken.length} assignment(s); remove them first.`,
          errors,
          'official.assignments-broken',
        );
      }
      await this.officials.update(locked.id, changes);
      const edited = fieldChanges(locked, changes);
      if (Object.keys(edited).length > 0)
        await this.auditLog.record({
          subject: 'official',
          subjectId: locked.id,
          action: 'edited',
          actorId,
          details: edited,
        });
    });
    return this.get(current.id);
  }

  /** Every edit of the official's profile, oldest first: who, when, each field from → to. */
  async editAudit(id: string): Promise<OrganizerAuditEntryDto[]> {
    const official = await this.require(id);
    return this.auditLog.list('official', official.id);
  }

  private async checkReferences(teamIds: readonly string[], userId: string | null): Promise<void> {
    const known = await this.teams.names(teamIds);
    const missing = teamIds.filter((id) => !known.has(id));
    if (missing.length > 0)
      throw unprocessable(`No team with id ${missing.join(', ')}.`, [
        { field: 'affiliatedTeamIds', message: `unknown team(s): ${missing.join(', ')}` },
      ]);
    if (userId !== null && (await this.users.findById(userId)) === null) {
      throw unprocessable(`No account with id '${userId}'.`, [{ field: 'userId', message: 'does not exist' }]);
    }
  }

  async list(): Promise<OfficialDto[]> {
    return (await this.officials.list()).map(toOfficialDto);
  }

  async get(id: string): Promise<OfficialDto> {
    return toOfficialDto(await this.require(id));
  }

  /** Public: an official's games, without their contact. */
  async schedule(id: string): Promise<OfficialScheduleDto> {
    const official = await this.require(id);
    const games = await this.officials.officialGames(official.id);
    return {
      id: official.id,
      name: official.name,
      nameEn: official.nameEn,
      roles: official.roles,
      games: games.map((g) => ({ ...toGameDto(g), assignmentId: g.assignmentId, role: g.role })),
    };
  }

  async calendar(id: string): Promise<{ filename: string; body: string }> {
    const official = await this.require(id);
    const games = await this.officials.officialGames(official.id);
    const events: IcsEvent[] = games.flatMap((g) => {
      if (!g.startsAt) return [];
      return [
        {
          uid: `official-${g.assignmentId}@sailcourt`,
          stamp: g.startsAt,
          sequence: 0,
          start: g.startsAt,
          end: new Date(g.startsAt.getTime() + this.minutes(g.ruleset) * 60_000),
          summary: `${g.role === 'referee' ? '裁判 Referee' : '记录台 Table'}: ${g.homeTeamName} – ${g.awayTeamName}`,
          location: g.venueName ?? undefined,
          description: g.eventName,
          status: g.status === 'postponed' ? 'CANCELLED' : 'CONFIRMED',
        },
      ];
    });
    return { filename: `official-${official.id}.ics`, body: toIcs({ name: official.name, events }) };
  }

  async board(eventId: string): Promise<AssignmentBoardDto> {
    const event = await this.events.require(eventId);
    const slots = OFFICIAL_SLOTS[event.ruleset];
    const [games, assignments, officials] = await Promise.all([
      this.officials.eventGames(event.id),
      this.officials.eventAssignments(event.id),
      this.officials.list(),
    ]);
    const count = (officialId: string) => assignments.filter((a) => a.officialId === officialId).length;
    return {
      eventId: event.id,
      slots: { ...slots },
      travelBufferMinutes: this.rules.travelBufferMinutes,
      games: games.map((g) => {
        const mine = assignments.filter((a) => a.matchId === g.matchId);
        const held = (role: OfficialRole) => mine.filter((a) => a.role === role).length;
        return {
          ...toGameDto(g),
          officials: mine.map(toAssignmentDto),
          missing: {
            referee: Math.max(0, slots.referee - held('referee')),
            table: Math.max(0, slots.table - held('table')),
          },
        };
      }),
      officials: officials.map((o) => ({
        id: o.id,
        name: o.name,
        nameEn: o.nameEn,
        roles: o.roles,
        games: count(o.id),
      })),
    };
  }

  /** A proposal only: balanced, and every pick passes every check against what is held and proposed. */
  async suggest(eventId: string): Promise<AssignmentSuggestionDto> {
    const event = await this.events.require(eventId);
    const [games, assignments, officials] = await Promise.all([
      this.officials.eventGames(event.id),
      this.officials.eventAssignments(event.id),
      this.officials.list(),
    ]);
    const busy = await this.txHost.withTransaction(() => this.busyByOfficial(officials.map((o) => o.id)));
    const open = games.filter((g) => g.status === 'scheduled' && g.startsAt !== null);
    const result = suggestOfficialAssignments({
      games: open.map((g) => ({
        game: this.officiated(g),
        slots: OFFICIAL_SLOTS[event.ruleset],
        assigned: assignments.filter((a) => a.matchId === g.matchId),
      })),
      officials: officials.map(toProfile),
      busy,
      rules: this.rules,
    });
    return { assignments: result.assignments, unfilled: result.unfilled };
  }

  async assign(
    matchId: string,
    item: { officialId: string; role: OfficialRole },
    actorId: string,
  ): Promise<AssignmentDto> {
    const [saved] = await this.txHost.withTransaction(() =>
      this.checkAndInsert([{ matchId, ...item }], actorId, null, (field) => field),
    );
    const official = await this.require(item.officialId);
    if (!saved) throw notFound('match', matchId);
    return {
      id: saved.id,
      matchId,
      officialId: official.id,
      officialName: official.name,
      officialNameEn: official.nameEn,
      role: item.role,
    };
  }

  /** All or nothing: one transaction; each assignment is checked against the others too. */
  async saveMany(eventId: string, items: readonly AssignmentItemDto[], actorId: string): Promise<AssignmentBoardDto> {
    const event = await this.events.require(eventId);
    await this.txHost.withTransaction(() =>
      this.checkAndInsert(items, actorId, event.id, (field, i) => `assignments[${i}].${field}`),
    );
    return this.board(event.id);
  }

  async unassign(matchId: string, assignmentId: string, actorId: string): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const assignment = await this.officials.findAssignment(assignmentId);
      if (!assignment || assignment.matchId !== matchId) throw notFound('assignment', assignmentId);
      await this.officials.deleteAssignment(assignment.id);
      await this.officials.audit({
        matchId: assignment.matchId,
        officialId: assignment.officialId,
        role: assignment.role,
        action: 'unassigned',
        actorId,
      });
    });
  }

  async audit(eventId: string): Promise<AssignmentAuditEntryDto[]> {
    const event = await this.events.require(eventId);
    return (await this.officials.auditFor(event.id)).map((r) => ({ ...r, at: toChinaIso(r.at) }));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private async checkAndInsert(
    items: readonly Item[],
    actorId: string,
    eventId: string | null,
    fieldOf: (field: string, index: number) => string,
  ) {
    const locked = new Map((await this.officials.lockOfficials(items.map((i) => i.officialId))).map((o) => [o.id, o]));
    const busy = await this.busyByOfficial([...locked.keys()]);
    const errors: FieldError[] = [];
    const rulesBroken: FieldError[] = [];
    const saved = [];
    for (const [index, item] of items.entries()) {
      const official = locked.get(item.officialId);
      const game = await this.officials.game(item.matchId);
      if (!official) {
        rulesBroken.push({ field: fieldOf('officialId', index), message: 'no such official' });
        continue;
      }
      if (!game || (eventId !== null && game.eventId !== eventId)) {
        if (eventId === null && !game) throw notFound('match', item.matchId);
        rulesBroken.push({ field: fieldOf('matchId', index), message: 'is not a game of this event' });
        continue;
      }
      if (game.startsAt === null || game.status === 'postponed') {
        rulesBroken.push({ field: fieldOf('matchId', index), message: 'has no time yet: schedule the game first' });
        continue;
      }
      const target = this.officiated(game);
      const mine = busy.get(official.id) ?? [];
      const found = officialConflicts(toProfile(official), target, item.role, mine, this.rules);
      if (found.length > 0) {
        for (const c of found)
          errors.push({
            field: fieldOf('officialId', index),
            message: `${c.kind}${c.matchId ? ` with match ${c.matchId}` : ''}: ${official.name} ${c.message}`,
          });
        continue;
      }
      saved.push(await this.officials.insertAssignment(item));
      await this.officials.audit({ ...item, action: 'assigned', actorId });
      busy.set(official.id, [...mine, target]);
    }
    if (rulesBroken.length > 0)
      throw unprocessable(
        `Cannot assign: ${rulesBroken.map((e) => `${e.field} ${e.message}`).join('; ')}.`,
        rulesBroken,
      );
    if (errors.length > 0)
      throw conflict(`The assignment clashes: ${errors.map((e) => e.message).join('; ')}.`, errors);
    return saved;
  }

  private async busyByOfficial(officialIds: readonly string[]): Promise<Map<string, OfficiatedGame[]>> {
    const out = new Map<string, OfficiatedGame[]>();
    if (officialIds.length === 0) return out;
    for (const row of await this.officials.busyGames(officialIds)) {
      if (row.startsAt === null) continue;
      out.set(row.officialId, [...(out.get(row.officialId) ?? []), this.officiated(row)]);
    }
    return out;
  }

  private officiated(g: GameRow): OfficiatedGame {
    return {
      matchId: g.matchId,
      startsAt: g.startsAt?.getTime() ?? 0,
      durationMinutes: this.minutes(g.ruleset),
      venueKey: g.venueId ?? g.venueName,
      teamIds: [g.homeTeamId, g.awayTeamId],
    };
  }

  private minutes(ruleset: Ruleset): number {
    return ruleset === 'fiba-3x3' ? this.config.officials.gameMinutes3x3 : this.config.officials.gameMinutes;
  }

  private async require(id: string): Promise<OfficialEntity> {
    const official = await this.officials.findById(id);
    if (!official) throw notFound('official', id);
    return official;
  }
}

/** The field whose change broke an assignment. */
const FIELD_OF_CONFLICT: Partial<Record<OfficialConflictKind, string>> = {
  role: 'roles',
  affiliated: 'affiliatedTeamIds',
  unavailable: 'availability',
};

function availabilityRecords(windows: readonly { startsAt: string; endsAt: string }[]): OfficialEntity['availability'] {
  return windows.map((w, i) => {
    if (Date.parse(w.endsAt) <= Date.parse(w.startsAt))
      throw badRequest('An availability window must end after it starts.', [
        { field: `availability[${i}].endsAt`, message: 'must be after startsAt' },
      ]);
    return { startsAt: new Date(w.startsAt).toISOString(), endsAt: new Date(w.endsAt).toISOString() };
  });
}

function toProfile(o: Pick<OfficialEntity, 'id' | 'roles' | 'affiliatedTeamIds' | 'availability'>): OfficialProfile {
  const availability: AvailabilityWindow[] = o.availability.map((w) => ({
    startsAt: Date.parse(w.startsAt),
    endsAt: Date.parse(w.endsAt),
  }));
  return { officialId: o.id, roles: o.roles, affiliatedTeamIds: o.affiliatedTeamIds, availability };
}

function toGameDto(g: GameRow): OfficiatedGameDto {
  return {
    matchId: g.matchId,
    eventId: g.eventId,
    eventName: g.eventName,
    eventNameEn: g.eventNameEn,
    startsAt: g.startsAt ? toChinaIso(g.startsAt) : null,
    venueName: g.venueName,
    venueNameEn: g.venueNameEn,
    homeTeamName: g.homeTeamName,
    homeTeamNameEn: g.homeTeamNameEn,
    awayTeamName: g.awayTeamName,
    awayTeamNameEn: g.awayTeamNameEn,
    group: g.group,
    status: g.status,
  };
}

const toAssignmentDto = (a: {
  id: string;
  matchId: string;
  officialId: string;
  officialName: string;
  officialNameEn: string | null;
  role: OfficialRole;
}): AssignmentDto => ({ ...a });

/** The fields an edit really changes, each as {from, to} (a field sent with its current value is no change). */
function fieldChanges(before: OfficialEntity, changes: Partial<OfficialEntity>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, to] of Object.entries(changes)) {
    const from: unknown = before[field as keyof OfficialEntity];
    if (JSON.stringify(from) !== JSON.stringify(to)) out[field] = { from: from ?? null, to: to ?? null };
  }
  return out;
}
