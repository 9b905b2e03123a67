import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type MessageKey, translate } from '../src/lib/i18n/index.js';
import { blockScripts, expectPage, hydrated, ORGANIZER, signInWithForm, web } from './support/page.js';
import { openBrowser, screenshot } from './support/browser.js';

/** The Chinese texts the pages show (the default language), taken from the same tables the pages use. */
const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);

// An approval-mode basketball event with no registration window, taking 8–12 players per team.
const FUTURE_STARS = '“未来之星”小篮球联赛';
// Unique per run, so the test also holds against a platform that has seen earlier runs.
const TEAM = `崂山小飞虎${String(Date.now()).slice(-4)}`;
const PASSWORD = 'hoop-dreams-2023';
const PLAYERS = [
  ['王小明', '4', 'guard', '2012'],
  ['李子涵', '5', 'guard', '2012'],
  ['张浩然', '6', 'forward', '2013'],
  ['刘一诺', '7', 'forward', '2012'],
  ['陈思远', '8', 'center', '2013'],
  ['杨俊熙', '9', 'center', '2012'],
  ['赵宇航', '10', 'forward', '2013'],
  ['黄嘉乐', '11', 'guard', '2012'],
] as const;

let manager: BrowserContext;
let organizer: BrowserContext;
beforeAll(async () => {
  [manager, organizer] = await Promise.all([openBrowser(), openBrowser()]);
});
afterAll(async () => {
  await Promise.all([manager?.close(), organizer?.close()]);
});

/** The API as the test's own witness: what is stored, independent of what the pages say. */
async function apiToken(email: string, password: string): Promise<string> {
  const res = await fetch(`${inject('apiUrl')}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
async function storedRoster(token: string, teamId: string): Promise<{ name: string; number: number | null }[]> {
  const res = await fetch(`${inject('apiUrl')}/api/teams/${teamId}/roster`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { roster: { name: string; number: number | null }[] }).roster;
}

async function fillRow(
  page: Page,
  index: number,
  [name, number, position, birthYear]: readonly string[],
): Promise<void> {
  await page.fill(`#roster-${index}-name`, name ?? '');
  await page.fill(`#roster-${index}-number`, number ?? '');
  await page.selectOption(`#roster-${index}-position`, position ?? '');
  await page.fill(`#roster-${index}-birthYear`, birthYear ?? '');
}

describe('teams and registration', () => {
  it('a new manager signs up, builds a roster, registers and sees pending; an organizer approves; the manager sees confirmed', async () => {
    const email = `coach-${Date.now()}@example.com`;
    const page = await manager.newPage();

    // Sign up: the session cookie is httpOnly, so page scripts cannot read the token.
    await page.goto(web('/login'));
    await page.getByRole('link', { name: zh('registration.signup.title') }).click();
    await page.waitForURL(/\/signup/);
    await hydrated(page);
    await page.fill('#displayName', '周教练');
    await page.fill('#email', email);
    await page.fill('#password', PASSWORD);
    await page.getByRole('button', { name: zh('registration.signup.submit') }).click();
    await page.waitForURL(/\/teams\/mine$/);
    await hydrated(page);
    expect(await page.evaluate(() => document.cookie)).not.toContain('sailcourt_session');
    const session = (await manager.cookies()).find((c) => c.name === 'sailcourt_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');

    // Create the team.
    await page.fill('#team-name', TEAM);
    await page.fill('#team-nameEn', 'Laoshan Little Tigers');
    await page.fill('#team-city', '青岛');
    await page.fill('#team-cityEn', 'Qingdao');
    await page.getByRole('button', { name: zh('registration.teams.createSubmit') }).click();
    await page.waitForURL(/\/teams\/[0-9a-f-]{36}\/edit/);
    const teamId = /\/teams\/([0-9a-f-]{36})\/edit/.exec(page.url())?.[1] ?? '';
    await expectPage(page.locator('h1')).toHaveText(TEAM);
    await hydrated(page);

    // Roster: 5 rows to start with, 3 more added in place (JavaScript on), shirt number 4 entered twice.
    await expectPage(page.locator('.rows > li')).toHaveCount(5);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: `+ ${zh('registration.roster.add')}` }).click();
    await expectPage(page.locator('.rows > li')).toHaveCount(8);
    for (const [index, player] of PLAYERS.entries()) await fillRow(page, index, player);
    await page.fill('#roster-3-number', '4');
    await page.getByRole('button', { name: zh('registration.roster.save'), exact: true }).click();

    const error = page.locator('#roster-3-number-error');
    await error.waitFor();
    await expectPage(error).toContainText(zh('registration.error.numberDuplicate'));
    const row3 = page.locator('.rows > li').nth(3);
    await expectPage(row3.locator('#roster-3-number-error')).toHaveCount(1);
    await expectPage(page.locator('#roster-3-number')).toHaveAttribute('aria-invalid', 'true');
    await expectPage(page.locator('#roster-3-number')).toHaveAttribute('aria-describedby', 'roster-3-number-error');
    await expectPage(page.locator('.field-error')).toHaveCount(1);
    // What was typed is still there, and the reader is taken to the summary, which links to the field to fix.
    await expectPage(page.locator('#roster-3-number')).toHaveValue('4');
    await expectPage(page.locator('#roster-7-name')).toHaveValue('黄嘉乐');
    await expectPage(page.locator(':focus')).toHaveClass(/(^|\s)error-summary(\s|$)/);
    await expectPage(page.locator('.error-summary a[href="#roster-3-number"]')).toHaveCount(1);
    await screenshot(page, 'registration-roster-duplicate-number');
    const token = await apiToken(email, PASSWORD);
    expect(await storedRoster(token, teamId)).toEqual([]);

    await page.fill('#roster-3-number', '7');
    await page.getByRole('button', { name: zh('registration.roster.save'), exact: true }).click();
    await page.getByText(zh('registration.roster.saved', { count: 8 })).waitFor();
    await expectPage(page.locator('.field-error')).toHaveCount(0);
    const saved = await storedRoster(token, teamId);
    expect(saved.map((p) => p.name)).toEqual(PLAYERS.map(([name]) => name));
    expect(saved.map((p) => p.number)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    await screenshot(page, 'registration-roster-saved');

    // The event page: places left, and the way to register.
    await page.goto(web('/'));
    await page.getByRole('link', { name: FUTURE_STARS }).click();
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    const eventId = /\/events\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
    await expectPage(page.locator('[data-testid="registration-open"]')).toHaveText(zh('registration.open'));
    const placesLeft = async (p: Page) =>
      Number(/\d+/.exec((await p.textContent('[data-testid="places-left"]')) ?? '')?.[0]);
    const placesBefore = await placesLeft(page);
    expect(placesBefore).toBeGreaterThan(0);
    await page.getByRole('link', { name: zh('registration.event.register') }).click();
    await page.waitForURL(/\/register$/);

    // Review the saved roster, then register it.
    await expectPage(page.locator('table tbody tr')).toHaveCount(8);
    await expectPage(page.locator('main')).toContainText(
      zh('registration.register.playerCount', { players: 8, people: 8 }),
    );
    // The league plays in divisions (age group × gender): the players, born 2012–13, go into U12 boys.
    const u12 = await page.locator('#divisionId option', { hasText: 'U12男子组' }).getAttribute('value');
    await page.selectOption('#divisionId', u12 ?? '');
    await page.getByRole('button', { name: zh('registration.register.submit', { team: TEAM }) }).click();
    await page.waitForURL(/registered=1/);
    const status = page.locator('.result [data-status]');
    await expectPage(status).toHaveAttribute('data-status', 'pending');
    await expectPage(status).toContainText(zh('registration.status.pending'));
    await screenshot(page, 'registration-pending');

    // The organizer, in a browser of their own, approves it from the review queue.
    const org = await organizer.newPage();
    await signInWithForm(org, ORGANIZER, '/organizer');
    await expectPage(org.locator('[data-testid="season-participants"]')).toHaveText(/\d/);
    await screenshot(org, 'registration-organizer-overview');
    await org.goto(web(`/organizer/events/${eventId}`));
    const queued = org.locator(`#pending li[data-team="${TEAM}"]`);
    await expectPage(queued).toHaveCount(1);
    // The button's name carries the team (for screen readers, from a visually hidden span): "通过 : 崂山小飞虎".
    await queued
      .getByRole('button', { name: new RegExp(`^${zh('registration.organizer.decide.confirmed')}\\s*:\\s*${TEAM}$`) })
      .click();
    await org.locator(`#confirmed li[data-team="${TEAM}"]`).waitFor();
    await expectPage(org.locator(`#pending li[data-team="${TEAM}"]`)).toHaveCount(0);
    await expectPage(org.locator('.audit tbody tr').first()).toContainText(TEAM);
    await screenshot(org, 'registration-organizer-approved');

    // The manager reloads their page: confirmed, with the change among the notifications.
    await page.goto(web('/me'));
    const mine = page.locator('table.registrations tbody tr', { hasText: TEAM });
    await expectPage(mine.locator('[data-status]')).toHaveAttribute('data-status', 'confirmed');
    await expectPage(mine).toContainText(zh('registration.status.confirmed'));
    await expectPage(page.locator('.notifications li[data-to="confirmed"]', { hasText: TEAM })).toHaveCount(1);
    await screenshot(page, 'registration-me-confirmed');

    // The public event page lists the team (name, city, status), and one place fewer.
    const visitor = await openBrowser();
    const pub = await visitor.newPage();
    await pub.goto(web(`/events/${eventId}`));
    const listed = pub.locator(`table.teams tr[data-team="${TEAM}"]`);
    await expectPage(listed).toContainText('青岛');
    await expectPage(listed.locator('[data-status]')).toHaveAttribute('data-status', 'confirmed');
    await expect.poll(() => placesLeft(pub)).toBe(placesBefore - 1);
    await screenshot(pub, 'registration-event-page');
    await expectPage(pub.getByRole('link', { name: zh('registration.event.signInToRegister') })).toHaveCount(1);
    await visitor.close();
  }, 180_000);

  it('edits a roster without JavaScript: rows are added and removed by the server, and a duplicate number is refused beside its row', async () => {
    // A manager and an empty team set up through the API; the browser then runs with the app's scripts blocked.
    const email = `nojs-${Date.now()}@example.com`;
    const signup = await fetch(`${inject('apiUrl')}/api/auth/signup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD, displayName: '无脚本' }),
    });
    expect(signup.status).toBe(201);
    const { accessToken } = (await signup.json()) as { accessToken: string };
    const created = await fetch(`${inject('apiUrl')}/api/teams`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ name: '无脚本队', sport: 'basketball' }),
    });
    const teamId = ((await created.json()) as { id: string }).id;

    const context = await openBrowser();
    try {
      const page = await context.newPage();
      await blockScripts(page);
      await signInWithForm(page, { email, password: PASSWORD }, `/teams/${teamId}/edit`);
      await expectPage(page.locator('.rows > li')).toHaveCount(5);

      await page.fill('#roster-0-name', '甲');
      await page.fill('#roster-0-number', '23');
      await page.fill('#roster-1-name', '乙');
      // Without scripts, "add a row" is a real form post that the server answers with one more row.
      const [posted] = await Promise.all([
        page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('?/roster')),
        page.getByRole('button', { name: `+ ${zh('registration.roster.add')}` }).click(),
      ]);
      expect(posted.postData()).toContain('intent=add');
      await page.waitForLoadState('load');
      await expectPage(page.locator('.rows > li')).toHaveCount(6);
      await expectPage(page.locator('#roster-0-name')).toHaveValue('甲');
      await page
        .getByRole('button', {
          name: `${zh('registration.roster.remove')} ${zh('registration.roster.row', { number: 2 })}`,
        })
        .click();
      await page.waitForLoadState('load');
      await expectPage(page.locator('.rows > li')).toHaveCount(5);
      await expectPage(page.locator('#roster-1-name')).toHaveValue('');
      expect(await storedRoster(accessToken, teamId)).toEqual([]);

      await page.fill('#roster-1-name', '丙');
      await page.fill('#roster-1-number', '23');
      await page.fill('#roster-2-name', '丁');
      await page.getByRole('button', { name: zh('registration.roster.save'), exact: true }).click();
      await page.locator('#roster-1-number-error').waitFor();
      // Blank rows were left out, so the rows shown are the rows sent: the error sits on the second one.
      await expectPage(page.locator('.rows > li')).toHaveCount(3);
      await expectPage(page.locator('#roster-1-number')).toHaveAttribute('aria-invalid', 'true');
      await expectPage(page.locator('#roster-1-number-error')).toContainText(zh('registration.error.numberDuplicate'));
      expect(await storedRoster(accessToken, teamId)).toEqual([]);
      await screenshot(page, 'registration-roster-no-js');
    } finally {
      await context.close();
    }
  }, 120_000);
});
