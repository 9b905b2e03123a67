import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { translate, type MessageKey } from '../src/lib/i18n/index.js';
import { expectPage } from './support/page.js';
import { openBrowser, screenshot } from './support/browser.js';

const LEAGUE = 'cba-summer-league-2023';
const PHONE = { width: 390, height: 844 };

type Match = { id: string; status: string; homeTeamId: string; homeScore: number | null; awayScore: number | null };
type Row = { teamId: string; played: number };

const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const web = (path: string) => `${inject('webUrl')}${path}`;

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${inject('apiUrl')}/api${path}`, init);
  expect(res.status, `${path}: ${res.status}`).toBeLessThan(300);
  return (await res.json()) as T;
}

let token = '';
let eventId = '';
let games: Match[] = [];
let fan: BrowserContext;
let scorer: BrowserContext;
beforeAll(async () => {
  const login = await api<{ accessToken: string }>('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'organizer@sailcourt.local', password: 'sailcourt-organizer' }),
  });
  token = login.accessToken;
  const events = await api<{ id: string; slug: string | null }[]>('/seasons/qingdao-basketball-2023/events');
  eventId = events.find((e) => e.slug === LEAGUE)?.id ?? '';
  games = (await api<Match[]>(`/events/${eventId}/matches`)).filter((m) => m.status === 'scheduled');
  expect(games.length).toBeGreaterThanOrEqual(3);
  [fan, scorer] = await Promise.all([openBrowser(), openBrowser({ serviceWorkers: 'allow' })]);
});
afterAll(async () => {
  await Promise.all([fan?.close(), scorer?.close()]);
});

/** A scorer link for the game, as the organizer hands it out, opened on a phone. */
async function openConsole(matchId: string): Promise<Page> {
  const link = await api<{ token: string }>(`/matches/${matchId}/scorer-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{}',
  });
  const page = await scorer.newPage();
  await page.setViewportSize(PHONE);
  await page.goto(web(`/matches/${matchId}/score?key=${encodeURIComponent(link.token)}&lang=en`));
  expect(new URL(page.url()).search).toBe(''); // the token left the address bar for an httpOnly cookie
  await page.locator('form.console').waitFor();
  await expectPage(page.locator('form.console')).toHaveAttribute('data-offline-ready', 'true');
  return page;
}

const tap = (page: Page, side: 'home' | 'away', points: number) =>
  page.locator(`button[value="score:${side}:${points}"]`).click();
const consoleScore = (page: Page) => page.locator('[data-console-score]');
const waiting = (page: Page) => page.locator('[data-waiting]');
const apiScore = async (matchId: string) => {
  const m = await api<Match>(`/matches/${matchId}`);
  return `${m.homeScore}:${m.awayScore}`;
};

describe('live game day', () => {
  it('shows a scorer’s taps on a fan’s match and schedule pages without a reload', async () => {
    const game = games[0]!;
    const fanMatch = await fan.newPage();
    await fanMatch.goto(web(`/matches/${game.id}?lang=en`));
    await fanMatch.waitForSelector('[data-live-state="live"]');
    const fanSchedule = await fan.newPage();
    await fanSchedule.goto(web(`/events/${eventId}/schedule?lang=en`));
    await fanSchedule.waitForSelector('[data-live-state="live"]');
    // A reload would lose this mark.
    await fanMatch.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    const page = await openConsole(game.id);
    await page.getByRole('button', { name: en('score.start') }).click();
    await tap(page, 'home', 3);
    await tap(page, 'away', 2);
    await tap(page, 'home', 2);
    await expectPage(page.locator('[data-waiting]')).toHaveAttribute('data-waiting', '0');
    await expectPage(consoleScore(page)).toHaveAttribute('data-console-score', '5:2');
    await screenshot(page, 'live-scorer-console-phone');

    await expectPage(fanMatch.locator('.board [data-score]')).toHaveAttribute('data-score', '5:2');
    expect(await fanMatch.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(
      true,
    );
    await expectPage(fanMatch.locator('[data-status="live"]').first()).toHaveText(en('competition.status.live'));
    await expectPage(fanSchedule.locator(`tr[data-match="${game.id}"] [data-score]`)).toHaveAttribute(
      'data-score',
      '5:2',
    );
    await screenshot(fanMatch, 'live-fan-match');
    expect(await apiScore(game.id)).toBe('5:2');
  });

  it('keeps taps made offline through a reload and sends them exactly once when the network is back', async () => {
    const game = games[1]!;
    const page = await openConsole(game.id);
    await page.getByRole('button', { name: en('score.start') }).click();
    await tap(page, 'home', 2);
    await expectPage(page.locator('[data-waiting]')).toHaveAttribute('data-waiting', '0');
    expect(await apiScore(game.id)).toBe('2:0');

    await scorer.setOffline(true);
    for (const [side, points] of [
      ['home', 1],
      ['away', 3],
      ['home', 2],
      ['away', 1],
      ['home', 3],
    ] as const)
      await tap(page, side, points);
    await expectPage(waiting(page)).toHaveAttribute('data-waiting', '5');
    await expectPage(page.getByText(en('score.waiting.other', { count: 5 }))).toHaveCount(1);
    await expectPage(consoleScore(page)).toHaveAttribute('data-console-score', '8:4');

    try {
      await page.reload(); // still offline: the service worker serves the console, the queue comes from the device
      await page.locator('form.console').waitFor();
      await expectPage(page.locator('[data-waiting]')).toHaveAttribute('data-waiting', '5');
      await expectPage(consoleScore(page)).toHaveAttribute('data-console-score', '8:4');
      await screenshot(page, 'live-scorer-offline-phone');
    } finally {
      await scorer.setOffline(false);
    }
    await expectPage(page.locator('[data-waiting]')).toHaveAttribute('data-waiting', '0', { timeout: 20_000 });
    expect(await apiScore(game.id)).toBe('8:4');
    await page.reload();
    await expectPage(page.locator('[data-waiting]')).toHaveAttribute('data-waiting', '0');
    expect(await apiScore(game.id)).toBe('8:4'); // nothing sent twice
  });

  it('moves the standings when the scorer confirms the final', async () => {
    const game = games[2]!;
    const played = async () =>
      (await api<{ groups: { rows: Row[] }[] }>(`/events/${eventId}/standings`)).groups
        .flatMap((g) => g.rows)
        .find((r) => r.teamId === game.homeTeamId)?.played ?? -1;
    const before = await played();
    const standings = await fan.newPage();
    await standings.goto(web(`/events/${eventId}/standings?lang=en`));
    await standings.waitForSelector('[data-live-state="live"]');
    const playedCell = standings.locator(`tr[data-team-id="${game.homeTeamId}"] td`).nth(1); // rank, played, …
    const cellBefore = (await playedCell.textContent()) ?? '';

    const page = await openConsole(game.id);
    await page.getByRole('button', { name: en('score.start') }).click();
    // A final at 0–0 is refused by the rules, in the reader's words (not the rule's English message).
    await page.getByRole('button', { name: en('score.final') }).click();
    await page.getByRole('button', { name: en('score.finalYes') }).click();
    await expectPage(page.locator('form.console .notice')).toHaveText(en('score.problem.levelScore'));
    await tap(page, 'home', 3);
    await page.getByRole('button', { name: en('score.final') }).click();
    await page.getByRole('button', { name: en('score.finalYes') }).click();
    await expectPage(page.locator('form.console')).toHaveAttribute('data-status', 'final');
    await expectPage(page.locator('[data-waiting]')).toHaveAttribute('data-waiting', '0');
    expect((await api<Match>(`/matches/${game.id}`)).status).toBe('final');
    expect(await played()).toBe(before + 1);
    await expectPage(playedCell).not.toHaveText(cellBefore);
  });

  it('serves embeds without the site’s chrome, live inside another site’s iframe', async () => {
    const game = games[0]!;
    // A club's page on another origin (frame-ancestors * admits any http(s) site, not an opaque about:blank).
    const club = createServer((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<h1>Club news</h1><iframe title="score" src="${web(`/embed/matches/${game.id}?lang=en`)}" width="360" height="240"></iframe>`,
        ),
    );
    await new Promise<void>((resolve) => club.listen(0, '127.0.0.1', resolve));
    const host = await fan.newPage();
    await host.goto(`http://127.0.0.1:${(club.address() as AddressInfo).port}/`);
    const frame = host.frameLocator('iframe');
    await frame.locator('[data-live-state="live"]').waitFor();
    await expectPage(frame.locator('header')).toHaveCount(0);
    await expectPage(frame.locator('.board [data-score]')).toHaveAttribute('data-score', '5:2');
    for (const path of [`/embed/events/${eventId}/schedule`, `/embed/events/${eventId}/standings`]) {
      const page = await fan.newPage();
      const res = await page.goto(web(path));
      expect(res?.status(), path).toBe(200);
      await expectPage(page.locator('header')).toHaveCount(0);
      await page.close();
    }
    club.close();
  });
});
