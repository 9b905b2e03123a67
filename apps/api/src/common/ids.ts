const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/** Ids or slugs in paths: a slug never looks like a UUID, so one parameter can take either. */
export const idOrSlug = (value: string): { id: string } | { slug: string } =>
  isUuid(value) ? { id: value } : { slug: value };
