/** iCalendar (RFC 5545) writing: just what published schedules need, by hand. */

export type IcsStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

export type IcsEvent = {
  /** Stable across publications, so calendar apps update the event instead of adding another. */
  uid: string;
  /** When this version of the event was last changed (written in UTC). */
  stamp: Date;
  /** Grows with each change (RFC 5545 §3.8.7.4), so subscribers take the new time. */
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  location?: string | undefined;
  description?: string | undefined;
  status?: IcsStatus | undefined;
};

export type IcsCalendar = { name: string; events: readonly IcsEvent[] };

/** Qingdao keeps UTC+08:00 all year; the definition travels with the feed so no client has to know it. */
const TZID = 'Asia/Shanghai';
const TIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
];
const OFFSET_MS = 8 * 3_600_000;

/** §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values. */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** §3.1: lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // Continuation lines start with a space, which counts toward their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utcStamp = (d: Date): string => `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
const localStamp = (d: Date): string =>
  new Date(d.getTime() + OFFSET_MS).toISOString().replace(/[-:]/g, '').slice(0, 15);

function eventLines(e: IcsEvent): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utcStamp(e.stamp)}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTART;TZID=${TZID}:${localStamp(e.start)}`,
    `DTEND;TZID=${TZID}:${localStamp(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    ...(e.status ? [`STATUS:${e.status}`] : []),
    'END:VEVENT',
  ];
}

export function toIcs(calendar: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sailcourt//Qingdao basketball season//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${TZID}`,
    ...TIMEZONE,
    ...calendar.events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
