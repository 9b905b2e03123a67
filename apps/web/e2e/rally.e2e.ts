import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectPage } from './support/page.js';
import { openBrowser, screenshot } from './support/browser.js';

const RALLY = 'shandong-peninsula-rally-2023';
const LEADER = '山东港口青岛港—丹泉酒业·赛曼队';
const RUNNER_UP = '潍坊港—梦之蓝·飞鱼帆船队';

type ResultRow = {
  entryId: string;
  sailNumber: string | null;
  finishedAt: string | null;
  code: string | null;
  points: number;
  recorded: boolean;
};

let browser: BrowserContext;
let seededLeg5: ResultRow[] = [];

const api = (path: string, init?: RequestInit) => fetch(`${inject('apiUrl')}/api${path}`, init);
const leg5Results = async (): Promise<ResultRow[]> =>
  (await (await api(`/rallies/${RALLY}/legs/5/results`)).json()) as ResultRow[];

async function organizerToken(): Promise<string> {
  const response = await api('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'organizer@sailcourt.local', password: 'sailcourt-organizer' }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

beforeAll(async () => {
  browser = await openBrowser();
  seededLeg5 = await leg5Results();
});

afterAll(async () => {
  // Other browser tests share the seeded platform: put leg 5 back as it was seeded.
  const body = seededLeg5
    .filter((r) => r.recorded)
    .map((r) => (r.code ? { entryId: r.entryId, code: r.code } : { entryId: r.entryId, finishedAt: r.finishedAt }));
  await api(`/rallies/${RALLY}/legs/5/results`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await organizerToken()}` },
    body: JSON.stringify(body),
  });
  await browser.close();
});

const standingsRows = (page: Page) => page.locator('table.standings tbody tr');
const entryRow = (page: Page, sailNumber: string) =>
  page.locator('table.entry tbody tr', { has: page.locator('th', { hasText: sailNumber }) });

describe('rally page', () => {
  it('shows the route map with all five legs, the legs, a leg’s results and the standings, in Chinese then English', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('webUrl')}/rally/${RALLY}?lang=zh-CN`);
    await expectPage(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expectPage(page.locator('h1')).toContainText('半岛城市帆船拉力赛');

    // The map: drawn offline as one accessible SVG, a line per leg, the legs table as its text alternative.
    const map = page.locator('.rally-map svg[role="img"]');
    await expectPage(map).toHaveCount(1);
    await expectPage(map.locator('.leg-line')).toHaveCount(5);
    await expectPage(map.locator('title')).toHaveText('航线图');
    await expectPage(map.locator('desc')).toContainText('第 1 赛段 青岛邮轮母港 至 潍坊滨海,362 海里');
    await expectPage(map.locator('.port')).toHaveCount(5);
    await expectPage(map).toContainText('362 海里');
    await expectPage(page.locator('table.legs tbody tr')).toHaveCount(5);
    await expectPage(page.locator('table.legs tbody tr').first()).toContainText(LEADER);

    // The standings: 7 boats, the leader first, discards struck through with a spoken "discarded", the A8.2 tie explained in Chinese.
    await expectPage(standingsRows(page)).toHaveCount(7);
    const leader = standingsRows(page).first();
    await expectPage(leader.locator('th')).toContainText(LEADER);
    await expectPage(leader.locator('s')).toHaveText('(3)(已剔除)');
    await expectPage(leader.locator('td.net')).toHaveText('5');
    await expectPage(page.locator('.tie-note')).toContainText('净分同为 16.5 分');
    await expectPage(page.locator('.tie-note')).toContainText('在第 4 赛段分出');

    // A leg's results through a plain link: leg 1, illustrative, with times in Qingdao time.
    await page.getByRole('navigation', { name: '选择赛段' }).getByRole('link', { name: '第 1 赛段' }).click();
    await page.waitForURL(/leg=1/);
    const results = page.locator('table.leg-results tbody tr');
    await expectPage(results).toHaveCount(7);
    await expectPage(results.first()).toHaveText(/6月21日 17:30:00.*55:30:00.*55:30:00.*6\.52 节/s);
    await expectPage(page.locator('#leg-results .illustrative').first()).toBeAttached();
    await page.goto(`${inject('webUrl')}/rally/${RALLY}?leg=4`);
    await expectPage(page.locator('table.leg-results abbr', { hasText: 'DNF' })).toHaveAttribute(
      'title',
      '未完成(未到达终点)',
    );
    await screenshot(page, 'rally-zh-CN');

    await page.getByRole('link', { name: '累计修正用时' }).click();
    await page.waitForURL(/view=time/);
    await expectPage(page.locator('table.cumulative tbody tr')).toHaveCount(7);
    await expectPage(page.locator('table.cumulative tbody tr').first()).toContainText('123:51:00');

    await page.getByRole('button', { name: /English/ }).click();
    await expectPage(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('link', { name: 'Points (RRS Appendix A low point)' }).click();
    await page.waitForSelector('table.standings');
    await expectPage(page.locator('.rally-map .leg-line')).toHaveCount(5);
    await expectPage(page.locator('.rally-map desc')).toContainText(
      'leg 1 from Qingdao Cruise Home Port to Weifang (Binhai), 362 nm',
    );
    await expectPage(standingsRows(page)).toHaveCount(7);
    await expectPage(standingsRows(page).first().locator('th')).toContainText(
      'Shandong Port Qingdao Port – Danquan Liquor · Saiman Team',
    );
    await expectPage(standingsRows(page).first().locator('s')).toHaveText('(3)(discarded)');
    await expectPage(page.locator('.tie-note')).toContainText('tied on 16.5 net points');
    await expectPage(page.locator('table.leg-results caption')).toContainText('Leg 4 results');
    await screenshot(page, 'rally-en');
    await page.close();
  });
});

describe('entering a leg’s results', () => {
  it('sends visitors to sign in first', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('webUrl')}/rally/${RALLY}/legs/5/edit`);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/rally/${RALLY}/legs/5/edit`);
    await page.close();
  });

  it('shows a finish before the start beside its row, keeps the input, then a DSQ for the leader changes the standings', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('webUrl')}/rally/${RALLY}/legs/5/edit?lang=zh-CN`);
    await page.fill('#email', 'organizer@sailcourt.local');
    await page.fill('#password', 'sailcourt-organizer');
    await Promise.all([
      page.waitForURL((url) => url.pathname.endsWith('/legs/5/edit')),
      page.getByRole('button', { name: '登录' }).click(),
    ]);
    await expectPage(page.locator('table.entry tbody tr')).toHaveCount(7);
    await expectPage(entryRow(page, 'CHN 101').locator('input[name^="finish:"]')).toHaveValue('2023-07-04 14:30:00');

    // Without JavaScript: a plain form post; the API's "3.finishedAt"-style error comes back beside the boat.
    const plain = await browser.newPage();
    const cdp = await browser.newCDPSession(plain);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await plain.goto(`${inject('webUrl')}/rally/${RALLY}/legs/5/edit`);
    await entryRow(plain, 'CHN 103').locator('input[name^="finish:"]').fill('2023-07-04 05:00:00');
    await Promise.all([plain.waitForLoadState('load'), plain.getByRole('button', { name: '保存成绩' }).click()]);
    expect(plain.url()).toContain('/legs/5/edit?/save'); // a native post, not an enhanced fetch
    const badRow = entryRow(plain, 'CHN 103');
    await expectPage(badRow.locator('.field-error')).toHaveText('到达时间必须晚于本赛段起航时间(2023-07-04 06:00:00)');
    const badInput = badRow.locator('input[name^="finish:"]');
    await expectPage(badInput).toHaveValue('2023-07-04 05:00:00');
    await expectPage(badInput).toHaveAttribute('aria-invalid', 'true');
    await expectPage(badInput).toHaveAttribute(
      'aria-describedby',
      (await badRow.locator('.field-error').getAttribute('id')) ?? '',
    );
    await expectPage(plain.locator('table.entry .field-error')).toHaveCount(1);
    await expectPage(plain.locator('.error-summary')).toContainText('CHN 103');
    await screenshot(plain, 'rally-edit-error-no-js');
    await plain.close();
    expect((await leg5Results()).find((r) => r.sailNumber === 'CHN 103')?.finishedAt).toBe('2023-07-04T14:47:00+08:00');

    // With JavaScript (use:enhance): the same mistake, then a pasted DSQ for the leader.
    await entryRow(page, 'CHN 103').locator('input[name^="finish:"]').fill('2023-07-04 05:00:00');
    await page.getByRole('button', { name: '保存成绩' }).click();
    await page.waitForSelector('table.entry .field-error');
    await expectPage(entryRow(page, 'CHN 103').locator('.field-error')).toContainText('到达时间必须晚于本赛段起航时间');
    await screenshot(page, 'rally-edit-error');
    await entryRow(page, 'CHN 103').locator('input[name^="finish:"]').fill('2023-07-04 14:47:00');
    await page.fill('#paste', 'CHN 101\tDSQ');
    await Promise.all([page.waitForURL(/saved=1/), page.getByRole('button', { name: '保存成绩' }).click()]);

    // The rally page shows leg 5 and the new order: the leader's DSQ (8 points) ties her with the Weifang boat on 7, A8.2 puts Weifang first.
    expect(new URL(page.url()).pathname).toBe(`/rally/${RALLY}`);
    await expectPage(page.locator('.notice')).toContainText('第 5 赛段成绩已保存');
    await expectPage(page.locator('table.leg-results caption')).toContainText('第 5 赛段成绩');
    const dsq = page.locator('table.leg-results tbody tr', { hasText: 'CHN 101' });
    await expectPage(dsq.locator('abbr')).toHaveText('DSQ');
    await expectPage(standingsRows(page)).toHaveCount(7);
    await expectPage(standingsRows(page).nth(0).locator('th')).toContainText(RUNNER_UP);
    await expectPage(standingsRows(page).nth(1).locator('th')).toContainText(LEADER);
    await expectPage(standingsRows(page).nth(1).locator('td.net')).toHaveText('7');
    await expectPage(page.locator('.tie-note').first()).toContainText('在第 5 赛段分出');
    await screenshot(page, 'rally-after-entry');
    await page.close();
  });
});
