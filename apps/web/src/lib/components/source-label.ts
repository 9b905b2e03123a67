import type { MessageKey } from '$lib/i18n';

/**
 * A seeded record's `source` is a citation written for maintainers ("Qingdao Daily, 2023-07-05, item 2 … (seed/….txt)").
 * Readers get it named in their language; the citation itself stays available as the element's title.
 */
const KNOWN_SOURCES: { pattern: RegExp; key: MessageKey }[] = [
  { pattern: /^Qingdao Daily, 2023-07-05, item 2\b.*venue: public reports/, key: 'source.dailyAndReports' },
  { pattern: /^Qingdao Daily, 2023-07-05, item 2\b/, key: 'source.dailyItem2' },
  { pattern: /^Qingdao Daily, 2023-07-05, item 4\b/, key: 'source.dailyItem4' },
  { pattern: /^Qingdao Daily, 2023-07-05\b/, key: 'source.daily' },
  { pattern: /^public reports, June–July 2023/, key: 'source.publicReports' },
];

export function sourceLabelKey(source: string): MessageKey | null {
  return KNOWN_SOURCES.find((known) => known.pattern.test(source))?.key ?? null;
}
