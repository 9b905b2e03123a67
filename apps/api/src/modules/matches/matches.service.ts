import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost, type TxHost } from '../../database/transactions.js';
import { fiba3x3ScoreProblems } from '@sailcourt/domain';
import type { DeepPartial } from 'typeorm';
import { badRequest, conflict, type FieldError, notFound, unprocessable } from '../../common/problem.js';
import type { EventEntity, Ruleset } from '../events/event.entity.js';
import { DivisionsService } from '../divisions/divisions.service.js';
import { EventsService } from '../events/events.service.js';
import { RegistrationsService } from '../registrations/registrations.service.js';
import type { VenueEntity } from '../venues/venue.entity.js';
import {
  type CreateMatchDto,
  type MatchDto,
  type MatchResultDto,
  toMatchDto,
  type UpdateMatchDto,
} from './dto/match.dto.js';
import type { LiveActionEntity } from '../live/live-action.entity.js';
import type { NewLiveEntry } from '../live/live-log.repository.js';
import { LiveLogService } from '../live/live-log.service.js';
import { type MatchEntity, type MatchStatus, STARTED_STATUSES } from './match.entity.js';
import { VenuesService } from '../venues/venues.service.js';
import { MatchesRepository } from './matches.repository.js';
import { PlayoffsService } from './playoffs.service.js';
import { ScheduleGuard } from './schedule-guard.js';
import { assertWithinEvent } from './schedule-rules.js';

/** FIBA Art. 20: a forfeited game is scored 20–0 for the opponent. */
const FORFEIT_SCORE = 20;

/** Fields an organizer's write turns from illustrative into entered data. */
const SCHEDULE_FIELDS = ['startsAt', 'venueId', 'court'];
const RESULT_FIELDS = ['status', 'homeScore', 'awayScore', 'forfeitedBy'];

/** Parses `If-Match: "3"` (or W/"3", or 3); `*` means "whatever is current". */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m)
    throw badRequest('If-Match must carry the version last read, e.g. "3".', [
      { field: 'If-Match', message: 'must be a version number' },
    ]);
  return Number(m[1]);
}

/**
 * Writes to games: create, reschedule, result. Each runs in one transaction that locks the event
 * (as registration changes do) and then the game, so a checked rule still holds at commit.
 */
@Injectable()
export class MatchesService implements OnModuleInit {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly matches: MatchesRepository,
    private readonly venues: VenuesService,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly guard: ScheduleGuard,
    private readonly playoffs: PlayoffsService,
    private readonly liveLog: LiveLogService,
    private readonly divisions: DivisionsService,
  ) {}

  async get(id: string): Promise<MatchDto> {
    return toMatchDto(await this.require(id));
  }

  /** Takes part in event settings changes: the ruleset is fixed once a game has a result. */
  onModuleInit(): void {
    this.events.onSettingsChange({
      check: async ({ before, after }) => {
        if (after.ruleset !== before.ruleset && (await this.matches.hasResults(before.id))) {
          throw conflict(
            `The event's games already have results under ${before.ruleset}; its ruleset cannot change now.`,
            [{ field: 'ruleset', message: 'games already have results' }],
          );
        }
      },
    });
  }

  async require(id: string): Promise<MatchEntity> {
    const match = await this.matches.findById(id);
    if (!match) throw notFound('match', id);
    return match;
  }

  async create(eventId: string, input: CreateMatchDto): Promise<MatchDto> {
    const event = await this.requireBasketballEvent(eventId);
    if (input.homeTeamId === input.awayTeamId) {
      throw unprocessable('A team cannot play itself.', [
        { field: 'awayTeamId', message: 'must differ from homeTeamId' },
      ]);
    }
    const startsAt = new Date(input.startsAt);
    assertWithinEvent(event, startsAt);
    const { venue, label } = await this.venueFor(input, event.venueId);
    const division = await this.divisions.resolve(event.id, input.division, 'division');
    const id = await this.txHost.withTransaction(async () => {
      await this.events.lockForUpdate(event.id);
      await this.assertConfirmed(event.id, division?.id, input.homeTeamId, input.awayTeamId);
      const court = await this.guard.place({
        homeTeamId: input.homeTeamId,
        awayTeamId: input.awayTeamId,
        startsAt,
        venue,
        ...courtOf(input),
      });
      const [created] = await this.matches.insertMatches([
        {
          eventId: event.id,
          divisionId: division?.id ?? null,
          homeTeamId: input.homeTeamId,
          awayTeamId: input.awayTeamId,
          startsAt,
          venueId: venue?.id ?? null,
          venueLabel: label,
          court,
          group: input.group ?? '',
          round: input.round ?? null,
          status: 'scheduled',
          source: null,
        },
      ]);
      return created ?? '';
    });
    return this.get(id);
  }

  async reschedule(id: string, input: UpdateMatchDto, ifMatch: string | undefined): Promise<MatchDto> {
    const expected = input.version ?? versionFromIfMatch(ifMatch);
    const current = await this.require(id);
    const event = await this.events.require(current.eventId);
    if (input.startsAt !== undefined) assertWithinEvent(event, new Date(input.startsAt));
    const venueChanged = input.venueId !== undefined || input.venue !== undefined;
    const newPlace = venueChanged ? await this.venueFor(input, null) : null;
    // Answered from the row this transaction wrote (read under its lock), never from a later read
    // that another request's update may already have overtaken.
    const written = await this.txHost.withTransaction(async () => {
      await this.events.lockForUpdate(event.id);
      // Whatever the request leaves out is taken from the locked row, not from the read above.
      const match = await this.lockCurrent(id, expected);
      const startsAt = input.startsAt === undefined ? match.startsAt : new Date(input.startsAt);
      const venue = newPlace ? newPlace.venue : match.venueId ? await this.venues.findById(match.venueId) : null;
      const status = input.status ?? match.status;
      if (input.status !== undefined && STARTED_STATUSES.includes(match.status)) {
        throw conflict(
          `The game is ${match.status}; its status cannot change to ${input.status}.`,
          [{ field: 'status', message: 'game already started' }],
          'match.played',
        );
      }
      if (input.court !== undefined && !venue)
        throw unprocessable('A court needs a venue.', [{ field: 'court', message: 'needs a venue' }]);
      if (input.court !== undefined && venue && input.court > venue.courts) throw courtOutOfRange(venue, input.court);
      const placementChanged =
        input.startsAt !== undefined ||
        venueChanged ||
        input.court !== undefined ||
        (match.status === 'postponed' && status === 'scheduled');
      // Keeping the venue keeps the court unless another is asked for; a new venue gets its first free one.
      const wanted = input.court ?? (venueChanged ? undefined : (match.court ?? undefined));
      let court = match.court;
      if (placementChanged) {
        court =
          status !== 'postponed' && startsAt
            ? await this.guard.place({
                id: match.id,
                homeTeamId: match.homeTeamId,
                awayTeamId: match.awayTeamId,
                startsAt,
                venue,
                ...courtOf({ court: wanted }),
              })
            : venue
              ? (wanted ?? 1)
              : null;
      }
      const changes: DeepPartial<MatchEntity> = {
        startsAt,
        venueId: venue?.id ?? null,
        venueLabel: newPlace ? newPlace.label : match.venueLabel,
        court: venue ? court : null,
        status,
        ...(input.group !== undefined ? { group: input.group } : {}),
        ...(input.round !== undefined ? { round: input.round } : {}),
      };
      await this.matches.updateMatch(match.id, {
        ...changes,
        ...entered(match, placementChanged ? SCHEDULE_FIELDS : []),
        version: match.version + 1,
      });
      return this.require(id);
    });
    return toMatchDto(written);
  }

  async enterResult(id: string, input: MatchResultDto, ifMatch: string | undefined, actor: string): Promise<MatchDto> {
    assertResultShape(input);
    const expected = input.version ?? versionFromIfMatch(ifMatch);
    const written = await this.txHost.withTransaction(async () => {
      const match = await this.lockForWrite(id, expected);
      await this.recordResult(match, input, { type: 'result', clientEventId: null, actor });
      return this.require(id);
    });
    return toMatchDto(written);
  }

  /**
   * Locks a game for a write: its event first (as every write to an event's games does), then the
   * game itself, refusing a stale expected version. A caller that knows the game's event passes it.
   */
  async lockForWrite(id: string, expected?: number, eventId?: string): Promise<MatchEntity> {
    await this.events.lockForUpdate(eventId ?? (await this.require(id)).eventId);
    return this.lockCurrent(id, expected);
  }

  /**
   * Under lockForWrite: stores a result, appends it to the game's live log (so live streams carry
   * it, whether a scorer's `final` or a form's result) and advances the bracket.
   */
  async recordResult(
    match: MatchEntity,
    input: MatchResultDto,
    log: Pick<NewLiveEntry, 'type' | 'clientEventId' | 'actor'>,
  ): Promise<LiveActionEntity> {
    if (match.status === 'postponed')
      throw conflict(
        'The game is postponed: reschedule it before entering a result.',
        [{ field: 'status', message: 'is postponed' }],
        'match.postponed',
      );
    // Read under the event lock: a ruleset change (PATCH /events/:id) takes the same lock.
    const result = resultOf(match, input, await this.events.ruleset(match.eventId));
    const entry = await this.liveLog.append({
      ...noLiveScore,
      ...log,
      eventId: match.eventId,
      matchId: match.id,
      status: result.status,
      period: match.period,
      homeScore: result.homeScore,
      awayScore: result.awayScore,
    });
    await this.matches.updateMatch(match.id, {
      ...result,
      ...entered(match, RESULT_FIELDS),
      liveSeq: entry.seq,
      version: match.version + 1,
    });
    const event = match.playoffSlot === null ? null : await this.events.find(match.eventId);
    if (event) await this.playoffs.advance(event, match.divisionId);
    return entry;
  }

  /** Under lockForWrite: the event's ruleset, as it stands under the event lock. */
  rulesetOf(match: MatchEntity): Promise<Ruleset> {
    return this.events.ruleset(match.eventId);
  }

  /** Under lockForWrite: a live action's new state of the game, logged first. */
  async recordLiveState(
    match: MatchEntity,
    entry: Omit<NewLiveEntry, 'eventId' | 'matchId'>,
  ): Promise<LiveActionEntity> {
    const logged = await this.liveLog.append({ ...entry, eventId: match.eventId, matchId: match.id });
    await this.matches.updateMatch(match.id, {
      status: entry.status as MatchStatus,
      period: entry.period,
      homeScore: entry.homeScore,
      awayScore: entry.awayScore,
      ...entered(match, entry.status === 'live' ? ['status', 'homeScore', 'awayScore'] : []),
      liveSeq: logged.seq,
      version: match.version + 1,
    });
    return logged;
  }

  private async lockCurrent(id: string, expected: number | undefined): Promise<MatchEntity> {
    const match = await this.matches.lockMatch(id);
    if (!match) throw notFound('match', id);
    if (expected !== undefined && expected !== match.version) {
      throw conflict(
        `The game changed since version ${expected} (now ${match.version}); reload it and try again.`,
        [
          {
            field: 'version',
            message: `is stale: current version is ${match.version}`,
            params: { current: match.version },
          },
        ],
        'match.stale',
      );
    }
    return match;
  }

  private async requireBasketballEvent(eventId: string): Promise<EventEntity> {
    const event = await this.events.require(eventId);
    if (event.sport !== 'basketball')
      throw unprocessable(`This is a ${event.sport} event; basketball games need a basketball event.`);
    return event;
  }

  /** Checked under the event lock, which registration status changes also take. */
  private async assertConfirmed(eventId: string, divisionId: string | undefined, ...teamIds: string[]): Promise<void> {
    const confirmed = new Set(await this.registrations.confirmedTeamIds(eventId, divisionId));
    const where = divisionId ? 'division' : 'event';
    const errors: FieldError[] = teamIds.flatMap((teamId, i) =>
      confirmed.has(teamId)
        ? []
        : [
            {
              field: i === 0 ? 'homeTeamId' : 'awayTeamId',
              message: `holds no confirmed registration for this ${where}`,
            },
          ],
    );
    if (errors.length > 0)
      throw unprocessable(`Both teams must hold confirmed registrations for the ${where}.`, errors);
  }

  /**
   * The venue a request names: `venueId`, or the contract's `venue` (an id, slug or name). A `venue`
   * that names no known venue is kept as a label, so an outside client can say where a game is.
   */
  private async venueFor(
    input: { venueId?: string; venue?: string; court?: number },
    fallback: string | null,
  ): Promise<{ venue: VenueEntity | null; label: string | null }> {
    if (input.venueId !== undefined && input.venue !== undefined && input.venueId !== input.venue) {
      throw badRequest('venue and venueId name different venues.', [
        { field: 'venue', message: 'must equal venueId when both are sent' },
      ]);
    }
    const key = input.venueId ?? input.venue ?? fallback;
    const venue = key === null ? null : await this.venues.findByAnyName(key);
    if (!venue && input.venueId !== undefined)
      throw unprocessable(`No venue with id '${input.venueId}'.`, [{ field: 'venueId', message: 'does not exist' }]);
    if (!venue && input.court !== undefined)
      throw unprocessable('A court needs a known venue.', [{ field: 'court', message: 'needs a venue' }]);
    if (venue && input.court !== undefined && input.court > venue.courts) throw courtOutOfRange(venue, input.court);
    return { venue, label: venue ? null : (input.venue?.trim() ?? null) };
  }
}

/** The live-log fields that only a scorer's goal or undo fills. */
const noLiveScore = { team: null, points: null, targetClientEventId: null } as const;

const courtOf = (input: { court?: number | undefined }): { court?: number } =>
  input.court === undefined ? {} : { court: input.court };

const courtOutOfRange = (venue: VenueEntity, court: number) =>
  unprocessable(
    `${venue.name} has ${venue.courts} court(s); there is no court ${court}.`,
    [{ field: 'court', message: `must be between 1 and ${venue.courts}`, params: { max: venue.courts } }],
    'match.court-range',
  );

/** Scores or a forfeit, not both, not half: malformed input (400) before any rule is looked at. */
function assertResultShape(input: MatchResultDto): void {
  const scores = [input.homeScore, input.awayScore].filter((s) => s !== undefined).length;
  const errors: FieldError[] = [];
  if (input.forfeitedBy !== undefined && scores > 0)
    errors.push({ field: 'forfeitedBy', message: 'cannot be sent with scores', code: 'result.forfeit-with-scores' });
  if (input.forfeitedBy !== undefined && input.overtime === true)
    errors.push({
      field: 'overtime',
      message: 'cannot be sent with forfeitedBy',
      code: 'result.forfeit-with-overtime',
    });
  else if (input.forfeitedBy === undefined && scores < 2) {
    for (const field of ['homeScore', 'awayScore'] as const) {
      if (input[field] === undefined)
        errors.push({
          field,
          message: 'is required (or send forfeitedBy instead of scores)',
          code: 'result.score-required',
        });
    }
  }
  if (errors.length > 0) throw badRequest(`Invalid request: ${errors.map((e) => e.field).join(', ')}.`, errors);
}

/**
 * The stored result; a level score, a score the ruleset makes impossible and a forfeit by a team not in the game
 * are rule violations (422). Five-a-side forfeits count 20–0 (FIBA Art. 20); 3x3 forfeits are w-0 (3x3 Art. 6.4),
 * stored without scores.
 */
type StoredResult = Pick<MatchEntity, 'status' | 'forfeitedBy' | 'homeScore' | 'awayScore' | 'overtime'>;

function resultOf(match: MatchEntity, input: MatchResultDto, ruleset: Ruleset): StoredResult {
  if (input.forfeitedBy !== undefined) {
    if (input.forfeitedBy !== match.homeTeamId && input.forfeitedBy !== match.awayTeamId) {
      throw unprocessable('Only a team playing the game can forfeit it.', [
        { field: 'forfeitedBy', message: 'is neither the home nor the away team' },
      ]);
    }
    const homeForfeited = input.forfeitedBy === match.homeTeamId;
    const scores =
      ruleset === 'fiba-3x3'
        ? { homeScore: null, awayScore: null }
        : { homeScore: homeForfeited ? 0 : FORFEIT_SCORE, awayScore: homeForfeited ? FORFEIT_SCORE : 0 };
    return { status: 'forfeit', forfeitedBy: input.forfeitedBy, overtime: false, ...scores };
  }
  const homeScore = input.homeScore ?? 0;
  const awayScore = input.awayScore ?? 0;
  const overtime = input.overtime ?? false;
  if (homeScore === awayScore) {
    throw unprocessable(
      'A basketball game cannot end level: play overtime and enter the final score.',
      [
        { field: 'homeScore', message: 'equals awayScore' },
        { field: 'awayScore', message: 'equals homeScore' },
      ],
      'result.level-score',
    );
  }
  if (ruleset === 'fiba-3x3') {
    const problems = fiba3x3ScoreProblems({ homeScore, awayScore, overtime });
    if (problems.length > 0) {
      throw unprocessable(
        `Not a possible FIBA 3x3 result: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`,
        problems.map((p) => ({ field: p.field, message: p.message })),
        'result.impossible-score',
      );
    }
  }
  return { status: 'final', forfeitedBy: null, homeScore, awayScore, overtime };
}

/** Provenance after an organizer's write: the written fields are no longer illustrative. */
function entered(match: MatchEntity, fields: readonly string[]): Pick<MatchEntity, 'source' | 'illustrative'> {
  const illustrative = match.illustrative.filter((f) => !fields.includes(f));
  const source = match.source === 'illustrative' && fields.length > 0 ? 'organizer' : match.source;
  return { source, illustrative };
}
