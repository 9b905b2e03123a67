import { createHash, randomBytes } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import {
  CHINA_OFFSET,
  computeBoatProgress,
  type Course,
  distanceSailedNm,
  rankByDistanceToFinish,
  simplifyTrack,
  toChinaIso,
  type TrackFix,
} from '@sailcourt/domain';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { TRACKER_TOKEN_PREFIX, type Caller } from '../../common/auth.js';
import {
  type FieldError,
  ProblemException,
  badRequest,
  conflict,
  forbidden,
  notFound,
  unprocessable,
} from '../../common/problem.js';
import { flattenValidationErrors } from '../../common/validation.js';
import type { EntryEntity } from '../rallies/entry.entity.js';
import type { LegEntity } from '../rallies/leg.entity.js';
import { RalliesService } from '../rallies/rallies.service.js';
import type { RallyEntity } from '../rallies/rally.entity.js';
import {
  type CreateTrackerTokenDto,
  type CreatedTrackerTokenDto,
  type IngestResultDto,
  PositionInputDto,
  type ProgressRowDto,
  type RejectedRowDto,
  type TrackImportDto,
  type TrackImportQueryDto,
  type TrackPointDto,
  type TrackerTokenDto,
  type TracksQueryDto,
} from './dto/tracking.dto.js';
import type { PositionOrigin } from './position.entity.js';
import {
  type ParsedTrack,
  TrackFileError,
  type TimeWindow,
  parseCsvTrack,
  parseGpx,
  sniffFormat,
} from './track-files.js';
import type { StagedPoint, TrackImportEntity } from './track-import.entity.js';
import type { TrackerTokenEntity } from './tracker-token.entity.js';
import { LegTrackCache } from './leg-track-cache.js';
import { TrackingEvents } from './tracking.events.js';
import { type EntryTrack, type NewPosition, type StoredPosition, TrackingRepository } from './tracking.repository.js';

/** A feed batch; the JSON body limit (BODY_LIMIT) bounds it too. */
export const MAX_POSITION_ROWS = 1000;
/** A preview lists this many refused lines; the count says how many there were. */
const MAX_LISTED_REJECTIONS = 100;
/** Preview outline: about 0.2 nm, a pixel at the rally map's zoom. */
const OUTLINE_TOLERANCE_NM = 0.2;

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');
const iso = (ms: number | null): string | null => (ms === null ? null : toChinaIso(new Date(ms)));

/** The rally runs from its first day 00:00 to its last day 24:00, in the rally's time (UTC+08:00). */
function rallyWindow(rally: RallyEntity): TimeWindow {
  return {
    from: Date.parse(`${rally.startDate}T00:00:00${CHINA_OFFSET}`),
    to: Date.parse(`${rally.endDate}T23:59:59.999${CHINA_OFFSET}`),
  };
}

/** A leg's fixes: from its start until the next leg starts (or the rally ends). */
function legWindow(rally: RallyEntity, legs: readonly LegEntity[], leg: LegEntity): TimeWindow {
  const next = legs.find((l) => l.number > leg.number && l.startsAt.getTime() > leg.startsAt.getTime());
  return { from: leg.startsAt.getTime(), to: next ? next.startsAt.getTime() - 1 : rallyWindow(rally).to };
}

function courseOf(leg: LegEntity): Course {
  if (leg.fromLat === null || leg.fromLon === null || leg.toLat === null || leg.toLon === null) {
    throw unprocessable(
      `Leg ${leg.number} has no course yet: set its start and finish (PATCH /rallies/:id/legs/${leg.number}).`,
      [{ field: 'leg', message: 'has no start and finish coordinates' }],
    );
  }
  return {
    start: { lat: leg.fromLat, lon: leg.fromLon },
    waypoints: leg.waypoints,
    finish: leg.finishLine ?? { lat: leg.toLat, lon: leg.toLon },
  };
}

const toTokenDto = (t: TrackerTokenEntity): TrackerTokenDto => ({
  id: t.id,
  entryId: t.entryId,
  label: t.label,
  createdAt: toChinaIso(t.createdAt),
  expiresAt: t.expiresAt ? toChinaIso(t.expiresAt) : null,
  revokedAt: t.revokedAt ? toChinaIso(t.revokedAt) : null,
});

type ImportSummary = Omit<TrackImportDto, 'id' | 'entryId' | 'format' | 'fileName' | 'committedAt'>;
const toImportDto = (i: TrackImportEntity): TrackImportDto => ({
  id: i.id,
  entryId: i.entryId,
  format: i.format,
  fileName: i.fileName,
  // Imports staged before the note codes existed have none.
  ...({ noteCodes: [], repeatedInFile: 0, ...(i.summary as Partial<ImportSummary>) } as ImportSummary),
  committedAt: i.committedAt ? toChinaIso(i.committedAt) : null,
});

@Injectable()
export class TrackingService {
  constructor(
    private readonly rallies: RalliesService,
    private readonly tracking: TrackingRepository,
    private readonly events: TrackingEvents,
    private readonly legTracks: LegTrackCache,
  ) {}

  // ---- positions in ----

  /**
   * Stores a batch of fixes from an organizer's feed or one boat's tracker token. Each bad row is
   * refused alone and named; a fix already stored for the boat and instant counts as a duplicate.
   */
  async ingest(
    rallyKey: string,
    body: unknown,
    caller: Caller | undefined,
    linkToken: string | undefined,
  ): Promise<IngestResultDto> {
    const rally = await this.rallies.require(rallyKey);
    const scope = await this.authorizeFeed(rally, caller, linkToken);
    if (!Array.isArray(body))
      throw badRequest('The body must be a JSON array of positions.', [{ field: 'body', message: 'must be an array' }]);
    if (body.length > MAX_POSITION_ROWS)
      throw badRequest(`A batch may hold at most ${MAX_POSITION_ROWS} positions.`, [
        { field: 'body', message: `has more than ${MAX_POSITION_ROWS} rows` },
      ]);
    const entries = new Set((await this.rallies.entries(rally.id)).map((e) => e.id));
    const window = rallyWindow(rally);
    const rejected: RejectedRowDto[] = [];
    const valid: NewPosition[] = [];
    const outOfScope: number[] = [];
    for (const [index, item] of body.entries()) {
      const errors = await rowErrors(item);
      const row = item as PositionInputDto;
      if (errors.length === 0) {
        if (scope.entryId && row.entryId !== scope.entryId) outOfScope.push(index);
        const at = Date.parse(row.at);
        if (!entries.has(row.entryId)) errors.push({ field: 'entryId', message: 'is not an entry of this rally' });
        if (at < window.from || at > window.to)
          errors.push({
            field: 'at',
            message: `is outside the rally (${rally.startDate} to ${rally.endDate}, UTC${CHINA_OFFSET})`,
          });
        if (errors.length === 0)
          valid.push({
            entryId: row.entryId,
            at,
            lat: row.lat,
            lon: row.lon,
            sogKn: row.sogKn ?? null,
            cogDeg: row.cogDeg ?? null,
          });
      }
      if (errors.length > 0) rejected.push({ index, errors });
    }
    if (outOfScope.length > 0) {
      throw forbidden(
        `This tracker token posts positions for its own boat only; rows ${outOfScope.join(', ')} name another entry. Nothing was stored.`,
      );
    }
    const accepted = await this.tracking.insertPositions(rally.id, valid, scope.origin);
    if (accepted > 0) await this.announce(rally.id, valid);
    return { accepted, duplicates: valid.length - accepted, rejected };
  }

  private async authorizeFeed(
    rally: RallyEntity,
    caller: Caller | undefined,
    linkToken: string | undefined,
  ): Promise<{ origin: PositionOrigin; entryId?: string }> {
    if (caller?.role === 'organizer') return { origin: 'feed' };
    if (caller) throw forbidden('Positions come from organizers or from a boat’s tracker token.');
    if (!linkToken)
      throw new ProblemException(
        HttpStatus.UNAUTHORIZED,
        'Send an organizer’s access token or a tracker token: Authorization: Bearer <token>.',
      );
    const token = await this.tracking.tokenByHash(sha256(linkToken));
    const now = Date.now();
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt.getTime() <= now)) {
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'The tracker token is unknown, revoked or expired.');
    }
    if (token.rallyId !== rally.id) throw forbidden('This tracker token belongs to another rally.');
    return { origin: 'tracker', entryId: token.entryId };
  }

  /** Tells the live publisher (if any) which boats moved; see TrackingEvents. */
  private async announce(rallyId: string, positions: readonly NewPosition[]): Promise<void> {
    const latest = positions.reduce((max, p) => Math.max(max, p.at), 0);
    await this.events.positionsAccepted({
      rallyId,
      entryIds: [...new Set(positions.map((p) => p.entryId))],
      latestAt: iso(latest) ?? '',
    });
  }

  // ---- progress out ----

  /** A rally's id from its id or slug (404 when unknown), e.g. to attach a tracker stream. */
  async rallyId(rallyKey: string): Promise<string> {
    return (await this.rallies.require(rallyKey)).id;
  }

  /**
   * The leaderboard of a leg at an instant (default now): each boat's last fix at or before it, DTF
   * through the marks not yet passed, finished boats first. Public; the live publisher can call it.
   */
  async progress(rallyKey: string, legNumber: string, at?: string): Promise<ProgressRowDto[]> {
    const rally = await this.rallies.require(rallyKey);
    const [legs, entries] = await Promise.all([this.rallies.legs(rally.id), this.rallies.entries(rally.id)]);
    const leg = legs.find((l) => String(l.number) === legNumber);
    if (!leg) throw notFound('leg', legNumber);
    const course = courseOf(leg);
    const instant = at ? Date.parse(at) : Date.now();
    const window = legWindow(rally, legs, leg);
    const until = Math.min(instant, window.to);
    // The whole leg is read (and cached by version); the domain uses the fixes up to the instant.
    const tracks =
      until < window.from
        ? new Map<string, EntryTrack>()
        : await this.legTracks.tracks(
            rally.id,
            leg.id,
            entries.map((e) => e.id),
            new Date(window.from),
            new Date(window.to),
          );
    const boats = entries.map((entry) => {
      const track = tracks.get(entry.id);
      const progress = computeBoatProgress(course, track?.fixes ?? [], instant);
      return {
        id: entry.id,
        entry,
        progress,
        finishedAt: progress.finishedAt,
        dtfNm: progress.dtfNm,
        illustrative: track?.illustrative ?? false,
      };
    });
    return rankByDistanceToFinish(boats).map((b) => toProgressRow(b.entry, b));
  }

  /** Positions, oldest first; by leg and boat; simplified for drawing when a tolerance is given. */
  async tracks(rallyKey: string, query: TracksQueryDto): Promise<TrackPointDto[]> {
    const rally = await this.rallies.require(rallyKey);
    const [legs, entries] = await Promise.all([this.rallies.legs(rally.id), this.rallies.entries(rally.id)]);
    let window = rallyWindow(rally);
    if (query.leg !== undefined) {
      const leg = legs.find((l) => l.number === query.leg);
      if (!leg) throw notFound('leg', String(query.leg));
      window = legWindow(rally, legs, leg);
    }
    const entryIds = query.entryId
      ? entries.filter((e) => e.id === query.entryId).map((e) => e.id)
      : entries.map((e) => e.id);
    if (query.entryId && entryIds.length === 0) throw notFound('entry', query.entryId);
    const tolerance = query.toleranceNm ?? 0;
    if (tolerance > 0) {
      // Simplified for drawing: from the per-boat arrays, and only the kept points are formatted.
      const tracks = await this.legTracks.tracks(
        rally.id,
        `tracks:${query.leg ?? 'all'}`,
        entryIds,
        new Date(window.from),
        new Date(window.to),
      );
      const kept = [...tracks.entries()].flatMap(([entryId, track]) =>
        simplifyTrack(track.fixes, tolerance).map((f) => ({ ...f, entryId, origin: f.origin ?? 'feed' })),
      );
      return kept.sort(oldestFirst).map(toTrackPointDto);
    }
    const positions = await this.tracking.positions(entryIds, new Date(window.from), new Date(window.to));
    return positions.sort(oldestFirst).map(toTrackPointDto);
  }

  // ---- tracker tokens ----

  async createToken(rallyKey: string, entryId: string, input: CreateTrackerTokenDto): Promise<CreatedTrackerTokenDto> {
    const { rally, entry } = await this.requireEntry(rallyKey, entryId);
    const token = `${TRACKER_TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
    const saved = await this.tracking.insertToken({
      rallyId: rally.id,
      entryId: entry.id,
      tokenHash: sha256(token),
      label: input.label?.trim() ?? null,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      revokedAt: null,
    });
    return { ...toTokenDto(saved), token };
  }

  async listTokens(rallyKey: string, entryId: string): Promise<TrackerTokenDto[]> {
    const { entry } = await this.requireEntry(rallyKey, entryId);
    return (await this.tracking.tokens(entry.id)).map(toTokenDto);
  }

  async revokeToken(rallyKey: string, entryId: string, tokenId: string): Promise<void> {
    const { entry } = await this.requireEntry(rallyKey, entryId);
    const revoked = /^[0-9a-f-]{36}$/i.test(tokenId) ? await this.tracking.revokeToken(entry.id, tokenId) : null;
    if (!revoked) throw notFound('tracker token', tokenId);
  }

  // ---- file imports: preview, then commit ----

  /** Reads a GPX or CSV file and stages its points for a preview; no position is stored yet. */
  async stageImport(
    rallyKey: string,
    entryId: string,
    bytes: Buffer | undefined,
    contentType: string | undefined,
    query: TrackImportQueryDto,
  ): Promise<TrackImportDto> {
    const { rally, entry } = await this.requireEntry(rallyKey, entryId);
    if (!bytes || bytes.length === 0) {
      throw badRequest('Send the file itself as the request body (Content-Type text/csv or application/gpx+xml).', [
        { field: 'body', message: 'is empty' },
      ]);
    }
    const format = query.format ?? sniffFormat(bytes, contentType);
    let parsed: ParsedTrack;
    try {
      parsed =
        format === 'gpx'
          ? parseGpx(bytes, rallyWindow(rally))
          : parseCsvTrack(bytes, query.encoding, rallyWindow(rally));
    } catch (error) {
      if (error instanceof TrackFileError) throw unprocessable(error.message, error.errors, error.code);
      throw error;
    }
    if (parsed.points.length === 0) {
      const first = parsed.rejected
        .slice(0, 10)
        .flatMap((r) => r.errors.map((e) => ({ ...e, field: `${r.index}.${e.field}` })));
      throw unprocessable(
        `No usable track point in the file (${parsed.rejected.length} refused). Nothing was stored.`,
        first.length > 0 ? first : [{ field: 'file', message: 'has no track points', code: 'track-file.no-points' }],
        'track-file.no-points',
      );
    }
    const points = uniqueByInstant(parsed.points);
    const duplicatesInFile = parsed.points.length - points.length;
    const alreadyStored = await this.tracking.countExisting(
      entry.id,
      points.map((p) => p[0]),
    );
    const fixes: TrackFix[] = points.map(([at, lat, lon]) => ({ at, lat, lon }));
    const summary: ImportSummary = {
      encoding: parsed.encoding,
      points: points.length,
      duplicates: alreadyStored + duplicatesInFile,
      rejected: parsed.rejected.slice(0, MAX_LISTED_REJECTIONS),
      rejectedCount: parsed.rejected.length,
      firstAt: iso(points[0]?.[0] ?? null),
      lastAt: iso(points[points.length - 1]?.[0] ?? null),
      distanceNm: Math.round(distanceSailedNm(fixes) * 10) / 10,
      notes:
        duplicatesInFile > 0
          ? [...parsed.notes, `${duplicatesInFile} points repeat an instant of the file and are skipped.`]
          : parsed.notes,
      noteCodes: parsed.noteCodes,
      repeatedInFile: duplicatesInFile,
      outline: simplifyTrack(fixes, OUTLINE_TOLERANCE_NM)
        .slice(0, 2000)
        .map((f) => [f.lat, f.lon]),
    };
    const staged = await this.tracking.insertImport({
      rallyId: rally.id,
      entryId: entry.id,
      format: parsed.format,
      fileName: query.fileName ?? null,
      points,
      summary: summary as unknown as Record<string, unknown>,
      committedAt: null,
    });
    return toImportDto(staged);
  }

  async getImport(rallyKey: string, importId: string): Promise<TrackImportDto> {
    return toImportDto(await this.requireImport(rallyKey, importId));
  }

  /** Stores a staged import's points (once: a second commit is 409). */
  async commitImport(rallyKey: string, importId: string): Promise<IngestResultDto> {
    const staged = await this.requireImport(rallyKey, importId);
    const origin: PositionOrigin = staged.format;
    const result = await this.tracking.commitImport(staged.id, (points, entryId) =>
      this.tracking.insertPositions(
        staged.rallyId,
        points.map(([at, lat, lon, sogKn, cogDeg]) => ({ entryId, at, lat, lon, sogKn, cogDeg })),
        origin,
      ),
    );
    if (!result)
      throw conflict('This import is already committed.', [{ field: 'importId', message: 'already committed' }]);
    if (result.inserted > 0) {
      const latest = staged.points.reduce((max, p) => Math.max(max, p[0]), 0);
      await this.events.positionsAccepted({
        rallyId: staged.rallyId,
        entryIds: [staged.entryId],
        latestAt: iso(latest) ?? '',
      });
    }
    return { accepted: result.inserted, duplicates: result.total - result.inserted, rejected: [] };
  }

  private async requireImport(rallyKey: string, importId: string): Promise<TrackImportEntity> {
    const rally = await this.rallies.require(rallyKey);
    const staged = /^[0-9a-f-]{36}$/i.test(importId) ? await this.tracking.findImport(rally.id, importId) : null;
    if (!staged) throw notFound('track import', importId);
    return staged;
  }

  private async requireEntry(rallyKey: string, entryId: string): Promise<{ rally: RallyEntity; entry: EntryEntity }> {
    const rally = await this.rallies.require(rallyKey);
    const entry = (await this.rallies.entries(rally.id)).find((e) => e.id === entryId);
    if (!entry) throw notFound('entry', entryId);
    return { rally, entry };
  }
}

const oldestFirst = (a: { at: number; entryId: string }, b: { at: number; entryId: string }): number =>
  a.at - b.at || a.entryId.localeCompare(b.entryId);

/** The same checks as the global pipe, per row, so that one bad row is refused alone. */
async function rowErrors(item: unknown): Promise<FieldError[]> {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    return [{ field: 'row', message: 'must be an object' }];
  const row = plainToInstance(PositionInputDto, item);
  const errors = await validate(row, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  return flattenValidationErrors(errors);
}

/** Sorted by time, one point per instant (the first in the file wins). */
function uniqueByInstant(points: readonly StagedPoint[]): StagedPoint[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  return sorted.filter((p, i) => i === 0 || p[0] !== (sorted[i - 1] as StagedPoint)[0]);
}

type RankedProgress = {
  rank: number | null;
  dtlNm: number | null;
  illustrative: boolean;
  progress: ReturnType<typeof computeBoatProgress>;
};

const round = (value: number | null, digits = 1): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

function toTrackPointDto(p: StoredPosition): TrackPointDto {
  return {
    entryId: p.entryId,
    at: iso(p.at) ?? '',
    lat: p.lat,
    lon: p.lon,
    sogKn: p.sogKn,
    cogDeg: p.cogDeg,
    origin: p.origin,
  };
}

function toProgressRow(entry: EntryEntity, b: RankedProgress): ProgressRowDto {
  const p = b.progress;
  return {
    rank: b.rank,
    entryId: entry.id,
    boatName: entry.boatName,
    sailNumber: entry.sailNumber,
    teamName: entry.team?.name ?? '',
    teamNameEn: entry.team?.nameEn ?? null,
    at: iso(p.last?.at ?? null),
    lat: p.last?.lat ?? null,
    lon: p.last?.lon ?? null,
    dtfNm: round(p.dtfNm),
    dtlNm: round(b.dtlNm),
    sogKn: round(p.sogKn),
    etaAt: iso(p.etaAt),
    finishedAt: iso(p.finishedAt),
    nextWaypoint: p.nextWaypoint,
    distanceSailedNm: round(p.distanceSailedNm) ?? 0,
    illustrative: b.illustrative,
  };
}
