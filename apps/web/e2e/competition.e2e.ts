import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatDate, type Locale, type MessageKey, translate } from '../src/lib/i18n/index.js';
import { openBrowser, screenshot } from './support/browser.js';

const SEASON = 'qingdao-basketball-2023';
const LEAGUE = 'cba-summer-league-2023';

type Match = {
  id: string;
  startsAt: string | null;
  homeTeamId: string;
  awayTeamId: string;
  homeTeamName: string;
  awayTeamName: string;
  date: string | null;
  status: string;
  homeScore: number | null;
  awayScore: number | null;
  version: number;
};
type Row = { rank: number; teamId: string; teamName: string; classificationPoints: number };
type Standings = { groups: { name: string; rows: Row[] }[] };

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const web = (path: string) => `${inject('webUrl')}${path}`;
const api = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${inject('apiUrl')}/api${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

let fan: BrowserContext;
let fanWithoutJs: BrowserContext;
let organizer: BrowserContext;
let eventId = '';
beforeAll(async () => {
  [fan, fanWithoutJs, organizer] = await Promise.all([
    openBrowser(),
    openBrowser({ javaScriptEnabled: false }),
    openBrowser(),
  ]);
  const events = await api<{ id: string; slug: string | null }[]>(`/seasons/${SEASON}/events`);
  eventId = events.find((e) => e.slug === LEAGUE)?.id ?? '';
  expect(eventId).not.toBe('');
});
afterAll(async () => {
  await Promise.all([fan?.close(), fanWithoutJs?.close(), organizer?.close()]);
});

const matches = () => api<Match[]>(`/events/${eventId}/matches`);
const standingsOrder = (page: Page) =>
  page.locator('table.standings tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-team-id') ?? ''));

/** The day headings as the page writes them, from the same formatter. */
const dayTitle = (locale: Locale, day: string) =>
  formatDate(locale, day, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' });

async function expectDays(page: Page, locale: Locale, games: Match[]): Promise<void> {
  const days = [...new Set(games.map((m) => m.date ?? 'tba'))];
  const sections = page.locator('section.day');
  expect(await sections.count()).toBe(days.length);
  for (const [i, day] of days.entries()) {
    const section = sections.nth(i);
    expect(await section.getAttribute('data-day')).toBe(day);
    expect(await section.locator('h2').textContent()).toContain(dayTitle(locale, day));
    expect(await section.locator('tbody tr').count()).toBe(games.filter((m) => (m.date ?? 'tba') === day).length);
  }
}

describe('competition pages', () => {
  it('lists the league’s games by day, in Chinese and in English, with “next” and calendar feeds', async () => {
    const games = await matches();
    expect(games.length).toBe(45);
    const page = await fan.newPage();
    // From the main navigation, as a fan would.
    await page.goto(web('/?lang=zh-CN'));
    await page.getByRole('link', { name: zh('competition.nav') }).click();
    await page.waitForURL(/\/schedule/);
    expect(await page.textContent('h1')).toBe(zh('competition.schedule.title'));
    expect(await page.textContent('main')).toContain(zh('competition.schedule.timezone'));
    await expectDays(page, 'zh-CN', games);
    // 2023 lies in the past: “next” is the first day with games still to play.
    const firstUnplayed = games.find((m) => m.status === 'scheduled')?.date ?? '';
    expect(await page.locator('section.day.next').getAttribute('data-day')).toBe(firstUnplayed);
    expect(await page.locator('[data-jump="next"]').getAttribute('href')).toBe(`#day-${firstUnplayed}`);
    const first = games[0];
    const firstRow = page.locator(`tr[data-match="${first?.id}"]`);
    expect(await firstRow.locator('time').textContent()).toBe(first?.startsAt?.slice(11, 16));
    expect(await firstRow.locator('td.num').textContent()).toContain(`${first?.homeScore} : ${first?.awayScore}`);
    expect(await firstRow.textContent()).toContain('国信体育馆');
    await screenshot(page, 'competition-schedule-zh-CN');

    await page.goto(web(`/events/${eventId}/schedule?lang=en`));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe(translate('en', 'competition.schedule.title'));
    await expectDays(page, 'en', games);
    expect(await page.textContent('section.day >> nth=0')).toContain('Guoxin Gymnasium');
    await screenshot(page, 'competition-schedule-en');

    // The calendar link is served by the web site and holds one VEVENT per game.
    const feed = await fetch(web(`/events/${eventId}/calendar.ics`));
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect((await feed.text()).match(/BEGIN:VEVENT/g)?.length).toBe(games.length);
    // …in the reader's language, calendar name included.
    const english = (await (await fetch(web(`/events/${eventId}/calendar.ics?lang=en`))).text()).replace(
      /\r\n[ \t]/g,
      '',
    );
    expect(english).toMatch(/X-WR-CALNAME:CBA Summer League.*: games\r\n/);
    expect(english).not.toMatch(/SUMMARY:.*[\u4e00-\u9fff]/);
    // Download (https), subscribe (webcal://), Google and Outlook, each a 44 px tap target, each in the reader's language.
    const ways = page.locator('[data-feed="event"] a');
    expect(await ways.count()).toBe(4);
    expect(await ways.nth(0).getAttribute('href')).toMatch(
      new RegExp(`^https?://.+/events/${eventId}/calendar\\.ics\\?lang=(zh-CN|en)$`),
    );
    expect(await ways.nth(1).getAttribute('href')).toMatch(
      new RegExp(`^webcal://.+/events/${eventId}/calendar\\.ics\\?lang=(zh-CN|en)$`),
    );
    expect(await ways.nth(2).getAttribute('href')).toMatch(
      /^https:\/\/calendar\.google\.com\/calendar\/render\?cid=webcal/,
    );
    expect(await ways.nth(3).getAttribute('href')).toMatch(
      /^https:\/\/outlook\.live\.com\/calendar\/0\/addfromweb\?url=http/,
    );
    for (let i = 0; i < 4; i++) expect((await ways.nth(i).boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    await page.close();
  });

  it('filters by team with a plain GET form (no JavaScript) and offers that team’s calendar', async () => {
    const games = await matches();
    const team = games[0];
    const page = await fanWithoutJs.newPage();
    await page.goto(web(`/events/${eventId}/schedule?lang=zh-CN`));
    await page.selectOption('#team', team?.homeTeamId ?? '');
    await page.getByRole('button', { name: zh('competition.filter.apply') }).click();
    await page.waitForURL(/team=/);
    const own = games.filter((m) => m.homeTeamId === team?.homeTeamId || m.awayTeamId === team?.homeTeamId);
    expect(await page.locator('section.day tbody tr').count()).toBe(own.length);
    const rows = await page
      .locator('section.day tbody tr')
      .evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-home')}|${tr.getAttribute('data-away')}`));
    for (const row of rows) expect(row.split('|')).toContain(team?.homeTeamName);
    expect(await page.locator(`[data-feed="team-${team?.homeTeamId}"]`).count()).toBe(1);
    await page.close();
  });

  it('an organizer’s level score is refused beside the field; a real result reorders the public standings', async () => {
    const games = await matches();
    const standings = await api<Standings>(`/events/${eventId}/standings`);
    const rows = standings.groups[0]?.rows ?? [];
    // Two neighbours on the same points whose game is still to play: the one below wins it, so it must go above.
    const pick = rows.flatMap((upper, i) => {
      const lower = rows[i + 1];
      if (!lower || lower.classificationPoints !== upper.classificationPoints) return [];
      const game = games.find(
        (m) =>
          m.status === 'scheduled' &&
          [m.homeTeamId, m.awayTeamId].includes(upper.teamId) &&
          [m.homeTeamId, m.awayTeamId].includes(lower.teamId),
      );
      return game ? [{ upper, lower, game }] : [];
    })[0];
    expect(pick, 'the seeded standings have two level neighbours with a game to play').toBeDefined();
    const { upper, lower, game } = pick ?? { upper: rows[0], lower: rows[1], game: games[0] };

    const pub = await fan.newPage();
    await pub.goto(web(`/events/${eventId}/standings?lang=zh-CN`));
    const before = await standingsOrder(pub);
    expect(before.indexOf(upper?.teamId ?? '')).toBeLessThan(before.indexOf(lower?.teamId ?? ''));
    // When the overall figures decide, the note first says why head-to-head could not.
    expect(await pub.locator(`tr[data-team-id="${upper?.teamId}"] .why`).textContent()).toMatch(
      /^(与.+?(尚未交手,无法比较相互间成绩|相互间成绩相同);)?(凭|按|因)/,
    );
    await screenshot(pub, 'competition-standings-before');

    // Sign in through the form and open the game's day on the organizers' page.
    const page = await organizer.newPage();
    const managePath = `/events/${eventId}/manage`;
    await page.goto(web(`/login?next=${encodeURIComponent(`${managePath}?day=${game?.date}`)}`));
    await page.waitForLoadState('networkidle');
    await page.fill('#email', 'organizer@sailcourt.local');
    await page.fill('#password', 'sailcourt-organizer');
    await page.getByRole('button', { name: zh('login.submit'), exact: true }).click();
    await page.waitForURL((url) => url.pathname === managePath);
    await page.waitForLoadState('networkidle');
    const card = page.locator(`#match-${game?.id}`);
    const home = `#homeScore-${game?.id}`;
    const away = `#awayScore-${game?.id}`;

    // A level score: the API's 422 shows beside the inputs, which point at it, and nothing is stored.
    await page.fill(home, '88');
    await page.fill(away, '88');
    await card.getByRole('button', { name: new RegExp(zh('competition.manage.saveResult')) }).click();
    await page.waitForSelector(`${home}-error`);
    expect(await page.textContent(`${home}-error`)).toBe(zh('competition.error.level'));
    expect(await page.getAttribute(home, 'aria-invalid')).toBe('true');
    expect(await page.getAttribute(home, 'aria-describedby')).toBe(`homeScore-${game?.id}-error`);
    expect(await page.inputValue(home)).toBe('88');
    await screenshot(page, 'competition-level-score-refused');
    const unchanged = await api<Match>(`/matches/${game?.id}`);
    expect(unchanged.status).toBe('scheduled');
    expect(unchanged.version).toBe(game?.version);

    // The lower team wins by 40.
    const lowerIsHome = game?.homeTeamId === lower?.teamId;
    await page.fill(home, lowerIsHome ? '100' : '60');
    await page.fill(away, lowerIsHome ? '60' : '100');
    await card.getByRole('button', { name: new RegExp(zh('competition.manage.saveResult')) }).click();
    await page.waitForSelector(`#match-${game?.id} .saved`);
    expect(await page.locator(`${home}-error`).count()).toBe(0);
    expect(await card.locator('[data-score]').getAttribute('data-score')).toBe(lowerIsHome ? '100:60' : '60:100');
    await screenshot(page, 'competition-result-saved');
    const stored = await api<Match>(`/matches/${game?.id}`);
    expect([stored.status, stored.homeScore, stored.awayScore]).toEqual([
      'final',
      lowerIsHome ? 100 : 60,
      lowerIsHome ? 60 : 100,
    ]);

    // The public standings, reloaded: the winner now sits above the team it beat.
    await pub.reload();
    const after = await standingsOrder(pub);
    expect(after).not.toEqual(before);
    expect(after.indexOf(lower?.teamId ?? '')).toBeLessThan(after.indexOf(upper?.teamId ?? ''));
    expect(await pub.locator(`tr[data-team-id="${lower?.teamId}"] td.points`).textContent()).toBe(
      String((lower?.classificationPoints ?? 0) + 2),
    );
    expect(await pub.locator(`tr[data-team-id="${upper?.teamId}"] td.points`).textContent()).toBe(
      String((upper?.classificationPoints ?? 0) + 1),
    );
    await screenshot(pub, 'competition-standings-after');
    await Promise.all([page.close(), pub.close()]);
  });
});
