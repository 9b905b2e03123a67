import type { Schemas } from '@sailcourt/api-client';
import { type Locale, translate } from '$lib/i18n';
import { lotParams } from './lot-note';

/** A standings row's tie-break, as the API sends it (FIBA Appendix D criteria). */
export type TieBreak = Pick<Schemas['FibaTieBreakDto'], 'criterion' | 'tiedWith' | 'values' | 'lot'>;

const list = (locale: Locale, items: readonly string[]): string =>
  new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);

/** Differences carry their sign, as FIBA tables print them. */
const shown = (criterion: TieBreak['criterion'], value: number): string =>
  criterion.endsWith('-diff') && value > 0 ? `+${value}` : String(value);

/**
 * When the overall figures decide, head-to-head could not: say why ("have not met yet", "level on head-to-head"),
 * so the reader is not left wondering. `haveMet` tells whether two teams have played each other (a result stands).
 */
function headToHeadNote(
  locale: Locale,
  teamId: string,
  tieBreak: TieBreak,
  nameOf: (teamId: string) => string,
  haveMet?: (a: string, b: string) => boolean,
): string {
  if (!haveMet || !tieBreak.criterion.startsWith('overall-')) return '';
  const others = list(locale, tieBreak.tiedWith.map(nameOf));
  const met = tieBreak.tiedWith.some((other) => haveMet(teamId, other));
  return translate(locale, met ? 'competition.tie.levelHeadToHead' : 'competition.tie.notMet', { teams: others });
}

/**
 * Why a team sits where it does among the teams level with it on classification points, in the
 * reader's language, from the API's structured fields (its `explanation` is English only).
 * `nameOf` gives a team's name in that language.
 */
export function describeTieBreak(
  locale: Locale,
  teamId: string,
  tieBreak: TieBreak,
  rank: number,
  nameOf: (teamId: string) => string,
  haveMet?: (a: string, b: string) => boolean,
): string {
  const others = list(locale, tieBreak.tiedWith.map(nameOf));
  switch (tieBreak.criterion) {
    case 'lot':
      // Decided once the organizer records the draw; until then the teams share the rank.
      return tieBreak.lot
        ? translate(locale, 'competition.tie.lotDrawn', lotParams(locale, tieBreak.lot, tieBreak.tiedWith, others))
        : translate(locale, 'competition.tie.lot', { teams: others, rank });
    case 'level':
      return translate(locale, 'competition.tie.level', { teams: others, rank });
    case 'head-to-head-points':
    case 'head-to-head-diff':
    case 'head-to-head-scored':
    case 'overall-diff':
    case 'overall-scored': {
      const valueOf = (id: string) => tieBreak.values.find((v) => v.teamId === id)?.value ?? 0;
      const own = valueOf(teamId);
      const behind = tieBreak.tiedWith.filter((id) => valueOf(id) > own);
      const ahead = tieBreak.tiedWith.filter((id) => valueOf(id) < own);
      const criterion = translate(locale, `competition.tie.criterion.${tieBreak.criterion}`);
      const teams = (ids: string[]) => list(locale, ids.map(nameOf));
      const sentence =
        behind.length > 0 && ahead.length > 0
          ? translate(locale, 'competition.tie.between', { behind: teams(behind), ahead: teams(ahead), criterion })
          : behind.length > 0
            ? translate(locale, 'competition.tie.behind', { teams: teams(behind), criterion })
            : translate(locale, 'competition.tie.ahead', { teams: teams(ahead), criterion });
      const values = translate(locale, 'competition.tie.values', {
        own: shown(tieBreak.criterion, own),
        others: tieBreak.tiedWith
          .map((id) => shown(tieBreak.criterion, valueOf(id)))
          .join(locale === 'en' ? ', ' : '、'),
      });
      return `${headToHeadNote(locale, teamId, tieBreak, nameOf, haveMet)}${sentence}${values}`;
    }
  }
}
