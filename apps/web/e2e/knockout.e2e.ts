import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type MessageKey, translate } from '../src/lib/i18n/index.js';
import { expectPage, ORGANIZER, signInWithForm, web } from './support/page.js';
import { openBrowser, screenshot } from './support/browser.js';
import { axeViolations } from './support/phone.js';
import { organizerApi } from './support/organizer-api.js';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);

const { call, signIn, seeded } = organizerApi();

type Match = {
  id: string;
  group: string;
  homeTeamId: string;
  awayTeamId: string;
  playoffSlot: string | null;
  status: string;
};
type Bracket = {
  seeds: { teamId: string; teamName: string; group: string | null; groupRank: number | null }[];
  bestNextPlaced: number;
  matches: { slot: string; round: number; matchId: string | null }[];
};

let organizer: BrowserContext;
beforeAll(async () => {
  // Without JavaScript: every step is a plain form post.
  organizer = await openBrowser({ javaScriptEnabled: false });
});
afterAll(async () => {
  await organizer?.close();
});

/** Every game won by its home team, by a margin that differs from game to game (so no tie needs lots). */
async function playAll(games: Match[]): Promise<void> {
  for (const [i, m] of games.entries())
    await call('PUT', `/matches/${m.id}/result`, { homeScore: 70 + i, awayScore: 60 });
}

describe('group stage → knockout', () => {
  it('the organizer generates pools and a knockout', async () => {
    await signIn();
    // The seeded women's invitational (1–5 August), with nine invited teams registered by the organizer.
    const event = await seeded('womens-invitational');
    expect(await call<unknown[]>('GET', `/events/${event.id}/matches`)).toEqual([]);
    for (let i = 1; i <= 9; i++) {
      const team = await call<{ id: string }>('POST', '/teams', {
        name: `邀请赛女队${i}`,
        nameEn: `Invitational ${i}`,
        sport: 'basketball',
      });
      await call('POST', `/events/${event.id}/registrations`, { teamId: team.id, roster: [{ name: '球员' }] });
    }

    const page = await organizer.newPage();
    // Pools: three groups of three, four time slots a day.
    await signInWithForm(page, ORGANIZER, `/events/${event.id}/manage/schedule`);
    await page.fill('#groups', '3');
    await page.fill('#dailySlots', '10:00, 13:00, 16:00, 19:00');
    await page.getByRole('button', { name: zh('competition.generate.preview'), exact: true }).click();
    await page.getByRole('button', { name: zh('competition.generate.save'), exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/manage'));
    const games = await call<Match[]>('GET', `/events/${event.id}/matches`);
    expect(games).toHaveLength(9);
    expect([...new Set(games.map((m) => m.group))].sort()).toEqual(['A', 'B', 'C']);

    // All but one result in: the preview warns, and confirming is refused with the game named.
    await playAll(games.slice(0, 8));
    await page.goto(web(`/events/${event.id}/manage`));
    await page.getByRole('link', { name: zh('knockout.link'), exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/manage/knockout'));
    await page.fill('#qualifiersPerGroup', '2');
    await page.fill('#bestNextPlaced', '2');
    await page.getByRole('button', { name: zh('knockout.preview'), exact: true }).click();
    await page.locator('#draw-title').waitFor();
    await expectPage(page.locator('main')).toContainText(zh('knockout.unfinished', { count: 1 }));
    await page.getByRole('button', { name: zh('knockout.confirm'), exact: true }).click();
    await page.locator('#refused-title').waitFor();
    await expectPage(page.locator('.refused [role="alert"]')).toContainText(zh('knockout.unfinished', { count: 1 }));
    expect((await fetch(`${inject('apiUrl')}/api/events/${event.id}/bracket`)).status).toBe(404);

    // The last result: the preview shows eight teams, the best two thirds, and no first-round game within a group.
    await playAll(games.slice(8));
    await page.getByRole('button', { name: zh('knockout.preview'), exact: true }).click();
    await page.locator('#draw-title').waitFor();
    await expectPage(page.locator('main')).not.toContainText(zh('knockout.unfinished', { count: 1 }));
    await expectPage(page.locator('ol.pairs li[data-slot]')).toHaveCount(4);
    await expectPage(page.locator('ol.pairs')).not.toContainText(zh('knockout.sameGroup'));
    await expectPage(page.locator('table tbody tr')).toHaveCount(3);
    await expectPage(page.locator('table tbody tr.qualifies')).toHaveCount(2);
    const previewed = await page.locator('ol.pairs li[data-slot] strong').allTextContents();
    await screenshot(page, 'knockout-preview-zh-CN');
    expect((await fetch(`${inject('apiUrl')}/api/events/${event.id}/bracket`)).status).toBe(404);

    await page.getByRole('button', { name: zh('knockout.confirm'), exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/bracket'));
    const bracket = await call<Bracket>('GET', `/events/${event.id}/bracket`);
    expect(bracket.bestNextPlaced).toBe(2);
    expect(bracket.seeds).toHaveLength(8);
    expect(new Set(bracket.seeds.map((s) => s.teamName))).toEqual(new Set(previewed));
    const quarterFinals = (await call<Match[]>('GET', `/events/${event.id}/matches`)).filter((m) =>
      m.playoffSlot?.startsWith('R1-'),
    );
    expect(quarterFinals).toHaveLength(4);
    const groupOf = new Map(bracket.seeds.map((s) => [s.teamId, s.group]));
    for (const m of quarterFinals) expect(groupOf.get(m.homeTeamId)).not.toBe(groupOf.get(m.awayTeamId));
    await expectPage(page.locator('main')).toContainText(zh('competition.bracket.round.8'));
    await screenshot(page, 'knockout-bracket-zh-CN');

    // Confirming again is refused; the page says so, in English too.
    await page.goto(web(`/events/${event.id}/manage/knockout?lang=en`));
    await expectPage(page.locator('h1')).toHaveText(en('knockout.title'));
    await page.getByRole('button', { name: en('knockout.preview'), exact: true }).click();
    await page.locator('#draw-title').waitFor();
    await expectPage(page.locator('main')).toContainText(en('knockout.bracketExists'));
    await page.getByRole('button', { name: en('knockout.confirm'), exact: true }).click();
    await page.locator('#refused-title').waitFor();
    await expectPage(page.locator('.refused [role="alert"]')).toContainText(en('knockout.bracketExists'));
    expect((await call<Bracket>('GET', `/events/${event.id}/bracket`)).seeds.map((s) => s.teamId)).toEqual(
      bracket.seeds.map((s) => s.teamId),
    );

    // axe (WCAG 2.1 AA) on the preview, in a browser with JavaScript (axe runs as a script).
    const withJs = await openBrowser();
    try {
      const checked = await withJs.newPage();
      await signInWithForm(checked, ORGANIZER, `/events/${event.id}/manage/knockout`);
      await checked.fill('#bestNextPlaced', '2');
      await checked.getByRole('button', { name: zh('knockout.preview'), exact: true }).click();
      await checked.locator('#draw-title').waitFor();
      expect(await axeViolations(checked)).toEqual([]);
    } finally {
      await withJs.close();
    }
  });
});
