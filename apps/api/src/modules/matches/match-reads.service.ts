import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { toCsv } from '../../common/csv.js';
import { type IcsEvent, toIcs } from '../../common/ics.js';
import { notFound } from '../../common/problem.js';
import { DivisionsService } from '../divisions/divisions.service.js';
import { EventsService } from '../events/events.service.js';
import { TeamsService } from '../teams/teams.service.js';
import {
  type ListMatchesQueryDto,
  type MatchDto,
  type MatchPageDto,
  type TodayDto,
  toMatchDto,
} from './dto/match.dto.js';
import { type Feed, FeedCache } from './feed-cache.js';
import { type MatchEntity, PLAYED_STATUSES } from './match.entity.js';
import { FeedVersions } from './feed-versions.js';
import { type MatchFilter, MatchesRepository } from './matches.repository.js';
import { CALENDAR_TEXT, type CalendarLanguage, named } from './calendar-text.js';
import { addHours, DEFAULT_RULES } from './schedule-rules.js';
import { chinaDayStart, toChinaIso } from '@sailcourt/domain';

export type Download = { filename: string; body: string };

/** A busy Saturday (eight 3x3 courts all day) stays well under this. */
const TODAY_LIMIT = 200;

/** Public reads of games: the cached schedule feed, calendar feeds and the results export. */
@Injectable()
export class MatchReadsService {
  private readonly cache = new FeedCache();

  constructor(
    private readonly matches: MatchesRepository,
    private readonly versions: FeedVersions,
    private readonly events: EventsService,
    private readonly teams: TeamsService,
    private readonly divisions: DivisionsService,
  ) {}

  /** The ETag names the feed version and the query, so each filtered view revalidates on its own. */
  async listFeed(eventId: string, query: ListMatchesQueryDto): Promise<Feed> {
    const version = await this.versions.current(eventId);
    if (version === null) throw notFound('event', eventId);
    const divisionId = (await this.divisions.resolve(eventId, query.division, 'division'))?.id;
    const key = JSON.stringify([
      eventId,
      version,
      query.teamId,
      query.venueId,
      query.date,
      query.status,
      query.group,
      divisionId,
      query.limit,
      query.offset,
    ]);
    const tag = createHash('sha256').update(key).digest('base64url').slice(0, 16);
    return {
      etag: `W/"matches-${version}-${tag}"`,
      body: () => this.cache.get(key, () => this.list(eventId, query, divisionId)),
    };
  }

  /** `divisionId`: the division `query.division` names, resolved by the caller. */
  async list(eventId: string, query: ListMatchesQueryDto, divisionId?: string): Promise<MatchDto[] | MatchPageDto> {
    const filter: MatchFilter = {
      ...(divisionId ? { divisionId } : {}),
      ...(query.teamId ? { teamId: query.teamId } : {}),
      ...(query.venueId ? { venueId: query.venueId } : {}),
      ...(query.date ? { from: chinaDayStart(query.date), to: addHours(chinaDayStart(query.date), 24) } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.group !== undefined ? { group: query.group } : {}),
      ...(query.limit !== undefined ? { limit: query.limit, offset: query.offset ?? 0 } : {}),
    };
    const [rows, total] = await this.matches.list(eventId, filter);
    const items = rows.map(toMatchDto);
    return query.limit === undefined ? items : { items, total };
  }

  /** The "live now / today" strip: games being played and the day's games across every event (Beijing time). */
  async today(date: string): Promise<TodayDto> {
    const from = chinaDayStart(date);
    const rows = await this.matches.liveOrBetween(from, addHours(from, 24), TODAY_LIMIT);
    const events = new Map(
      rows.flatMap((m) =>
        m.event ? [[m.event.id, { id: m.event.id, name: m.event.name, nameEn: m.event.nameEn }] as const] : [],
      ),
    );
    return { date, events: [...events.values()], matches: rows.map(toMatchDto) };
  }

  /** The feed and its name in one language (`language`), so a calendar app shows no mix. */
  async eventCalendar(eventId: string, language: CalendarLanguage | null = null): Promise<Download> {
    const event = await this.events.require(eventId);
    const [rows] = await this.matches.list(event.id, {});
    const filename = `${event.slug ?? event.id}.ics`;
    if (!language)
      return {
        filename,
        body: toIcs({ name: event.name, events: rows.flatMap((m) => toBilingualIcsEvent(m, event.name)) }),
      };
    const name = CALENDAR_TEXT[language].eventCalendar(named(language, event));
    return {
      filename,
      body: toIcs({ name, events: rows.flatMap((m) => toIcsEvent(m, named(language, event), language)) }),
    };
  }

  async teamCalendar(teamId: string, language: CalendarLanguage | null = null): Promise<Download> {
    const team = await this.teams.require(teamId);
    const rows = await this.matches.forTeam(team.id);
    const filename = `${team.slug ?? team.id}.ics`;
    if (!language)
      return {
        filename,
        body: toIcs({ name: team.name, events: rows.flatMap((m) => toBilingualIcsEvent(m, m.event?.name ?? '')) }),
      };
    const name = CALENDAR_TEXT[language].teamCalendar(named(language, team));
    return {
      filename,
      body: toIcs({ name, events: rows.flatMap((m) => toIcsEvent(m, named(language, m.event), language)) }),
    };
  }

  /** Every game with a result, in playing order (UTF-8 with BOM for spreadsheets). */
  async resultsCsv(eventId: string): Promise<Download> {
    const event = await this.events.require(eventId);
    const [rows] = await this.matches.list(event.id, {});
    const body = toCsv(
      [
        'match_id',
        'starts_at',
        'group',
        'round',
        'playoff_slot',
        'venue',
        'court',
        'home_team',
        'away_team',
        'home_score',
        'away_score',
        'status',
        'forfeited_by',
        'winner',
        'source',
      ],
      rows
        .filter((m) => PLAYED_STATUSES.includes(m.status))
        .map((m) => {
          const dto = toMatchDto(m);
          const winner = dto.winnerTeamId === m.homeTeamId ? dto.homeTeamName : dto.awayTeamName;
          const forfeiter =
            m.forfeitedBy === null ? null : m.forfeitedBy === m.homeTeamId ? dto.homeTeamName : dto.awayTeamName;
          return [
            m.id,
            dto.startsAt,
            m.group,
            m.round,
            m.playoffSlot,
            dto.venueName,
            m.court,
            dto.homeTeamName,
            dto.awayTeamName,
            m.homeScore,
            m.awayScore,
            m.status,
            forfeiter,
            winner,
            m.source ?? (m.illustrative.length > 0 ? 'illustrative' : null),
          ];
        }),
    );
    return { filename: `results-${event.slug ?? event.id}.csv`, body };
  }
}

/** The feed as first published (v1), for clients that state no language: Chinese names with English beside them. */
function toBilingualIcsEvent(m: MatchEntity, eventName: string): IcsEvent[] {
  if (!m.startsAt) return [];
  const home = m.homeTeam?.name ?? '';
  const away = m.awayTeam?.name ?? '';
  const played = PLAYED_STATUSES.includes(m.status) && m.homeScore !== null && m.awayScore !== null;
  const prefix = m.status === 'postponed' ? '[延期 Postponed] ' : '';
  const suffix = m.status === 'forfeit' ? ' (弃权 forfeit)' : '';
  const summary = `${prefix}${home} ${played ? `${m.homeScore}:${m.awayScore}` : 'vs'} ${away}${suffix}`;
  const english = `${m.homeTeam?.nameEn ?? home} vs ${m.awayTeam?.nameEn ?? away}`;
  const stage = [
    m.playoffSlot ? `Playoffs ${m.playoffSlot}` : m.group ? `Group ${m.group}` : '',
    m.round ? `Round ${m.round}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const venue = m.venue
    ? `${m.venue.name}${m.venue.nameEn ? ` (${m.venue.nameEn})` : ''}${m.court !== null ? ` · court ${m.court}` : ''}`
    : (m.venueLabel ?? undefined);
  return [
    {
      ...icsTiming(m, m.startsAt),
      summary,
      location: venue,
      description: [eventName, english, stage, `Starts ${toChinaIso(m.startsAt)}`].filter(Boolean).join('\n'),
    },
  ];
}

const icsTiming = (m: MatchEntity, start: Date) => ({
  uid: `match-${m.id}@sailcourt`,
  stamp: m.updatedAt,
  sequence: m.version,
  start,
  end: addHours(start, DEFAULT_RULES.matchDurationMinutes / 60),
  status: m.status === 'postponed' ? ('TENTATIVE' as const) : ('CONFIRMED' as const),
});

/** Games whose time is still to be announced have no calendar entry yet. One language throughout. */
function toIcsEvent(m: MatchEntity, eventName: string, language: CalendarLanguage): IcsEvent[] {
  if (!m.startsAt) return [];
  const text = CALENDAR_TEXT[language];
  const home = named(language, m.homeTeam);
  const away = named(language, m.awayTeam);
  const played = PLAYED_STATUSES.includes(m.status) && m.homeScore !== null && m.awayScore !== null;
  const prefix = m.status === 'postponed' ? text.postponed : '';
  const suffix = m.status === 'forfeit' ? text.forfeit : '';
  const summary = `${prefix}${home} ${played ? `${m.homeScore}:${m.awayScore}` : text.versus} ${away}${suffix}`;
  const stage = [
    m.playoffSlot ? text.playoffs(m.playoffSlot) : m.group ? text.group(m.group) : '',
    m.round ? text.round(m.round) : '',
  ]
    .filter(Boolean)
    .join(text.separator);
  const venue = m.venue
    ? `${named(language, m.venue)}${m.court !== null ? ` · ${text.court(m.court)}` : ''}`
    : (m.venueLabel ?? undefined);
  return [
    {
      ...icsTiming(m, m.startsAt),
      summary,
      location: venue,
      description: [eventName, stage, text.starts(toChinaIso(m.startsAt))].filter(Boolean).join('\n'),
    },
  ];
}
