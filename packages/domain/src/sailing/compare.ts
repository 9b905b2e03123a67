// Internal helpers (not part of the public API).

/** Locale-independent string order, so results never depend on the server's locale. */
export function compareSailingIds(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/** Ascending order with nulls last. */
export function compareNullableAsc(a: number | null, b: number | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}
