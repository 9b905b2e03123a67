import {
  BasketballRuleError,
  CHINA_OFFSET,
  chinaDate,
  type MatchScheduleRules,
  type ScheduledMatchRef,
} from '@sailcourt/domain';
import { type FieldError, unprocessable } from '../../common/problem.js';
import type { EventEntity } from '../events/event.entity.js';
import type { MatchEntity } from './match.entity.js';

/** Used for manual games and as the schedule generator's defaults (each documented in OpenAPI). */
export const DEFAULT_RULES: MatchScheduleRules = {
  timeZoneOffset: CHINA_OFFSET,
  minRestHours: 12,
  matchDurationMinutes: 120,
};
/** Evening slots, as fans can come after work; two fit on one court with the default game length. */
export const DEFAULT_DAILY_SLOTS: readonly string[] = ['17:00', '19:30'];

const HOUR_MS = 3_600_000;

export const addHours = (instant: Date, hours: number): Date => new Date(instant.getTime() + hours * HOUR_MS);

/** How far either side of a game another game can still clash with it (same day, rest, court). */
export const clashReachHours = (rules: MatchScheduleRules): number =>
  24 + rules.minRestHours + rules.matchDurationMinutes / 60;

/** A game outside the event's days is a domain rule (422), checked on local calendar days. */
export function assertWithinEvent(
  event: Pick<EventEntity, 'startDate' | 'endDate'>,
  startsAt: Date,
  field = 'startsAt',
): void {
  const day = chinaDate(startsAt);
  if (day < event.startDate || day > event.endDate) {
    throw unprocessable(
      `The game falls on ${day}, outside the event (${event.startDate} – ${event.endDate}).`,
      [
        {
          field,
          message: `must fall within ${event.startDate} – ${event.endDate} (Asia/Shanghai)`,
          params: { start: event.startDate, end: event.endDate },
        },
      ],
      'match.outside-event',
    );
  }
}

/**
 * The domain compares venue and court strings. A game without a venue holds no court, so it gets
 * a key of its own that can never collide.
 */
export type ScheduleRefSource = Pick<
  MatchEntity,
  'id' | 'homeTeamId' | 'awayTeamId' | 'startsAt' | 'venueId' | 'court'
>;

export function toScheduleRef(m: ScheduleRefSource): ScheduledMatchRef | null {
  if (!m.startsAt) return null;
  return {
    id: m.id,
    homeTeamId: m.homeTeamId,
    awayTeamId: m.awayTeamId,
    startsAt: m.startsAt.toISOString(),
    venueId: m.venueId ?? `no-venue:${m.id}`,
    court: m.court === null ? '0' : String(m.court),
  };
}

/** Domain refusals of well-formed input are 422s; `field` names what the client should fix. */
export function ruleProblem(error: unknown, field: string): unknown {
  if (!(error instanceof BasketballRuleError)) return error;
  const errors: FieldError[] = [{ field, message: error.message }];
  return unprocessable(error.message, errors);
}
