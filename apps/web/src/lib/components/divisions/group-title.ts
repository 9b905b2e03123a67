import { name, t } from '$lib/i18n/page';

type Named = { id: string; name: string; nameEn: string | null };

/** A standings group's title: the group, prefixed by its division when the event has divisions (each ranks on its own). */
export function groupTitle(group: { name: string; divisionId: string | null }, divisions: readonly Named[]): string {
  const plain = group.name ? t('competition.standings.group', { group: group.name }) : t('competition.standings.title');
  const division = group.divisionId ? divisions.find((d) => d.id === group.divisionId) : undefined;
  if (!division) return plain;
  const divisionName = name(division.name, division.nameEn);
  return group.name ? t('division.groupTitle', { division: divisionName, group: plain }) : divisionName;
}

/** Keyed-each key: group names repeat across divisions. */
export const groupKey = (group: { name: string; divisionId: string | null }): string =>
  `${group.divisionId ?? ''}/${group.name}`;
