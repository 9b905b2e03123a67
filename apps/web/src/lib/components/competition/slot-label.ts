import { type Locale, translate } from '$lib/i18n';

/** A playoff slot code from the domain ('R1-M2', 'third-place') as words: "Semi-final 2", "半决赛第 2 场". */
export type SlotParts = { kind: 'third-place' } | { kind: 'main'; round: number; game: number };

export function parseSlot(slot: string): SlotParts | null {
  if (slot === 'third-place') return { kind: 'third-place' };
  const match = /^R(\d+)-M(\d+)$/.exec(slot);
  return match ? { kind: 'main', round: Number(match[1]), game: Number(match[2]) } : null;
}

/**
 * `teamsInRound` (8 = quarter-finals, 4 = semi-finals, 2 = final) names the round when known (the bracket knows
 * it); otherwise the round is given by number. An unknown code is shown as it is, so nothing is hidden.
 */
export function slotLabel(locale: Locale, slot: string, teamsInRound?: number): string {
  const parts = parseSlot(slot);
  if (!parts) return slot;
  if (parts.kind === 'third-place') return translate(locale, 'competition.bracket.thirdPlace');
  if (teamsInRound === 2) return translate(locale, 'competition.bracket.round.2');
  if (teamsInRound === 4 || teamsInRound === 8) {
    const round = translate(locale, teamsInRound === 4 ? 'competition.slot.semi' : 'competition.slot.quarter');
    return translate(locale, 'competition.slot.named', { round, game: parts.game });
  }
  return translate(locale, 'competition.slot.numbered', { round: parts.round, game: parts.game });
}
