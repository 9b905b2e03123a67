import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MessageKey, translate } from '../src/lib/i18n/index.js';
import { openBrowser, screenshot } from './support/browser.js';
import { organizerApi } from './support/organizer-api.js';
import { expectPage, ORGANIZER, signInWithForm, web } from './support/page.js';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const { call, signIn, seeded } = organizerApi();

// The seeded Future Stars league's U8 boys and U10 girls (illustrative divisions no other browser test plays in).
const BOYS = 'U8-boys';
const GIRLS = 'U10-girls';
const RUN = String(Date.now()).slice(-5);

type Division = { id: string; code: string; name: string };
type Bracket = { divisionId: string | null; seeds: { teamId: string; teamName: string }[] };

let organizer: BrowserContext;
beforeAll(async () => {
  await signIn();
  // Without JavaScript: the division picker and the knockout forms are plain GET and POST forms.
  organizer = await openBrowser({ javaScriptEnabled: false });
});
afterAll(async () => {
  await organizer?.close();
});

/** Four teams in groups A and B of one division, each group's first team winning its game; returns the team names. */
async function groupStage(eventId: string, code: string, day: number): Promise<string[]> {
  const names: string[] = [];
  const ids: string[] = [];
  for (let i = 1; i <= 4; i++) {
    const name = `${code}队${RUN}-${i}`;
    const team = await call<{ id: string }>('POST', '/teams', { name, sport: 'basketball' });
    await call('POST', `/events/${eventId}/registrations`, {
      teamId: team.id,
      divisionId: code,
      roster: [{ name: '球员' }],
    });
    names.push(name);
    ids.push(team.id);
  }
  for (const [gi, group] of ['A', 'B'].entries()) {
    const game = await call<{ id: string }>('POST', `/events/${eventId}/matches`, {
      homeTeamId: ids[gi * 2],
      awayTeamId: ids[gi * 2 + 1],
      startsAt: `2023-08-${day}T0${8 + gi}:15:00+08:00`,
      group,
      division: code,
    });
    await call('PUT', `/matches/${game.id}/result`, { homeScore: 30, awayScore: 20 });
  }
  return names;
}

describe('a bracket per division', () => {
  it('the organizer draws one division’s knockout on the page, and the bracket page shows each division’s own', async () => {
    const event = await seeded('future-stars-mini-basketball-league');
    const divisions = await call<Division[]>('GET', `/events/${event.id}/divisions`);
    const boys = divisions.find((d) => d.code === BOYS) as Division;
    const girls = divisions.find((d) => d.code === GIRLS) as Division;
    const boysTeams = await groupStage(event.id, BOYS, 14);
    const girlsTeams = await groupStage(event.id, GIRLS, 15);
    // The boys' knockout through the API; the girls' on the page.
    await call('POST', `/events/${event.id}/knockout`, { division: BOYS });

    const page = await organizer.newPage();
    await signInWithForm(page, ORGANIZER, `/events/${event.id}/manage/knockout`);
    await page.selectOption('#division', GIRLS);
    await page.getByRole('button', { name: zh('division.filter.apply'), exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('division') === GIRLS);
    await expectPage(page.locator('#knockout-options')).toContainText(girls.name);
    await page.getByRole('button', { name: zh('knockout.preview'), exact: true }).click();
    await page.locator('#draw-title').waitFor();
    const previewed = await page.locator('ol.pairs li[data-slot] strong').allTextContents();
    expect(previewed.sort()).toEqual([...girlsTeams].sort());
    await expectPage(page.locator('main')).not.toContainText(zh('knockout.bracketExists'));
    await page.getByRole('button', { name: zh('knockout.confirm'), exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/bracket') && url.searchParams.get('division') === girls.id);
    const stored = await call<Bracket>('GET', `/events/${event.id}/bracket?division=${GIRLS}`);
    expect(stored.divisionId).toBe(girls.id);
    expect(stored.seeds.map((s) => s.teamName).sort()).toEqual([...girlsTeams].sort());

    // The public bracket page: the girls' bracket, not the boys'; the picker switches to the boys'.
    const main = page.locator('main');
    for (const name of girlsTeams) await expectPage(main).toContainText(name);
    for (const name of boysTeams) await expectPage(main).not.toContainText(name);
    await expectPage(page.locator('#division option')).toHaveCount(divisions.length);
    await expectPage(page.locator(`#division option[value=""]`)).toHaveCount(0);
    await screenshot(page, 'division-bracket-girls');
    await page.selectOption('#division', BOYS);
    await page.getByRole('button', { name: zh('division.filter.apply'), exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('division') === BOYS);
    await expectPage(page.locator('main h2.division')).toHaveText(boys.name);
    for (const name of boysTeams) await expectPage(main).toContainText(name);
    for (const name of girlsTeams) await expectPage(main).not.toContainText(name);

    // A division without a bracket says so.
    await page.goto(web(`/events/${event.id}/bracket?division=U12-girls`));
    await expectPage(main).toContainText(zh('competition.bracket.none'));
  });
});
