// The seeded assumptions carry their units, notes and sources as English text (the data's own words).
// Pages show them through these tables in the reader's language; a text not listed (an organizer's own)
// is shown as written, marked with its language.
import type { MessageKey } from '$lib/i18n';

export const UNIT_LABELS: Record<string, MessageKey> = {
  persons: 'impact.dataUnit.persons',
  share: 'impact.dataUnit.share',
  'share of non-locals': 'impact.dataUnit.shareOfNonLocals',
  'share of overnight visitors': 'impact.dataUnit.shareOfOvernight',
  'accompanying persons per participant': 'impact.dataUnit.companionsPerParticipant',
  'accompanying persons per spectator': 'impact.dataUnit.companionsPerSpectator',
  'accompanying persons per person': 'impact.dataUnit.companionsPerPerson',
  'yuan of output per yuan of direct spending': 'impact.dataUnit.outputPerYuan',
  'yuan of income per yuan of direct spending': 'impact.dataUnit.incomePerYuan',
  admissions: 'impact.dataUnit.admissions',
  nights: 'impact.dataUnit.nights',
  days: 'impact.dataUnit.days',
  yuan: 'impact.dataUnit.yuan',
  'yuan per person per day': 'impact.dataUnit.yuanPerPersonDay',
  'yuan per bed-night': 'impact.dataUnit.yuanPerBedNight',
};

export const NOTE_LABELS: Record<string, MessageKey> = {
  'impact-model.md calibrated default': 'impact.dataNote.calibrated',
  'impact-model.md calibrated default (casuals and time-switchers)': 'impact.dataNote.calibratedCasuals',
  'impact-model.md calibrated default (parents, coaches of youth players)': 'impact.dataNote.calibratedParents',
  'impact-model.md calibrated default (season total over the 15 series events)': 'impact.dataNote.calibratedSeason',
  'companions of spectators are spectators themselves (already in admissions)':
    'impact.dataNote.companionsAreSpectators',
  'not given in impact-model.md; with 0.8 (the rest stay with friends, family or free team lodging) the model gives its ≈201 M yuan':
    'impact.dataNote.paidLodgingParticipants',
  'not given in impact-model.md; with 0.8 the model gives its ≈201 M yuan': 'impact.dataNote.paidLodging',
  "organisers' net local spend not reported; add it when Guoxin Group's figures are known":
    'impact.dataNote.organiserSpend',
  'participants travel for the event; none would have come anyway': 'impact.dataNote.participantsTravel',
  'referees, technical officials and media; not reported': 'impact.dataNote.officials',
  'season-level figure: admissions / days attended already gives unique persons': 'impact.dataNote.uniqueSpectators',
  'season-level figure: the 6,000 are already unique participants': 'impact.dataNote.uniqueParticipants',
  "split of impact-model.md's 600 yuan/day": 'impact.dataNote.split600',
  "split of impact-model.md's 600 yuan/day; reported under other": 'impact.dataNote.split600Other',
  "split of impact-model.md's 780 yuan/day": 'impact.dataNote.split780',
  "split of impact-model.md's 780 yuan/day; reported under other": 'impact.dataNote.split780Other',
};

export const SOURCE_LABELS: Record<string, MessageKey> = {
  'Shanghai tourism input–output study (income multiplier 0.65), cited in impact-model.md':
    'impact.dataSource.incomeMultiplier',
  'Shanghai tourism input–output study (output multiplier 2.89), cited in impact-model.md':
    'impact.dataSource.outputMultiplier',
  'Article: 2023 Qingdao Basketball Season, "more than 6,000 participants in total"':
    'impact.dataSource.articleParticipants',
};

/** A data text's label key, or null when it is an organizer's own words (shown as written). */
export const labelKey = (table: Record<string, MessageKey>, text: string | null | undefined): MessageKey | null =>
  text && Object.hasOwn(table, text) ? (table[text] ?? null) : null;
