// Times in a rally are Qingdao times (UTC+8 all year, no daylight saving), so a wall-clock text and an
// instant convert with a fixed offset.
import { CHINA_OFFSET, chinaWallClock } from '@sailcourt/domain';

/** Elapsed or corrected time as h:mm:ss; hours run past 24 on long legs. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.round(totalSeconds);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** An instant as the Qingdao wall clock `YYYY-MM-DD HH:MM:SS`, the way organizers type it. */
export function qingdaoWallClock(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return chinaWallClock(ms).replace('T', ' ');
}

const WALL_CLOCK = /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A Qingdao wall-clock time (`2023-06-21 17:30:00`, `2023-06-21T17:30` from datetime-local, seconds
 * optional) as an instant with the +08:00 offset; null when it is not a real date and time.
 */
export function parseQingdaoTime(text: string): string | null {
  const match = WALL_CLOCK.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}${CHINA_OFFSET}`;
}

/** Points as sailors write them: whole or with the decimals a shared place or coefficient gives (3.5). */
export const roundPoints = (points: number): number => Math.round(points * 1e6) / 1e6;
