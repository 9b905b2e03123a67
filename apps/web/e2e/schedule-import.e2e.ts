import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MessageKey, translate } from '../src/lib/i18n/index.js';
import { expectPage, hydrated, ORGANIZER, signInWithForm } from './support/page.js';
import { openBrowser, screenshot } from './support/browser.js';
import { axeViolations } from './support/phone.js';
import { organizerApi } from './support/organizer-api.js';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const { call, signIn, seeded } = organizerApi();

type Match = { startsAt: string; homeTeamName: string; awayTeamName: string; group: string; round: number | null };

const TEAMS = ['海大一队', '海大二队', '科大一队', '科大二队'];
/** A round robin of four over three days, as a Chinese Excel saves it (GB18030); `typo` misspells one team in row 4. */
function scheduleFile(typo: boolean): string {
  const [a, b, c, d] = TEAMS;
  const games = [
    ['2023-07-21', '17:00', a, b],
    ['2023-07-21', '19:30', c, d],
    ['2023-07-22', '17:00', typo ? '海大1队' : a, c],
    ['2023-07-22', '19:30', b, d],
    // Excel serials: 45130 = 2023-07-23, 0.708333… = 17:00.
    ['45130', '0.7083333333', a, d],
    ['45130', '0.8125', b, c],
  ];
  const lines = [
    '日期,时间,主队,客队,场馆,场地,组别,轮次',
    ...games.map(([date, time, home, away], i) => `${date},${time},${home},${away},,,A,${Math.floor(i / 2) + 1}`),
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'sailcourt-schedule-')), typo ? '赛程表.csv' : '赛程表-改正.csv');
  writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'gb18030'));
  return file;
}

let organizer: BrowserContext;
beforeAll(async () => {
  organizer = await openBrowser();
});
afterAll(async () => {
  await organizer?.close();
});

describe('schedule import page', () => {
  it('an organizer previews a GB18030 schedule, fixes the flagged team name, imports every game, and a second import adds none', async () => {
    await signIn();
    // The seeded university invitational (20–27 July), with four teams the organizer registered.
    const event = await seeded('university-invitational');
    expect(await call<unknown[]>('GET', `/events/${event.id}/matches`)).toEqual([]);
    for (const name of TEAMS) {
      const team = await call<{ id: string }>('POST', '/teams', { name, sport: 'basketball' });
      await call('POST', `/events/${event.id}/registrations`, { teamId: team.id, roster: [{ name: '球员' }] });
    }

    const page = await organizer.newPage();
    const path = `/events/${event.id}/import/schedule`;
    await signInWithForm(page, ORGANIZER, `/events/${event.id}/import`);
    await page.getByRole('link', { name: zh('scheduleImport.link'), exact: true }).click();
    await page.waitForURL((url) => url.pathname === path);
    await hydrated(page);

    await page.setInputFiles('#schedule-file', scheduleFile(true));
    await page.getByRole('button', { name: zh('import.preview'), exact: true }).click();
    await page.locator('[data-problems]').waitFor();
    await expectPage(page.locator('[data-encoding]')).toHaveAttribute('data-encoding', 'gb18030');
    await expectPage(page.locator('[data-problems]')).toHaveAttribute('data-problems', '1');
    await expectPage(page.locator('table.rows tbody tr[data-row]')).toHaveCount(6);
    expect(
      await page.locator('tr.bad').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row')))),
    ).toEqual([4]);
    await expectPage(page.locator('#problem-4')).toContainText('is not a confirmed team of this event');
    await expectPage(page.locator('tr[data-row="4"] input[data-column="home"]')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await screenshot(page, 'schedule-import-flagged');
    expect(await axeViolations(page)).toEqual([]);
    expect(await call<unknown[]>('GET', `/events/${event.id}/matches`)).toEqual([]);

    await page.fill('tr[data-row="4"] input[data-column="home"]', TEAMS[0]!);
    await page.getByRole('button', { name: zh('scheduleImport.commit'), exact: true }).click();
    await page.locator('p.saved').waitFor();
    await expectPage(page.locator('p.saved')).toContainText(zh('scheduleImport.done', { created: 6, existing: 0 }));
    const games = await call<Match[]>('GET', `/events/${event.id}/matches`);
    expect(games.map((m) => [m.startsAt, m.homeTeamName, m.awayTeamName])).toEqual([
      ['2023-07-21T17:00:00+08:00', TEAMS[0], TEAMS[1]],
      ['2023-07-21T19:30:00+08:00', TEAMS[2], TEAMS[3]],
      ['2023-07-22T17:00:00+08:00', TEAMS[0], TEAMS[2]],
      ['2023-07-22T19:30:00+08:00', TEAMS[1], TEAMS[3]],
      ['2023-07-23T17:00:00+08:00', TEAMS[0], TEAMS[3]],
      ['2023-07-23T19:30:00+08:00', TEAMS[1], TEAMS[2]],
    ]);

    // The corrected file again: nothing to add.
    await page.setInputFiles('#schedule-file', scheduleFile(false));
    await page.getByRole('button', { name: zh('import.preview'), exact: true }).click();
    await page.locator('[data-problems="0"]').waitFor();
    await expectPage(page.locator('[data-problems="0"]')).toContainText(
      zh('scheduleImport.counts', { created: 0, existing: 6 }),
    );
    await page.getByRole('button', { name: zh('scheduleImport.commit'), exact: true }).click();
    await page.locator('p.saved').waitFor();
    await expectPage(page.locator('p.saved')).toContainText(zh('scheduleImport.done', { created: 0, existing: 6 }));
    expect(await call<unknown[]>('GET', `/events/${event.id}/matches`)).toHaveLength(6);
  });
});
