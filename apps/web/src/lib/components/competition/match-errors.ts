import { describeError, type FieldError } from '$lib/components/registration/form-errors';
import { formatDate, type Locale, pickName, translate } from '$lib/i18n';
import { localTime, type Match } from './schedule.js';

export type ClashKind = 'team-same-day' | 'team-rest' | 'court-busy';
export type Clash = { kind: ClashKind; matchId: string; teamId: string | null };

/** The game an API clash names, as much as the page needs to name it in words. */
export type ClashingMatch = Pick<
  Match,
  | 'id'
  | 'homeTeamId'
  | 'homeTeamName'
  | 'homeTeamNameEn'
  | 'awayTeamId'
  | 'awayTeamName'
  | 'awayTeamNameEn'
  | 'startsAt'
  | 'court'
>;

const CLASH_KINDS: readonly string[] = ['team-same-day', 'team-rest', 'court-busy'] satisfies ClashKind[];

/** A 409 clash as the API reports it: code `match.clash`, params {kind, matchId, teamId?}. */
export function clashOf(error: FieldError): Clash | null {
  if (error.code !== 'match.clash') return null;
  const kind = String(error.params?.kind ?? '');
  const matchId = String(error.params?.matchId ?? '');
  if (!CLASH_KINDS.includes(kind) || !matchId) return null;
  return {
    kind: kind as ClashKind,
    matchId,
    teamId: error.params?.teamId === undefined ? null : String(error.params.teamId),
  };
}

export const clashIds = (errors: readonly FieldError[]): string[] => [
  ...new Set(errors.flatMap((e) => clashOf(e)?.matchId ?? [])),
];

/** "Aug 15 20:00 Guangdong v Liaoning" */
export function matchLabel(locale: Locale, m: ClashingMatch): string {
  const home = pickName(locale, m.homeTeamName, m.homeTeamNameEn);
  const away = pickName(locale, m.awayTeamName, m.awayTeamNameEn);
  if (!m.startsAt) return translate(locale, 'competition.match.teams', { home, away });
  return translate(locale, 'competition.clash.label', {
    date: formatDate(locale, m.startsAt),
    time: localTime(m.startsAt),
    home,
    away,
  });
}

/**
 * One API field error of a game's form in the reader's language, chosen by its stable `code`; a
 * clash names the other game (looked up by the action).
 */
export function describeMatchError(locale: Locale, error: FieldError, clashing: readonly ClashingMatch[] = []): string {
  const clash = clashOf(error);
  if (clash) {
    const other = clashing.find((c) => c.id === clash.matchId);
    const match = other ? matchLabel(locale, other) : clash.matchId;
    const team =
      clash.teamId && other
        ? clash.teamId === other.homeTeamId
          ? pickName(locale, other.homeTeamName, other.homeTeamNameEn)
          : pickName(locale, other.awayTeamName, other.awayTeamNameEn)
        : '';
    return translate(locale, `competition.clash.${clash.kind}`, { match, team });
  }
  const p = (name: string): string | number => error.params?.[name] ?? '';
  switch (error.code ?? '') {
    case 'result.level-score':
      return translate(locale, 'competition.error.level');
    case 'match.stale':
    case 'impact.stale':
      return translate(locale, 'competition.error.stale');
    case 'validation.min':
      if (Number(p('limit')) === 0) return translate(locale, 'competition.error.negative');
      break;
    case 'validation.is-int':
      return translate(locale, 'competition.error.integer');
    case 'validation.max':
      return translate(locale, 'competition.error.max', { max: p('limit') });
    case 'result.score-required':
      return translate(locale, 'competition.error.scoreRequired');
    case 'result.forfeit-with-scores':
      return translate(locale, 'competition.error.forfeitWithScores');
    case 'match.outside-event':
      return translate(locale, 'competition.error.outsideEvent', { start: p('start'), end: p('end') });
    case 'match.court-range':
      return translate(locale, 'competition.error.courtRange', { max: p('max') });
    case 'validation.matches':
      if (error.field === 'slots') return translate(locale, 'competition.error.slots');
      break;
    case 'schedule.groups':
      return translate(locale, 'competition.error.groups', { count: p('max') });
    case 'schedule.replace-needed':
      return translate(locale, 'competition.error.replaceNeeded');
    case 'match.postponed':
      return translate(locale, 'competition.error.postponed');
    case 'match.date-time-required':
      return translate(locale, 'competition.error.dateTime');
    default:
      break;
  }
  const text = describeError(error);
  return `${translate(locale, text.key, text.params)}${text.raw ? `: ${text.raw}` : ''}`;
}

/** A form's field in a list of games: the API's field name plus the game, so ids stay unique on the page. */
export const rowFieldId = (field: string, matchId: string): string => `${field}-${matchId}`;

/** Attributes that tie an input to the error printed beside it (the errors carry the API's field names). */
export function fieldAttrs(
  errors: readonly FieldError[] | undefined,
  field: string,
  id: string,
  hint?: string,
): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string } {
  const invalid = (errors ?? []).some((e) => e.field === field);
  const describedBy = [invalid ? `${id}-error` : '', hint ?? ''].filter(Boolean).join(' ');
  return {
    ...(invalid ? { 'aria-invalid': 'true' as const } : {}),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
  };
}
