import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type MessageKey, translate } from '../src/lib/i18n/index.js';
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

const web = (path: string) => `${inject('webUrl')}${path}`;

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

/** Forms work before the app's scripts arrive too, but typing is only kept reliably once the page is live. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

async function signIn(page: Page, email: string, password: string, next: string): Promise<void> {
  await page.goto(web(`/login?next=${encodeURIComponent(next)}`));
  await settled(page);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.getByRole('button', { name: zh('login.submit'), exact: true }).click();
  await page.waitForURL((url) => url.pathname === next);
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
    await settled(page);
    await page.fill('#displayName', '周教练');
    await page.fill('#email', email);
    await page.fill('#password', PASSWORD);
    await page.getByRole('button', { name: zh('registration.signup.submit') }).click();
    await page.waitForURL(/\/teams\/mine$/);
    await settled(page);
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
    expect(await page.textContent('h1')).toBe(TEAM);
    await settled(page);

    // Roster: 5 rows to start with, 3 more added in place (JavaScript on), shirt number 4 entered twice.
    expect(await page.locator('.rows > li').count()).toBe(5);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: `+ ${zh('registration.roster.add')}` }).click();
    expect(await page.locator('.rows > li').count()).toBe(8);
    for (const [index, player] of PLAYERS.entries()) await fillRow(page, index, player);
    await page.fill('#roster-3-number', '4');
    await page.getByRole('button', { name: zh('registration.roster.save'), exact: true }).click();

    const error = page.locator('#roster-3-number-error');
    await error.waitFor();
    expect(await error.textContent()).toContain(zh('registration.error.numberDuplicate'));
    const row3 = page.locator('.rows > li').nth(3);
    expect(await row3.locator('#roster-3-number-error').count()).toBe(1);
    expect(await page.getAttribute('#roster-3-number', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#roster-3-number', 'aria-describedby')).toBe('roster-3-number-error');
    expect(await page.locator('.field-error').count()).toBe(1);
    // What was typed is still there, and the reader is taken to the summary, which links to the field to fix.
    expect(await page.inputValue('#roster-3-number')).toBe('4');
    expect(await page.inputValue('#roster-7-name')).toBe('黄嘉乐');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.locator('.error-summary a[href="#roster-3-number"]').count()).toBe(1);
    await screenshot(page, 'registration-roster-duplicate-number');
    const token = await apiToken(email, PASSWORD);
    expect(await storedRoster(token, teamId)).toEqual([]);

    await page.fill('#roster-3-number', '7');
    await page.getByRole('button', { name: zh('registration.roster.save'), exact: true }).click();
    await page.getByText(zh('registration.roster.saved', { count: 8 })).waitFor();
    expect(await page.locator('.field-error').count()).toBe(0);
    const saved = await storedRoster(token, teamId);
    expect(saved.map((p) => p.name)).toEqual(PLAYERS.map(([name]) => name));
    expect(saved.map((p) => p.number)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    await screenshot(page, 'registration-roster-saved');

    // The event page: places left, and the way to register.
    await page.goto(web('/'));
    await page.getByRole('link', { name: FUTURE_STARS }).click();
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    const eventId = /\/events\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
    expect(await page.textContent('[data-testid="registration-open"]')).toBe(zh('registration.open'));
    const placesLeft = async (p: Page) =>
      Number(/\d+/.exec((await p.textContent('[data-testid="places-left"]')) ?? '')?.[0]);
    const placesBefore = await placesLeft(page);
    expect(placesBefore).toBeGreaterThan(0);
    await page.getByRole('link', { name: zh('registration.event.register') }).click();
    await page.waitForURL(/\/register$/);

    // Review the saved roster, then register it.
    expect(await page.locator('table tbody tr').count()).toBe(8);
    expect(await page.textContent('main')).toContain(
      zh('registration.register.playerCount', { players: 8, people: 8 }),
    );
    // The league plays in divisions (age group × gender): the players, born 2012–13, go into U12 boys.
    const u12 = await page.locator('#divisionId option', { hasText: 'U12男子组' }).getAttribute('value');
    await page.selectOption('#divisionId', u12 ?? '');
    await page.getByRole('button', { name: zh('registration.register.submit', { team: TEAM }) }).click();
    await page.waitForURL(/registered=1/);
    const status = page.locator('.result [data-status]');
    expect(await status.getAttribute('data-status')).toBe('pending');
    expect(await status.textContent()).toContain(zh('registration.status.pending'));
    await screenshot(page, 'registration-pending');

    // The organizer, in a browser of their own, approves it from the review queue.
    const org = await organizer.newPage();
    await signIn(org, 'organizer@sailcourt.local', 'sailcourt-organizer', '/organizer');
    expect(await org.textContent('[data-testid="season-participants"]')).toMatch(/\d/);
    await screenshot(org, 'registration-organizer-overview');
    await org.goto(web(`/organizer/events/${eventId}`));
    const queued = org.locator(`#pending li[data-team="${TEAM}"]`);
    expect(await queued.count()).toBe(1);
    // The button's name carries the team (for screen readers, from a visually hidden span): "通过 : 崂山小飞虎".
    await queued
      .getByRole('button', { name: new RegExp(`^${zh('registration.organizer.decide.confirmed')}\\s*:\\s*${TEAM}$`) })
      .click();
    await org.locator(`#confirmed li[data-team="${TEAM}"]`).waitFor();
    expect(await org.locator(`#pending li[data-team="${TEAM}"]`).count()).toBe(0);
    expect(await org.locator('.audit tbody tr').first().textContent()).toContain(TEAM);
    await screenshot(org, 'registration-organizer-approved');

    // The manager reloads their page: confirmed, with the change among the notifications.
    await page.goto(web('/me'));
    const mine = page.locator('table.registrations tbody tr', { hasText: TEAM });
    expect(await mine.locator('[data-status]').getAttribute('data-status')).toBe('confirmed');
    expect(await mine.textContent()).toContain(zh('registration.status.confirmed'));
    expect(await page.locator('.notifications li[data-to="confirmed"]', { hasText: TEAM }).count()).toBe(1);
    await screenshot(page, 'registration-me-confirmed');

    // The public event page lists the team (name, city, status), and one place fewer.
    const visitor = await openBrowser();
    const pub = await visitor.newPage();
    await pub.goto(web(`/events/${eventId}`));
    const listed = pub.locator(`table.teams tr[data-team="${TEAM}"]`);
    expect(await listed.textContent()).toContain('青岛');
    expect(await listed.locator('[data-status]').getAttribute('data-status')).toBe('confirmed');
    expect(await placesLeft(pub)).toBe(placesBefore - 1);
    await screenshot(pub, 'registration-event-page');
    expect(await pub.getByRole('link', { name: zh('registration.event.signInToRegister') }).count()).toBe(1);
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
      await page.route(/\/_app\/.*\.js(\?.*)?$/, (route) => route.abort());
      await signIn(page, email, PASSWORD, `/teams/${teamId}/edit`);
      expect(await page.locator('.rows > li').count()).toBe(5);

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
      expect(await page.locator('.rows > li').count()).toBe(6);
      expect(await page.inputValue('#roster-0-name')).toBe('甲');
      await page
        .getByRole('button', {
          name: `${zh('registration.roster.remove')} ${zh('registration.roster.row', { number: 2 })}`,
        })
        .click();
      await page.waitForLoadState('load');
      expect(await page.locator('.rows > li').count()).toBe(5);
      expect(await page.inputValue('#roster-1-name')).toBe('');
      expect(await storedRoster(accessToken, teamId)).toEqual([]);

      await page.fill('#roster-1-name', '丙');
      await page.fill('#roster-1-number', '23');
      await page.fill('#roster-2-name', '丁');
      await page.getByRole('button', { name: zh('registration.roster.save'), exact: true }).click();
      await page.locator('#roster-1-number-error').waitFor();
      // Blank rows were left out, so the rows shown are the rows sent: the error sits on the second one.
      expect(await page.locator('.rows > li').count()).toBe(3);
      expect(await page.getAttribute('#roster-1-number', 'aria-invalid')).toBe('true');
      expect(await page.textContent('#roster-1-number-error')).toContain(zh('registration.error.numberDuplicate'));
      expect(await storedRoster(accessToken, teamId)).toEqual([]);
      await screenshot(page, 'registration-roster-no-js');
    } finally {
      await context.close();
    }
  }, 120_000);
});
