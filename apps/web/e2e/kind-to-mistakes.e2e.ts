import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type MessageKey, translate } from '../src/lib/i18n/index.js';
import { expectPage, hydrated, signInBrowser, web } from './support/page.js';
import { openBrowser, screenshot } from './support/browser.js';
import { axeViolations, PHONE, sidewaysProblems } from './support/phone.js';

/** Texts the pages show, from the tables the pages use. */
const zh = (key: MessageKey, params?: Record<string, string | number>) =>
  translate('zh-CN', key as 'app.name', params as Record<string, never>);
const en = (key: MessageKey, params?: Record<string, string | number>) =>
  translate('en', key as 'app.name', params as Record<string, never>);

type Json = Record<string, unknown>;
async function call(
  path: string,
  method: string,
  token: string | null,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${inject('apiUrl')}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: res.status === 204 ? {} : ((await res.json()) as Json) };
}

let manager: BrowserContext;
let organizer: BrowserContext;
let organizerToken = '';
const managerAccount = { email: `kind-${Date.now()}@example.com`, password: 'kind-to-mistakes-2023', token: '' };

async function phone(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  await page.goto(web(path));
  await hydrated(page);
  return page;
}

beforeAll(async () => {
  [manager, organizer] = await Promise.all([openBrowser(), openBrowser()]);
  organizerToken =
    ((await call('/auth/login', 'POST', null, { email: 'organizer@sailcourt.local', password: 'sailcourt-organizer' }))
      .body.accessToken as string) ?? '';
  const signup = await call('/auth/signup', 'POST', null, {
    email: managerAccount.email,
    password: managerAccount.password,
    displayName: '周领队',
  });
  managerAccount.token = signup.body.accessToken as string;
});
afterAll(async () => {
  await Promise.all([manager?.close(), organizer?.close()]);
});

describe('sign-in lands where the work is', () => {
  it('takes an organizer to the dashboard and a team manager to their registrations', async () => {
    expect(await signInBrowser(organizer)).toBe('/organizer');
    expect(await signInBrowser(manager, managerAccount)).toBe('/me');
  });
});

describe('a withdrawal after games were played', () => {
  it('asks “are you sure?” beside the button, then needs the organizer, who approves it; the header counts what waits', async () => {
    // A first-come event with two confirmed teams that have played each other.
    const seasons = (await call('/seasons', 'GET', null)).body as unknown as { id: string; slug: string }[];
    const seasonId = seasons.find((s) => s.slug === 'qingdao-basketball-2023')?.id;
    const event = (
      await call('/events', 'POST', organizerToken, {
        seasonId,
        name: `周末挑战赛${Date.now() % 10000}`,
        nameEn: 'Weekend Challenge',
        kind: 'tournament',
        startDate: '2023-08-01',
        endDate: '2023-08-03',
        registrationMode: 'first-come',
      })
    ).body;
    const mine = (
      await call('/teams', 'POST', managerAccount.token, { name: '海风队', sport: 'basketball', city: '青岛' })
    ).body;
    const other = (await call('/teams', 'POST', organizerToken, { name: '浪花队', sport: 'basketball' })).body;
    const registration = await call(`/events/${event.id}/registrations`, 'POST', managerAccount.token, {
      teamId: mine.id,
      roster: [{ name: '甲', number: 4 }],
    });
    expect(registration.status).toBe(201);
    await call(`/events/${event.id}/registrations`, 'POST', organizerToken, {
      teamId: other.id,
      roster: [{ name: '乙', number: 5 }],
    });
    const match = await call(`/events/${event.id}/matches`, 'POST', organizerToken, {
      homeTeamId: mine.id,
      awayTeamId: other.id,
      startsAt: '2023-08-01T19:30:00+08:00',
    });
    expect(
      (await call(`/matches/${match.body.id}/result`, 'PUT', organizerToken, { homeScore: 66, awayScore: 60 })).status,
    ).toBe(200);
    // Both teams are seeded into a bracket: a withdrawal from here on flags it on the organizer's manage page.
    expect((await call(`/events/${event.id}/playoffs`, 'POST', organizerToken, { qualifiersPerGroup: 2 })).status).toBe(
      201,
    );

    const page = await phone(manager, '/me');
    const row = page.locator(`[data-registration="${registration.body.id}"]`);
    await row.getByRole('button', { name: new RegExp(zh('registration.me.withdraw')) }).click();
    // First press: a confirmation in the row, focused; nothing stored changed.
    const confirm = row.locator('.confirm');
    await confirm.waitFor();
    await expectPage(confirm).toContainText(
      zh('registration.me.confirmWithdraw', { team: '海风队', event: event.name as string }),
    );
    await expectPage(page.locator(':focus')).toHaveClass(/(^|\s)confirm(\s|$)/);
    expect((await call(`/registrations/${registration.body.id}`, 'GET', null)).body.status).toBe('confirmed');
    await screenshot(page, 'phone-withdraw-confirm-zh-CN');
    await row.getByRole('button', { name: zh('registration.me.confirmYes') }).click();
    // The team has played: the page says so and offers the request, where the reader is looking.
    await row.getByRole('button', { name: new RegExp(zh('registration.me.requestWithdrawal')) }).waitFor();
    await expectPage(row).toContainText(zh('registration.problem.withdrawalNeedsApproval'));
    // A reason over the limit is never cut off: the count and a warning say so, and the field will not submit.
    const reason = row.locator('textarea');
    await reason.fill('长'.repeat(501));
    expect(await reason.evaluate((el) => (el as HTMLTextAreaElement).value.length)).toBe(501);
    await expectPage(row.locator('.char-limit [role=status]')).toHaveText(zh('common.charOver', { max: 500 }));
    expect(await reason.evaluate((el) => (el as HTMLTextAreaElement).validity.valid)).toBe(false);
    await reason.fill('主力受伤');
    await expectPage(row.locator('.char-limit .count')).toHaveText(zh('common.charCount', { count: 4, max: 500 }));
    await expectPage(row.locator('.char-limit [role=status]')).toHaveText('');
    await row.getByRole('button', { name: new RegExp(zh('registration.me.requestWithdrawal')) }).click();
    await row.getByText(zh('registration.me.requested')).waitFor();
    expect(await sidewaysProblems(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'phone-withdraw-requested-zh-CN');
    await page.close();

    // The organizer's manage page flags the seeded team that asks to withdraw, with the way to decide.
    const manage = await phone(organizer, `/events/${event.id}/manage?lang=en`);
    const requested = manage.locator(`[data-bracket-flags] li[data-team="${mine.id}"]`);
    await expectPage(requested).toHaveAttribute('data-state', 'requested');
    await expectPage(requested).toHaveText(en('competition.bracket.flagRequested', { team: '海风队' }));
    expect(
      await manage
        .locator('[data-bracket-flags] a', { hasText: en('competition.bracket.flagDecide') })
        .getAttribute('href'),
    ).toBe(`/organizer/events/${event.id}`);
    expect(await sidewaysProblems(manage)).toEqual([]);
    expect(await axeViolations(manage)).toEqual([]);
    await manage.close();

    // The organizer sees the count in the header and decides on the event's page.
    const board = await phone(organizer, `/organizer/events/${event.id}?lang=en`);
    const badge = board.locator('header .pending-dot');
    await expectPage(badge).toHaveText(/^[1-9]\d*$/); // at least one
    const card = board.locator(`[data-withdrawal="${registration.body.id}"]`);
    await expectPage(card).toContainText('主力受伤');
    await card.getByRole('button', { name: new RegExp(en('registration.organizer.withdrawalApprove')) }).click();
    await board.getByText(en('registration.organizer.withdrawalApproved', { team: '海风队' })).waitFor();
    expect(await axeViolations(board)).toEqual([]);
    await screenshot(board, 'phone-withdrawal-approved-en');
    await board.close();
    expect((await call(`/registrations/${registration.body.id}`, 'GET', null)).body).toMatchObject({
      status: 'withdrawn',
      withdrawalRequestedAt: null,
    });

    // Withdrawn after games: the manage page keeps flagging the bracket (in Chinese too), now as withdrawn.
    const after = await phone(organizer, `/events/${event.id}/manage?lang=zh-CN`);
    const withdrawn = after.locator(`[data-bracket-flags] li[data-team="${mine.id}"]`);
    await expectPage(withdrawn).toHaveAttribute('data-state', 'withdrawn');
    await expectPage(withdrawn).toHaveText(zh('competition.bracket.flagWithdrawn', { team: '海风队' }));
    await screenshot(after, 'phone-manage-bracket-flag-zh-CN');
    await after.close();
  });
});

describe('a roster pasted on a phone', () => {
  it('fills ten people from ten lines, shows every mistake at once in a focused summary, then saves', async () => {
    const team = (await call('/teams', 'POST', managerAccount.token, { name: '石老人队', sport: 'basketball' })).body;
    const page = await phone(manager, `/teams/${team.id}/edit`);
    const lines = [
      '王小明, 4, 球员',
      '李子涵，5，后卫',
      '张浩然、6',
      '刘一诺,7',
      '陈思远,8',
      '杨俊熙,9',
      '赵宇航,10',
      '黄嘉乐,4',
      ',11',
      '孙教练, 主教练',
    ];
    await page.locator('.paste summary').click();
    await page.fill('#roster-paste', lines.join('\n'));
    await page.getByRole('button', { name: zh('registration.roster.pasteButton') }).click();
    await page.getByText(zh('registration.roster.pasted', { count: 9 })).waitFor();
    // The line without a name is named, not fatal.
    await expectPage(page.locator('main')).toContainText(
      zh('registration.roster.pasteSkipped', { line: 9, text: ',11' }),
    );
    await expectPage(page.locator('.rows > li')).toHaveCount(9);
    await expectPage(page.locator('#roster-1-name')).toHaveValue('李子涵');

    // Two mistakes at once: a duplicate shirt number and a name over the limit get one summary, focused.
    await page.fill('#roster-2-name', '');
    await page.getByRole('button', { name: zh('registration.roster.save'), exact: true }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expectPage(page.locator(':focus')).toHaveClass(/(^|\s)error-summary(\s|$)/);
    await expectPage(summary.locator('li')).toHaveCount(2);
    await expectPage(page.locator('#roster-7-number')).toHaveAttribute('aria-invalid', 'true');
    await screenshot(page, 'phone-roster-errors-zh-CN');

    await page.fill('#roster-2-name', '张浩然');
    await page.fill('#roster-7-number', '12');
    await page.getByRole('button', { name: zh('registration.roster.save'), exact: true }).click();
    const saved = page.getByText(zh('registration.roster.saved', { count: 9 }));
    await saved.waitFor();
    // Said beside the button, on screen.
    const box = await saved.boundingBox();
    expect(box && box.y >= 0 && box.y < PHONE.height).toBe(true);
    const roster = (await call(`/teams/${team.id}/roster`, 'GET', managerAccount.token)).body.roster as {
      name: string;
      number: number | null;
      role: string;
    }[];
    expect(roster).toHaveLength(9);
    expect(roster.at(-1)).toMatchObject({ name: '孙教练', role: 'coach' });
    await page.close();
  });
});
