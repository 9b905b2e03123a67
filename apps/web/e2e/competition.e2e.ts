import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatDate, type Locale, type MessageKey, translate } from '../src/lib/i18n/index.js';
import { expectPage, ORGANIZER, signInWithForm, web } from './support/page.js';
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
  await expectPage(sections).toHaveCount(days.length);
  for (const [i, day] of days.entries()) {
    const section = sections.nth(i);
    await expectPage(section).toHaveAttribute('data-day', day);
    await expectPage(section.locator('h2')).toContainText(dayTitle(locale, day));
    await expectPage(section.locator('tbody tr')).toHaveCount(games.filter((m) => (m.date ?? 'tba') === day).length);
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
    await expectPage(page.locator('h1')).toHaveText(zh('competition.schedule.title'));
    await expectPage(page.locator('main')).toContainText(zh('competition.schedule.timezone'));
    await expectDays(page, 'zh-CN', games);
    // 2023 lies in the past: “next” is the first day with games still to play.
    const firstUnplayed = games.find((m) => m.status === 'scheduled')?.date ?? '';
    await expectPage(page.locator('section.day.next')).toHaveAttribute('data-day', firstUnplayed);
    await expectPage(page.locator('[data-jump="next"]')).toHaveAttribute('href', `#day-${firstUnplayed}`);
    const first = games[0];
    const firstRow = page.locator(`tr[data-match="${first?.id}"]`);
    await expectPage(firstRow.locator('time')).toHaveText(first?.startsAt?.slice(11, 16) ?? '');
    await expectPage(firstRow.locator('td.num')).toContainText(`${first?.homeScore} : ${first?.awayScore}`);
    await expectPage(firstRow).toContainText('国信体育馆');
    await screenshot(page, 'competition-schedule-zh-CN');

    await page.goto(web(`/events/${eventId}/schedule?lang=en`));
    await expectPage(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectPage(page.locator('h1')).toHaveText(translate('en', 'competition.schedule.title'));
    await expectDays(page, 'en', games);
    await expectPage(page.locator('section.day >> nth=0')).toContainText('Guoxin Gymnasium');
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
    await expectPage(ways).toHaveCount(4);
    await expectPage(ways.nth(0)).toHaveAttribute(
      'href',
      new RegExp(`^https?://.+/events/${eventId}/calendar\\.ics\\?lang=(zh-CN|en)$`),
    );
    await expectPage(ways.nth(1)).toHaveAttribute(
      'href',
      new RegExp(`^webcal://.+/events/${eventId}/calendar\\.ics\\?lang=(zh-CN|en)$`),
    );
    await expectPage(ways.nth(2)).toHaveAttribute(
      'href',
      /^https:\/\/calendar\.google\.com\/calendar\/render\?cid=webcal/,
    );
    await expectPage(ways.nth(3)).toHaveAttribute(
      'href',
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
    await expectPage(page.locator('section.day tbody tr')).toHaveCount(own.length);
    const rows = await page
      .locator('section.day tbody tr')
      .evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-home')}|${tr.getAttribute('data-away')}`));
    for (const row of rows) expect(row.split('|')).toContain(team?.homeTeamName);
    await expectPage(page.locator(`[data-feed="team-${team?.homeTeamId}"]`)).toHaveCount(1);
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
    await expectPage(pub.locator(`tr[data-team-id="${upper?.teamId}"] .why`)).toHaveText(
      /^(与.+?(尚未交手,无法比较相互间成绩|相互间成绩相同);)?(凭|按|因)/,
    );
    await screenshot(pub, 'competition-standings-before');

    // Sign in through the form and open the game's day on the organizers' page.
    const page = await organizer.newPage();
    const managePath = `/events/${eventId}/manage`;
    await signInWithForm(page, ORGANIZER, `${managePath}?day=${game?.date}`);
    const card = page.locator(`#match-${game?.id}`);
    const home = `#homeScore-${game?.id}`;
    const away = `#awayScore-${game?.id}`;

    // A level score: the API's 422 shows beside the inputs, which point at it, and nothing is stored.
    await page.fill(home, '88');
    await page.fill(away, '88');
    await card.getByRole('button', { name: new RegExp(zh('competition.manage.saveResult')) }).click();
    await page.waitForSelector(`${home}-error`);
    await expectPage(page.locator(`${home}-error`)).toHaveText(zh('competition.error.level'));
    await expectPage(page.locator(home)).toHaveAttribute('aria-invalid', 'true');
    await expectPage(page.locator(home)).toHaveAttribute('aria-describedby', `homeScore-${game?.id}-error`);
    await expectPage(page.locator(home)).toHaveValue('88');
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
    await expectPage(page.locator(`${home}-error`)).toHaveCount(0);
    await expectPage(card.locator('[data-score]')).toHaveAttribute('data-score', lowerIsHome ? '100:60' : '60:100');
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
    await expectPage(pub.locator(`tr[data-team-id="${lower?.teamId}"] td.points`)).toHaveText(
      String((lower?.classificationPoints ?? 0) + 2),
    );
    await expectPage(pub.locator(`tr[data-team-id="${upper?.teamId}"] td.points`)).toHaveText(
      String((upper?.classificationPoints ?? 0) + 1),
    );
    await screenshot(pub, 'competition-standings-after');
    await Promise.all([page.close(), pub.close()]);
  });
});
