import { formatDate, type Locale, pickName, translate } from '$lib/i18n';
import type { FieldError } from '$lib/components/registration/form-errors';

export type OfficialClashKind = 'overlap' | 'travel' | 'affiliated' | 'unavailable' | 'role' | 'already-assigned';
const KINDS: readonly OfficialClashKind[] = [
  'overlap',
  'travel',
  'affiliated',
  'unavailable',
  'role',
  'already-assigned',
];

/** A game as the board lists it, enough to name it in a sentence. */
export type NamedGame = {
  matchId: string;
  startsAt: string | null;
  homeTeamName: string;
  homeTeamNameEn: string | null;
  awayTeamName: string;
  awayTeamNameEn: string | null;
};

/** The API says `overlap with match <id>: <name> …`; the kind and the other game are what the reader needs. */
export function parseOfficialClash(message: string): { kind: OfficialClashKind; matchId: string | null } | null {
  const m = /^([a-z-]+)(?: with match ([0-9a-f-]{36}))?:/.exec(message);
  const kind = KINDS.find((k) => k === m?.[1]);
  return kind ? { kind, matchId: m?.[2] ?? null } : null;
}

function gameLabel(locale: Locale, game: NamedGame | undefined, fallback: string): string {
  if (!game) return fallback;
  const when = game.startsAt
    ? `${formatDate(locale, game.startsAt, { month: 'short', day: 'numeric' })} ${game.startsAt.slice(11, 16)} `
    : '';
  return `${when}${translate(locale, 'officials.game.teams', { home: pickName(locale, game.homeTeamName, game.homeTeamNameEn), away: pickName(locale, game.awayTeamName, game.awayTeamNameEn) })}`;
}

/** One refused assignment in the reader's language, naming the other game by time and teams. */
export function describeOfficialClash(
  locale: Locale,
  error: FieldError,
  official: string,
  games: readonly NamedGame[],
  buffer: number,
): string {
  const clash = parseOfficialClash(error.message);
  if (!clash) return translate(locale, 'officials.clash.other', { detail: error.message });
  const game = gameLabel(
    locale,
    games.find((g) => g.matchId === clash.matchId),
    clash.matchId ?? '',
  );
  return translate(locale, `officials.clash.${clash.kind}`, { official, game, buffer });
}
