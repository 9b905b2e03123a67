import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('h1')).toContain('半岛城市帆船拉力赛');

    // The map: drawn offline as one accessible SVG, a line per leg, the legs table as its text alternative.
    const map = page.locator('.rally-map svg[role="img"]');
    expect(await map.count()).toBe(1);
    expect(await map.locator('.leg-line').count()).toBe(5);
    expect(await map.locator('title').textContent()).toBe('航线图');
    expect(await map.locator('desc').textContent()).toContain('第 1 赛段 青岛邮轮母港 至 潍坊滨海,362 海里');
    expect(await map.locator('.port').count()).toBe(5);
    expect(await map.textContent()).toContain('362 海里');
    expect(await page.locator('table.legs tbody tr').count()).toBe(5);
    expect(await page.locator('table.legs tbody tr').first().textContent()).toContain(LEADER);

    // The standings: 7 boats, the leader first, discards struck through with a spoken "discarded", the A8.2 tie explained in Chinese.
    expect(await standingsRows(page).count()).toBe(7);
    const leader = standingsRows(page).first();
    expect(await leader.locator('th').textContent()).toContain(LEADER);
    expect(await leader.locator('s').textContent()).toBe('(3)(已剔除)');
    expect(await leader.locator('td.net').textContent()).toBe('5');
    expect(await page.locator('.tie-note').textContent()).toContain('净分同为 16.5 分');
    expect(await page.locator('.tie-note').textContent()).toContain('在第 4 赛段分出');

    // A leg's results through a plain link: leg 1, illustrative, with times in Qingdao time.
    await page.getByRole('navigation', { name: '选择赛段' }).getByRole('link', { name: '第 1 赛段' }).click();
    await page.waitForURL(/leg=1/);
    const results = page.locator('table.leg-results tbody tr');
    expect(await results.count()).toBe(7);
    expect(await results.first().textContent()).toMatch(/6月21日 17:30:00.*55:30:00.*55:30:00.*6\.52 节/s);
    expect(await page.locator('#leg-results .illustrative').count()).toBeGreaterThan(0);
    await page.goto(`${inject('webUrl')}/rally/${RALLY}?leg=4`);
    expect(await page.locator('table.leg-results abbr', { hasText: 'DNF' }).getAttribute('title')).toBe(
      '未完成(未到达终点)',
    );
    await screenshot(page, 'rally-zh-CN');

    await page.getByRole('link', { name: '累计修正用时' }).click();
    await page.waitForURL(/view=time/);
    expect(await page.locator('table.cumulative tbody tr').count()).toBe(7);
    expect(await page.locator('table.cumulative tbody tr').first().textContent()).toContain('123:51:00');

    await page.getByRole('button', { name: /English/ }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByRole('link', { name: 'Points (RRS Appendix A low point)' }).click();
    await page.waitForSelector('table.standings');
    expect(await page.locator('.rally-map .leg-line').count()).toBe(5);
    expect(await page.locator('.rally-map desc').textContent()).toContain(
      'leg 1 from Qingdao Cruise Home Port to Weifang (Binhai), 362 nm',
    );
    expect(await standingsRows(page).count()).toBe(7);
    expect(await standingsRows(page).first().locator('th').textContent()).toContain(
      'Shandong Port Qingdao Port – Danquan Liquor · Saiman Team',
    );
    expect(await standingsRows(page).first().locator('s').textContent()).toBe('(3)(discarded)');
    expect(await page.locator('.tie-note').textContent()).toContain('tied on 16.5 net points');
    expect(await page.locator('table.leg-results caption').textContent()).toContain('Leg 4 results');
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
    expect(await page.locator('table.entry tbody tr').count()).toBe(7);
    expect(await entryRow(page, 'CHN 101').locator('input[name^="finish:"]').inputValue()).toBe('2023-07-04 14:30:00');

    // Without JavaScript: a plain form post; the API's "3.finishedAt"-style error comes back beside the boat.
    const plain = await browser.newPage();
    const cdp = await browser.newCDPSession(plain);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await plain.goto(`${inject('webUrl')}/rally/${RALLY}/legs/5/edit`);
    await entryRow(plain, 'CHN 103').locator('input[name^="finish:"]').fill('2023-07-04 05:00:00');
    await Promise.all([plain.waitForLoadState('load'), plain.getByRole('button', { name: '保存成绩' }).click()]);
    expect(plain.url()).toContain('/legs/5/edit?/save'); // a native post, not an enhanced fetch
    const badRow = entryRow(plain, 'CHN 103');
    expect(await badRow.locator('.field-error').textContent()).toBe(
      '到达时间必须晚于本赛段起航时间(2023-07-04 06:00:00)',
    );
    const badInput = badRow.locator('input[name^="finish:"]');
    expect(await badInput.inputValue()).toBe('2023-07-04 05:00:00');
    expect(await badInput.getAttribute('aria-invalid')).toBe('true');
    expect(await badInput.getAttribute('aria-describedby')).toBe(
      await badRow.locator('.field-error').getAttribute('id'),
    );
    expect(await plain.locator('table.entry .field-error').count()).toBe(1);
    expect(await plain.locator('.error-summary').textContent()).toContain('CHN 103');
    await screenshot(plain, 'rally-edit-error-no-js');
    await plain.close();
    expect((await leg5Results()).find((r) => r.sailNumber === 'CHN 103')?.finishedAt).toBe('2023-07-04T14:47:00+08:00');

    // With JavaScript (use:enhance): the same mistake, then a pasted DSQ for the leader.
    await entryRow(page, 'CHN 103').locator('input[name^="finish:"]').fill('2023-07-04 05:00:00');
    await page.getByRole('button', { name: '保存成绩' }).click();
    await page.waitForSelector('table.entry .field-error');
    expect(await entryRow(page, 'CHN 103').locator('.field-error').textContent()).toContain(
      '到达时间必须晚于本赛段起航时间',
    );
    await screenshot(page, 'rally-edit-error');
    await entryRow(page, 'CHN 103').locator('input[name^="finish:"]').fill('2023-07-04 14:47:00');
    await page.fill('#paste', 'CHN 101\tDSQ');
    await Promise.all([page.waitForURL(/saved=1/), page.getByRole('button', { name: '保存成绩' }).click()]);

    // The rally page shows leg 5 and the new order: the leader's DSQ (8 points) ties her with the Weifang boat on 7, A8.2 puts Weifang first.
    expect(new URL(page.url()).pathname).toBe(`/rally/${RALLY}`);
    expect(await page.locator('.notice').textContent()).toContain('第 5 赛段成绩已保存');
    expect(await page.locator('table.leg-results caption').textContent()).toContain('第 5 赛段成绩');
    const dsq = page.locator('table.leg-results tbody tr', { hasText: 'CHN 101' });
    expect(await dsq.locator('abbr').textContent()).toBe('DSQ');
    expect(await standingsRows(page).count()).toBe(7);
    expect(await standingsRows(page).nth(0).locator('th').textContent()).toContain(RUNNER_UP);
    expect(await standingsRows(page).nth(1).locator('th').textContent()).toContain(LEADER);
    expect(await standingsRows(page).nth(1).locator('td.net').textContent()).toBe('7');
    expect(await page.locator('.tie-note').first().textContent()).toContain('在第 5 赛段分出');
    await screenshot(page, 'rally-after-entry');
    await page.close();
  });
});
