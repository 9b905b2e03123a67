import type { MessageKey } from '$lib/i18n';

/**
 * Words for the record fields the seeds mark illustrative, so a screen reader hears "time, venue, score",
 * never "startsAt, venueId, homeScore". Fields without a word (internal ones) are left out.
 */
const FIELD_WORDS: Record<string, MessageKey> = {
  startsAt: 'field.time',
  startDate: 'field.dates',
  endDate: 'field.dates',
  venueId: 'field.venue',
  venueSlug: 'field.venue',
  venueName: 'field.venue',
  court: 'field.court',
  courts: 'field.court',
  status: 'field.status',
  homeScore: 'field.score',
  awayScore: 'field.score',
  capacity: 'field.capacity',
  seats: 'field.capacity',
  city: 'field.city',
  cityEn: 'field.city',
  cities: 'field.city',
  name: 'field.name',
  nameEn: 'field.name',
  sailNumber: 'field.sailNumber',
  boatName: 'field.boatName',
  distanceNm: 'field.distance',
  participantTarget: 'field.participantTarget',
  registrationMode: 'field.registrationMode',
  rosterMin: 'field.rosterSize',
  rosterMax: 'field.rosterSize',
  kind: 'field.kind',
  description: 'field.description',
  descriptionEn: 'field.description',
  lat: 'field.position',
  lon: 'field.position',
  dailySlots: 'field.time',
};

/** The distinct words, in the order the fields came, for the record's illustrative fields. */
export function illustrativeFieldKeys(fields: readonly string[]): MessageKey[] {
  return [...new Set(fields.flatMap((field) => (FIELD_WORDS[field] ? [FIELD_WORDS[field]] : [])))];
}
