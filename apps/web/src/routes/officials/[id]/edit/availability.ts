/** One availability window a line: `2023-07-15 08:00 – 2023-07-15 18:00`, or `2023-07-15 08:00 – 18:00` within a day (China Standard Time). */
const LINE =
  /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})\s*(?:–|—|-|~|至|到)\s*(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2}:\d{2})$/;

export type Window = { startsAt: string; endsAt: string };

const instant = (day: string, time: string): string => `${day}T${time.padStart(5, '0')}:00+08:00`;

/** The windows typed, or the first line that is not one (1-based). */
export function parseAvailability(text: string): { ok: true; windows: Window[] } | { ok: false; line: number } {
  const windows: Window[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const m = LINE.exec(line);
    if (!m) return { ok: false, line: i + 1 };
    const [, startDay = '', startTime = '', endDay, endTime = ''] = m;
    windows.push({ startsAt: instant(startDay, startTime), endsAt: instant(endDay ?? startDay, endTime) });
  }
  return { ok: true, windows };
}

/** The stored windows as the form shows them (the API answers in +08:00). */
export function formatAvailability(windows: readonly Window[]): string {
  const parts = (iso: string) => ({ day: iso.slice(0, 10), time: iso.slice(11, 16) });
  return windows
    .map((w) => {
      const from = parts(w.startsAt);
      const to = parts(w.endsAt);
      return `${from.day} ${from.time} – ${to.day === from.day ? '' : `${to.day} `}${to.time}`;
    })
    .join('\n');
}
