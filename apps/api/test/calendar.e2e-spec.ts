import { beforeAll, describe, expect, it } from 'vitest';
import { escapeText, foldLine } from '../src/common/ics.js';
import {
  at,
  createLeague,
  enterResult,
  type League,
  listMatches,
  type MatchBody,
} from './support/competition-fixtures.js';
import { useTestApp } from './support/test-app.js';

const t = useTestApp();
let league: League;
let games: MatchBody[];

beforeAll(async () => {
  league = await createLeague(t, { teams: 6 });
  const res = await t.http
    .post(`/api/events/${league.eventId}/schedule`)
    .set(league.organizer)
    .send({ format: 'round-robin' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  games = res.body.matches as MatchBody[];
});

/** Undoes RFC 5545 line folding and splits a calendar into VEVENT property maps. */
function parse(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
}

const getIcs = async (url: string): Promise<string> => {
  const res = await t.http
    .get(url)
    .buffer(true)
    .parse((response, done) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => done(null, text));
    });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
  return res.body as string;
};

describe('iCalendar feeds', () => {
  it('publishes one VEVENT per game in RFC 5545 form (CRLF, folded at 75 octets, Asia/Shanghai)', async () => {
    const ics = await getIcs(`/api/events/${league.eventId}/calendar.ics`);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai');
    const events = parse(ics);
    expect(events).toHaveLength(15);
    expect(new Set(events.map((e) => e.UID)).size).toBe(15);
    const game = games[0]!;
    const entry = events.find((e) => e.UID === `match-${game.id}@sailcourt`)!;
    const local = game.startsAt.slice(0, 19).replace(/[-:]/g, '');
    expect(entry['DTSTART;TZID=Asia/Shanghai']).toBe(local);
    expect(entry.SEQUENCE).toBe('1');
    expect(entry.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
    expect(entry.SUMMARY).toBe(`${game.homeTeamName} vs ${game.awayTeamName}`);
    expect(entry.LOCATION).toContain('中国海洋大学崂山校区体育馆');
    expect(entry.LOCATION).toContain('\\,'); // "Ocean University of China, Laoshan …" keeps its comma escaped
  });

  it('moves a rescheduled game: same UID, new DTSTART, higher SEQUENCE; results show in the summary', async () => {
    const game = games[1]!;
    const free = (await listMatches(t, league.eventId)).filter(
      (m) =>
        m.homeTeamId === game.homeTeamId ||
        m.awayTeamId === game.homeTeamId ||
        m.homeTeamId === game.awayTeamId ||
        m.awayTeamId === game.awayTeamId,
    );
    const busyDays = new Set(free.map((m) => m.startsAt.slice(0, 10)));
    const day = [6, 5].find((n) => !busyDays.has(at(league, n, '').slice(0, 10)));
    expect(day, 'a day both teams are free').toBeDefined();
    const moved = await t.http
      .patch(`/api/matches/${game.id}`)
      .set(league.organizer)
      .send({ startsAt: at(league, day!, '21:00'), version: 1 });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await enterResult(t, league, games[2]!.id, { homeScore: 101, awayScore: 99 });

    const events = parse(await getIcs(`/api/events/${league.eventId}/calendar.ics`));
    expect(events).toHaveLength(15);
    const entry = events.find((e) => e.UID === `match-${game.id}@sailcourt`)!;
    expect(entry['DTSTART;TZID=Asia/Shanghai']).toBe(
      `${at(league, day!, '21:00').slice(0, 10).replace(/-/g, '')}T210000`,
    );
    expect(entry['DTEND;TZID=Asia/Shanghai']).toBe(
      `${at(league, day!, '23:00').slice(0, 10).replace(/-/g, '')}T230000`,
    );
    expect(entry.SEQUENCE).toBe('2');
    const played = events.find((e) => e.UID === `match-${games[2]!.id}@sailcourt`)!;
    expect(played.SUMMARY).toBe(`${games[2]!.homeTeamName} 101:99 ${games[2]!.awayTeamName}`);
  });

  it('gives each team its own feed, and 404 for unknown events and teams', async () => {
    const events = parse(await getIcs(`/api/teams/${league.teamIds[3]}/calendar.ics`));
    expect(events).toHaveLength(5);
    expect(events.every((e) => e.SUMMARY!.includes(league.names[3]!))).toBe(true);
    expect((await t.http.get('/api/events/00000000-0000-4000-8000-000000000000/calendar.ics')).status).toBe(404);
    expect((await t.http.get('/api/teams/00000000-0000-4000-8000-000000000000/calendar.ics')).status).toBe(404);
    expect((await t.http.get('/api/teams/nope/calendar.ics')).status).toBe(404);
  });

  it('writes the feed in one language when the reader asks (?lang= or Accept-Language), named after the event or team', async () => {
    const calName = (ics: string) => /X-WR-CALNAME:(.*)\r\n/.exec(ics.replace(/\r\n[ \t]/g, ''))?.[1];
    const english = await getIcs(`/api/events/${league.eventId}/calendar.ics?lang=en`);
    const en = parse(english);
    expect(en).toHaveLength(15);
    expect(en.every((e) => /^Team \S+ (vs|\d+:\d+) Team \S+$/.test(e.SUMMARY!))).toBe(true);
    expect(en.every((e) => e.DESCRIPTION!.includes('Starts (China Standard Time)'))).toBe(true);
    expect(calName(english)).toMatch(/: games$/);
    expect(
      en.every((e) => !/[延期弃权]/.test(e.SUMMARY!) && !/[组轮]/.test(e.DESCRIPTION!.split('\\n').slice(1).join(' '))),
    ).toBe(true);

    const viaHeader = await t.http
      .get(`/api/teams/${league.teamIds[3]}/calendar.ics`)
      .set('Accept-Language', 'en-GB,en;q=0.9')
      .expect(200);
    expect(parse(viaHeader.text as string).every((e) => e.SUMMARY!.includes(`Team ${league.names[3]}`))).toBe(true);
    expect(calName(viaHeader.text as string)).toBe(`Team ${league.names[3]}: games`);
    expect(viaHeader.headers.vary).toMatch(/Accept-Language/);

    const chineseFeed = await getIcs(`/api/teams/${league.teamIds[3]}/calendar.ics?lang=zh-CN`);
    expect(calName(chineseFeed)).toBe(`${league.names[3]} 赛程`);
    const zh = parse(chineseFeed);
    expect(
      zh.every((e) => !/\b(vs|Starts|Group|Round|court)\b/.test(`${e.SUMMARY} ${e.DESCRIPTION} ${e.LOCATION}`)),
    ).toBe(true);
    expect(zh.every((e) => e.DESCRIPTION!.includes('开赛时间(北京时间)'))).toBe(true);
  });

  it('folds long lines without splitting a character and escapes TEXT', () => {
    const line = `SUMMARY:${'青岛篮球季'.repeat(10)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });
});

describe('GET /events/:id/results.csv', () => {
  it('exports the games with a result', async () => {
    const res = await t.http.get(`/api/events/${league.eventId}/results.csv`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = (res.text as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^match_id,starts_at,group,round/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(games[2]!.id);
    expect(lines[1]).toContain(',101,99,final,');
  });
});
