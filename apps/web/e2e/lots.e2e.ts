import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MessageKey, translate } from '../src/lib/i18n/index.js';
import { openBrowser, screenshot } from './support/browser.js';
import { organizerApi } from './support/organizer-api.js';
import { axeViolations } from './support/phone.js';
import { expectPage, ORGANIZER, signInWithForm, web } from './support/page.js';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const { call, signIn, seeded } = organizerApi();
const RUN = String(Date.now()).slice(-5);

type Row = { rank: number; teamName: string; tieBreak?: { criterion: string; lot?: { drawn: number } } };
type Standings = { groups: { name: string; rows: Row[] }[] };

let organizer: BrowserContext;
beforeAll(async () => {
  await signIn();
  // Without JavaScript: recording a draw is a plain form post.
  organizer = await openBrowser({ javaScriptEnabled: false });
});
afterAll(async () => {
  await organizer?.close();
});

describe('ties decided by lot', () => {
  it('the organizer records the order drawn for a three-way tie (a team chosen twice is refused), and the standings follow it', async () => {
    // The seeded company league (no other browser test plays in it): three teams in a circle, every game 80–70, so
    // FIBA D.1.3 leaves them to lots once the group is complete.
    const event = await seeded('company-league');
    const group = `L${RUN}`;
    const names = [1, 2, 3].map((i) => `抽签队${RUN}-${i}`);
    const ids: string[] = [];
    for (const name of names) {
      const team = await call<{ id: string }>('POST', '/teams', { name, sport: 'basketball' });
      await call('POST', `/events/${event.id}/registrations`, { teamId: team.id, roster: [{ name: '球员' }] });
      ids.push(team.id);
    }
    for (const [day, [home, away]] of [
      [ids[0], ids[1]],
      [ids[1], ids[2]],
      [ids[2], ids[0]],
    ].entries()) {
      const game = await call<{ id: string }>('POST', `/events/${event.id}/matches`, {
        homeTeamId: home,
        awayTeamId: away,
        startsAt: `2023-07-${13 + day}T19:30:00+08:00`,
        group,
      });
      await call('PUT', `/matches/${game.id}/result`, { homeScore: 80, awayScore: 70 });
    }

    const page = await organizer.newPage();
    await signInWithForm(page, ORGANIZER, `/events/${event.id}/manage/lots`);
    const tie = page.locator(`form[data-tie="event-${group}-1"]`);
    await expectPage(tie).toBeVisible();
    // A team chosen twice is refused beside the form, and nothing is stored.
    await tie
      .locator('select')
      .nth(1)
      .selectOption(ids[0] ?? '');
    await tie.getByRole('button', { name: zh('lots.record'), exact: true }).click();
    await expectPage(page.locator(`form[data-tie="event-${group}-1"] [role="alert"]`)).toContainText(
      zh('lots.refused'),
    );
    const lots = await call<{ group: string }[]>('GET', `/events/${event.id}/standings/lots`);
    expect(lots.filter((l) => l.group === group)).toEqual([]);
    // The order drawn: the third team first, then the first, then the second.
    await tie
      .locator('select')
      .nth(0)
      .selectOption(ids[2] ?? '');
    await tie
      .locator('select')
      .nth(1)
      .selectOption(ids[0] ?? '');
    await tie
      .locator('select')
      .nth(2)
      .selectOption(ids[1] ?? '');
    await screenshot(page, 'lots-form');
    // axe (WCAG 2.1 AA) on the form with its refusal, in a browser with JavaScript (axe runs as a script).
    const withJs = await openBrowser();
    try {
      const checked = await withJs.newPage();
      await signInWithForm(checked, ORGANIZER, `/events/${event.id}/manage/lots`);
      await expectPage(checked.locator(`form[data-tie="event-${group}-1"]`)).toBeVisible();
      expect(await axeViolations(checked)).toEqual([]);
    } finally {
      await withJs.close();
    }
    await tie.getByRole('button', { name: zh('lots.record'), exact: true }).click();
    await expectPage(page.getByRole('status')).toHaveText(zh('lots.saved'));
    await expectPage(page.locator(`form[data-tie="event-${group}-1"]`)).toHaveCount(0);
    await expectPage(page.locator('ul.history li').first()).toContainText(`${names[2]} → ${names[0]} → ${names[1]}`);

    const standings = await call<Standings>('GET', `/events/${event.id}/standings`);
    const rows = standings.groups.find((g) => g.name === group)?.rows ?? [];
    expect(rows.map((r) => [r.rank, r.teamName, r.tieBreak?.criterion, r.tieBreak?.lot?.drawn])).toEqual([
      [1, names[2], 'lot', 1],
      [2, names[0], 'lot', 2],
      [3, names[1], 'lot', 3],
    ]);

    // The public standings page says the lot decided it.
    await page.goto(web(`/events/${event.id}/standings`));
    await expectPage(page.locator(`tr[data-team="${names[2]}"] .why`)).toHaveAttribute('data-criterion', 'lot');
  });
});
