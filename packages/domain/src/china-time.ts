/**
 * Qingdao's time is China Standard Time: UTC+08:00 all year, no daylight saving, so wall-clock texts
 * and instants convert with a fixed offset. The one definition the API, the web and the seeds use.
 */
export const CHINA_OFFSET = '+08:00';
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The instant as China's wall clock, `YYYY-MM-DDTHH:MM:SS` (no offset). */
export const chinaWallClock = (instant: Date | number): string =>
  new Date(+instant + CHINA_OFFSET_MS).toISOString().slice(0, 19);

/** The calendar day in China at the instant. */
export const chinaDate = (instant: Date | number): string => chinaWallClock(instant).slice(0, 10);

/** The instant in ISO 8601 with China's offset, as the contract's examples write instants. */
export const toChinaIso = (instant: Date | number): string => `${chinaWallClock(instant)}${CHINA_OFFSET}`;

/** Midnight that starts a China calendar day (`YYYY-MM-DD`). */
export const chinaDayStart = (date: string): Date => new Date(`${date}T00:00:00${CHINA_OFFSET}`);
