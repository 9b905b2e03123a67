import { describeError, type FieldError } from '$lib/components/registration/form-errors';
import { formatDate, type Locale, pickName, translate } from '$lib/i18n';
import { localTime, type Match } from './schedule.js';

export type ClashKind = 'team-same-day' | 'team-rest' | 'court-busy';
export type Clash = { kind: ClashKind; matchId: string; teamId: string | null };

/** The game an API clash names, as much as the page needs to name it in words. */
export type ClashingMatch = Pick<Match, 'id' | 'homeTeamId' | 'homeTeamName' | 'homeTeamNameEn' | 'awayTeamId' | 'awayTeamName' | 'awayTeamNameEn' | 'startsAt' | 'court'>;

const CLASH = /^(team-same-day|team-rest|court-busy) with match ([0-9a-f-]{36}): (?:([0-9a-f-]{36}) (?:already plays|would have))?/i;

/** `team-same-day with match <id>: <teamId> already plays …` as the API writes a 409 clash. */
export function parseClash(message: string): Clash | null {
  const m = CLASH.exec(message);
  if (!m) return null;
  return { kind: m[1] as ClashKind, matchId: m[2] ?? '', teamId: m[3] ?? null };
}

export const clashIds = (errors: readonly FieldError[]): string[] => [...new Set(errors.flatMap((e) => parseClash(e.message)?.matchId ?? []))];

/** "Aug 15 20:00 Guangdong v Liaoning" */
export function matchLabel(locale: Locale, m: ClashingMatch): string {
  const home = pickName(locale, m.homeTeamName, m.homeTeamNameEn);
  const away = pickName(locale, m.awayTeamName, m.awayTeamNameEn);
  if (!m.startsAt) return translate(locale, 'competition.match.teams', { home, away });
  return translate(locale, 'competition.clash.label', { date: formatDate(locale, m.startsAt), time: localTime(m.startsAt), home, away });
}

/**
 * One API field error of a game's form in the reader's language. The API writes English; the rules
 * this page knows get their own text, and a clash names the other game (looked up by the action).
 */
export function describeMatchError(locale: Locale, error: FieldError, clashing: readonly ClashingMatch[] = []): string {
  const m = error.message;
  const clash = parseClash(m);
  if (clash) {
    const other = clashing.find((c) => c.id === clash.matchId);
    const match = other ? matchLabel(locale, other) : clash.matchId;
    const team = clash.teamId && other ? (clash.teamId === other.homeTeamId ? pickName(locale, other.homeTeamName, other.homeTeamNameEn) : pickName(locale, other.awayTeamName, other.awayTeamNameEn)) : '';
    return translate(locale, `competition.clash.${clash.kind}`, { match, team });
  }
  if (/^equals (home|away)Score$/.test(m)) return translate(locale, 'competition.error.level');
  if (/^is stale/.test(m)) return translate(locale, 'competition.error.stale');
  if (/must not be less than 0/.test(m)) return translate(locale, 'competition.error.negative');
  if (/must be an integer number/.test(m)) return translate(locale, 'competition.error.integer');
  const max = /must not be greater than (\d+)/.exec(m);
  if (max) return translate(locale, 'competition.error.max', { max: max[1] ?? '' });
  if (/^is required \(or send forfeitedBy/.test(m)) return translate(locale, 'competition.error.scoreRequired');
  if (/^cannot be sent with scores/.test(m)) return translate(locale, 'competition.error.forfeitWithScores');
  const within = /^must fall within (\S+) – (\S+)/.exec(m);
  if (within) return translate(locale, 'competition.error.outsideEvent', { start: within[1] ?? '', end: within[2] ?? '' });
  const courts = /^must be between 1 and (\d+)/.exec(m);
  if (courts) return translate(locale, 'competition.error.courtRange', { max: courts[1] ?? '' });
  if (/must hold HH:MM times/.test(m)) return translate(locale, 'competition.error.slots');
  const groups = /^must be at most (\d+)/.exec(m);
  if (error.field === 'groups' && groups) return translate(locale, 'competition.error.groups', { max: groups[1] ?? '' });
  if (/^is needed$/.test(m) && error.field === 'replace') return translate(locale, 'competition.error.replaceNeeded');
  if (/^is postponed$/.test(m)) return translate(locale, 'competition.error.postponed');
  if (/^needs a date and a time$/.test(m)) return translate(locale, 'competition.error.dateTime');
  const text = describeError(error);
  return `${translate(locale, text.key, text.params)}${text.raw ? `: ${text.raw}` : ''}`;
}

/** A form's field in a list of games: the API's field name plus the game, so ids stay unique on the page. */
export const rowFieldId = (field: string, matchId: string): string => `${field}-${matchId}`;

/** Attributes that tie an input to the error printed beside it (the errors carry the API's field names). */
export function fieldAttrs(errors: readonly FieldError[] | undefined, field: string, id: string, hint?: string): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string } {
  const invalid = (errors ?? []).some((e) => e.field === field);
  const describedBy = [invalid ? `${id}-error` : '', hint ?? ''].filter(Boolean).join(' ');
  return { ...(invalid ? { 'aria-invalid': 'true' as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) };
}
