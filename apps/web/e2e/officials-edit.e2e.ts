import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MessageKey, translate } from '../src/lib/i18n/index.js';
import { expectPage, ORGANIZER, signInWithForm, web } from './support/page.js';
import { openBrowser, screenshot } from './support/browser.js';
import { axeViolations } from './support/phone.js';
import { organizerApi } from './support/organizer-api.js';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const { call, signIn, seeded } = organizerApi();

type Official = {
  id: string;
  name: string;
  contact: string | null;
  affiliatedTeamIds: string[];
  availability: { startsAt: string; endsAt: string }[];
};

let organizer: BrowserContext;
beforeAll(async () => {
  organizer = await openBrowser({ javaScriptEnabled: false });
});
afterAll(async () => {
  await organizer?.close();
});

describe('editing an official', () => {
  it('an organizer edits an official’s name, contact and availability; an affiliation with a team in an assigned game is refused beside the field', async () => {
    await signIn();
    // The seeded high-school championship (31 July – 6 August) with two teams and one game at 17:00 on 1 August.
    const event = await seeded('high-school-championship');
    const teams: string[] = [];
    for (const name of ['一中', '二中']) {
      const team = await call<{ id: string }>('POST', '/teams', { name: `${name}编辑测试队`, sport: 'basketball' });
      await call('POST', `/events/${event.id}/registrations`, { teamId: team.id, roster: [{ name: '球员' }] });
      teams.push(team.id);
    }
    const game = await call<{ id: string }>('POST', `/events/${event.id}/matches`, {
      homeTeamId: teams[0],
      awayTeamId: teams[1],
      startsAt: '2023-08-01T17:00:00+08:00',
    });
    const official = await call<Official>('POST', '/officials', {
      name: '周裁判',
      contact: '137 0000 0000',
      roles: ['referee'],
    });
    await call('POST', `/matches/${game.id}/officials`, { officialId: official.id, role: 'referee' });

    const page = await organizer.newPage();
    const path = `/officials/${official.id}/edit`;
    await page.goto(web(`/login?next=${encodeURIComponent(path)}`));
    await page.fill('#email', 'organizer@sailcourt.local');
    await page.fill('#password', 'sailcourt-organizer');
    await page.getByRole('button', { name: zh('login.submit'), exact: true }).click();
    await page.waitForURL((url) => url.pathname === path);
    await expectPage(page.locator('#contact')).toHaveValue('137 0000 0000');

    await page.fill('#name', '周建国');
    await page.fill('#contact', 'zhou@example.org');
    await page.fill('#availability', '2023-08-01 08:00 – 21:00');
    await page.getByRole('button', { name: zh('officials.edit.submit'), exact: true }).click();
    await page.locator('p.saved').waitFor();
    expect(await call<Official>('GET', `/officials/${official.id}`)).toMatchObject({
      name: '周建国',
      contact: 'zhou@example.org',
      availability: [{ startsAt: '2023-08-01T08:00:00+08:00', endsAt: '2023-08-01T21:00:00+08:00' }],
    });

    // A line that is not a window: named beside the field, nothing sent.
    await page.fill('#availability', '2023-08-01 08:00 – 21:00\n周日全天');
    await page.getByRole('button', { name: zh('officials.edit.submit'), exact: true }).click();
    await page.locator('#availability-error').waitFor();
    await expectPage(page.locator('#availability-error')).toContainText(
      zh('officials.edit.availabilityLine', { line: 2 }),
    );
    await expectPage(page.locator('#availability')).toHaveAttribute('aria-invalid', 'true');

    // An affiliation with a team of the assigned game: refused beside the field, with a link to the game.
    await page.fill('#availability', '2023-08-01 08:00 – 21:00');
    await page.selectOption('#affiliatedTeamIds', [teams[0]!]);
    await page.getByRole('button', { name: zh('officials.edit.submit'), exact: true }).click();
    await page.locator('#affiliatedTeamIds-error').waitFor();
    await expectPage(page.locator('#affiliatedTeamIds-error')).toContainText(zh('officials.edit.broken.affiliated'));
    await expectPage(page.locator('#affiliatedTeamIds-error a')).toHaveAttribute('href', `/matches/${game.id}`);
    await expectPage(page.locator('[role="alert"]')).toContainText(zh('officials.edit.brokenIntro'));
    await screenshot(page, 'official-edit-refused');
    expect((await call<Official>('GET', `/officials/${official.id}`)).affiliatedTeamIds).toEqual([]);

    // The board links to the edit page.
    await page.goto(web(`/events/${event.id}/officials`));
    await expectPage(page.locator(`a[href="/officials/${official.id}/edit"]`)).toHaveAttribute('href', path);

    // axe (WCAG 2.1 AA) on the refused form, in a browser with JavaScript (axe runs as a script).
    const withJs = await openBrowser();
    try {
      const checked = await withJs.newPage();
      await signInWithForm(checked, ORGANIZER, path);
      await checked.selectOption('#affiliatedTeamIds', [teams[1]!]);
      await checked.getByRole('button', { name: zh('officials.edit.submit'), exact: true }).click();
      await checked.locator('#affiliatedTeamIds-error').waitFor();
      expect(await axeViolations(checked)).toEqual([]);
    } finally {
      await withJs.close();
    }
  });
});
