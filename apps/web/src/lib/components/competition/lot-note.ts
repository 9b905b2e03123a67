import type { Schemas } from '@sailcourt/api-client';
import { formatDateTime, type Locale } from '$lib/i18n';

/** A recorded lot as the standings send it with a tie-break decided by lot. */
export type LotNote = Schemas['DrawnLotNoteDto'];

/** The parameters both rulesets' "decided by lot" sentences take: who recorded it, when (local time), the place drawn. */
export function lotParams(
  locale: Locale,
  lot: LotNote,
  tiedWith: readonly string[],
  teams: string,
): { teams: string; by: string; at: string; drawn: number; count: number } {
  return {
    teams,
    by: lot.recordedBy,
    at: formatDateTime(locale, lot.recordedAt),
    drawn: lot.drawn,
    count: tiedWith.length + 1,
  };
}
