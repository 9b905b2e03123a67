import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatYuan, type Locale } from '../src/lib/i18n/index.js';
import { expectPage, open } from './support/page.js';
import { openBrowser, screenshot } from './support/browser.js';

const SEASON = 'qingdao-basketball-2023';
const LOCAL_SHARE = 'input[name="groups.spectators.localShare"]';
const DIRECT = '[data-figure=direct] .value';
const ACCOMMODATION_BAR = '[data-chart=by-category] [data-key=accommodation] rect.bar';
const SPECTATORS_BAR = '[data-chart=by-group] [data-key=spectators] rect.bar';

type Json = Record<string, unknown>;
const isJson = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

async function api(path: string, init?: RequestInit): Promise<Json> {
  const response = await fetch(`${inject('apiUrl')}/api${path}`, {
    ...init,
    headers: { 'content-type': 'application/json' },
  });
  const body: unknown = await response.json();
  if (!response.ok || !isJson(body)) throw new Error(`${path}: ${response.status}`);
  return body;
}

/** Direct spending of the season's stored assumptions with spectators' local share replaced — computed by the API. */
async function directWithLocalShare(localShare: number): Promise<number> {
  const { assumptions } = await api(`/seasons/${SEASON}/impact`);
  if (!isJson(assumptions) || !isJson(assumptions.groups) || !isJson(assumptions.groups.spectators))
    throw new Error('no spectators');
  assumptions.groups.spectators.localShare = localShare;
  const { spending } = await api('/impact/estimate', { method: 'POST', body: JSON.stringify(assumptions) });
  if (!isJson(spending) || typeof spending.total !== 'number') throw new Error('no total');
  return spending.total;
}

const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').trim();

let browser: BrowserContext;
let stored: number;
beforeAll(async () => {
  browser = await openBrowser();
  const { spending } = await api(`/seasons/${SEASON}/impact`);
  stored = isJson(spending) && typeof spending.total === 'number' ? spending.total : Number.NaN;
});
afterAll(async () => {
  await browser.close();
});

describe('tourism impact page', () => {
  const cases: { locale: Locale; estimate: string; scenario: string; expected: string; title: string }[] = [
    { locale: 'zh-CN', estimate: '估算', scenario: '情景估算', expected: '报道预期', title: '旅游影响估算' },
    {
      locale: 'en',
      estimate: 'Estimate',
      scenario: 'Scenario estimate',
      expected: 'Reported expectation',
      title: 'Tourism impact estimate',
    },
  ];

  for (const c of cases) {
    it(`labels the figures as estimates and follows a slider live (${c.locale})`, async () => {
      const page = await browser.newPage();
      await open(page, `/impact?lang=${c.locale}`);
      await expectPage(page.locator('html')).toHaveAttribute('lang', c.locale);
      await expectPage(page.locator('h1')).toHaveText(c.title);
      await expectPage(page.locator('[data-figure=direct] .estimate')).toHaveText(c.estimate);
      await expectPage(page.locator(DIRECT)).toHaveText(formatYuan(c.locale, stored));
      await expectPage(page.locator('[data-figure=direct]')).toContainText(c.expected);
      await expectPage(page.locator('[data-figure=visitors]')).toContainText('60,000');
      // Gross output is a separate, multiplied figure, never the spending one.
      await expectPage(page.locator('[data-figure=grossOutput]')).toContainText('2.89');
      await expectPage(page.locator('[data-chart=tornado] [data-field]').nth(5)).toBeAttached(); // more than 5
      await screenshot(page, `impact-${c.locale}`);

      const before = {
        bar: await page.getAttribute(ACCOMMODATION_BAR, 'width'),
        group: await page.getAttribute(SPECTATORS_BAR, 'width'),
        tornado: await text(page, '[data-chart=tornado] desc'),
      };
      // More locals, fewer visitors: every bar shrinks against the scale the stored figures set.
      await page.locator(LOCAL_SHARE).fill('0.6');
      const expected = formatYuan(c.locale, await directWithLocalShare(0.6));
      await expectPage(page.locator(DIRECT)).toHaveText(expected);
      expect(expected).not.toBe(formatYuan(c.locale, stored));
      await expectPage(page.locator('[data-figure=direct] .estimate')).toHaveText(c.scenario);
      await expectPage(page.locator(`.lever:has(${LOCAL_SHARE}) output`)).toHaveText('60%');
      await expectPage(page.locator(ACCOMMODATION_BAR)).not.toHaveAttribute('width', before.bar ?? '');
      await expectPage(page.locator(SPECTATORS_BAR)).not.toHaveAttribute('width', before.group ?? '');
      await expectPage(page.locator('[data-chart=tornado] desc')).not.toHaveText(before.tornado);
      await expectPage(page.locator('[data-live]')).toContainText(expected);
      expect(page.url()).not.toContain('localShare'); // live: nothing submitted, nothing stored
      await screenshot(page, `impact-${c.locale}-live`);
      await page.close();
    });
  }

  it('has a what-if slider for every assumption in the tornado chart, each per-day spending category its own', async () => {
    const page = await browser.newPage();
    await open(page, '/impact?lang=en');
    const fields = await page
      .locator('[data-chart=tornado] [data-field]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-field') ?? ''));
    expect(fields.some((field) => field.includes('.dailySpend.'))).toBe(true);
    for (const field of fields)
      await expectPage(page.locator(`form.controls input[type=range][name="${field}"]`), field).toHaveCount(1);
    // Shopping alone moves: the shopping bar grows, catering stays.
    const category = (key: string) => page.getAttribute(`[data-chart=by-category] [data-key=${key}] rect.bar`, 'width');
    const before = { shopping: await category('shopping'), catering: await category('catering') };
    const shopping = page.locator('input[name="groups.spectators.dailySpend.shopping"]');
    await shopping.focus();
    for (let i = 0; i < 10; i += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(() => category('shopping')).not.toBe(before.shopping);
    expect(await category('catering')).toBe(before.catering);
    await expectPage(page.locator('.lever:has(input[name="groups.spectators.dailySpend.shopping"]) label')).toHaveText(
      'Daily spend · shopping',
    );
    await page.close();
  });

  it('moves a slider with the keyboard', async () => {
    const page = await browser.newPage();
    await open(page, '/impact?lang=en');
    const nights = page.locator('input[name="groups.spectators.nights"]');
    const before = await text(page, DIRECT);
    await nights.focus();
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(() => nights.inputValue()).toBe('3');
    await expectPage(page.locator('.lever:has(input[name="groups.spectators.nights"]) output')).toHaveText('3 nights');
    await expectPage(page.locator(DIRECT)).not.toHaveText(before);
    await page.close();
  });
});

describe('tourism impact page without JavaScript', () => {
  let plain: BrowserContext;
  beforeAll(async () => {
    plain = await openBrowser({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await plain.close();
  });

  it('recomputes a submitted scenario on the server', async () => {
    const page = await plain.newPage();
    await open(page, '/impact?lang=en');
    await expectPage(page.locator(DIRECT)).toHaveText(formatYuan('en', stored));
    const before = await page.getAttribute(ACCOMMODATION_BAR, 'width');
    await page.locator(LOCAL_SHARE).fill('0.2');
    await expectPage(page.locator(DIRECT)).toHaveText(formatYuan('en', stored)); // no script: nothing moves until submitted
    await page.getByRole('button', { name: 'Recompute' }).click();
    await page.waitForURL(/groups\.spectators\.localShare=0\.2/);
    await expectPage(page.locator(DIRECT)).toHaveText(formatYuan('en', await directWithLocalShare(0.2)));
    await expectPage(page.locator('[data-figure=direct] .estimate')).toHaveText('Scenario estimate');
    await expectPage(page.locator('main')).toContainText('A scenario is not stored');
    await expectPage(page.locator(ACCOMMODATION_BAR)).not.toHaveAttribute('width', before ?? '');
    await expectPage(page.locator(LOCAL_SHARE)).toHaveValue('0.2');
    await screenshot(page, 'impact-en-nojs-scenario');

    await page.getByRole('link', { name: 'Back to the stored assumptions' }).first().click();
    await page.waitForURL(/\/impact$/);
    await expectPage(page.locator(DIRECT)).toHaveText(formatYuan('en', stored));
    await page.close();
  });

  it('names an invalid value beside its slider and keeps the stored figures', async () => {
    const page = await plain.newPage();
    await open(page, '/impact?lang=zh-CN&groups.spectators.localShare=1.7');
    const input = page.locator(LOCAL_SHARE);
    await expectPage(input).toHaveAttribute('aria-invalid', 'true');
    const describedBy = await input.getAttribute('aria-describedby');
    await expectPage(page.locator(`#${describedBy ?? 'missing'}`)).toHaveText('须为 0 到 1 之间的比例(您输入了 1.7)');
    await expectPage(page.locator(DIRECT)).toHaveText(formatYuan('zh-CN', stored));
    await expectPage(page.locator('[role=alert]')).toContainText('情景中有无效的值');
    await expectPage(page.locator('[role=alert] a')).toHaveAttribute('href', `#${await input.getAttribute('id')}`);
    await expectPage(page.locator('[role=alert] li')).toHaveText(
      '观众 · 本地人比例: 须为 0 到 1 之间的比例(您输入了 1.7)',
    );
    await screenshot(page, 'impact-zh-CN-nojs-invalid');
    await page.close();
  });
});

describe('impact methodology page', () => {
  it('shows the formula, the anchors and every assumption with its source, in both languages', async () => {
    const page = await browser.newPage();
    await open(page, '/impact/methodology?lang=zh-CN');
    await expectPage(page.locator('h1')).toHaveText('旅游影响估算:方法说明');
    await expectPage(page.locator('.formula')).toContainText('E');
    await expectPage(page.locator('main')).toContainText('eventIMPACTS');
    await expectPage(page.locator('main')).toContainText('Crompton');
    await expectPage(page.locator('h3[id^=group-]')).toHaveText([
      '参赛者',
      '随行人员',
      '观众',
      '裁判、官员与媒体',
      '乘数与主办方支出',
    ]);
    await expectPage(page.locator('tr[data-path="groups.spectators.localShare"]')).toHaveText(/本地人比例\s*40%/);
    await expectPage(page.locator('tr[data-path="groups.officialsMedia.persons"]')).toContainText('示意数据');
    // The citation is named in the reader's language (the stored text is English).
    await expectPage(page.locator('tr[data-path="multipliers.output"]')).toContainText('上海旅游投入产出研究');
    await expectPage(page.locator('.history > li').first()).toBeAttached();
    await screenshot(page, 'impact-methodology-zh-CN');

    await open(page, '/impact/methodology?lang=en');
    await expectPage(page.locator('tr[data-path="groups.spectators.nights"]')).toHaveText(/Nights\s*2\.5 nights/);
    await expectPage(page.locator('tr[data-path="groups.spectators.localShare"]')).toContainText('Assumption');
    await expectPage(page.locator('section[aria-labelledby=edit-title]')).toHaveCount(0); // organizers only
    await screenshot(page, 'impact-methodology-en');
    await page.close();
  });

  it('lets an organizer edit a stored assumption, records it, and refuses a stale edit', async () => {
    const page = await browser.newPage();
    await open(page, '/login?lang=en');
    await page.fill('#email', 'organizer@sailcourt.local');
    await page.fill('#password', 'sailcourt-organizer');
    await page.click('main button[type=submit]');
    // Organizers land on their dashboard.
    await page.waitForURL(`${inject('webUrl')}/organizer`);
    const stale = await browser.newPage();
    await open(stale, '/impact/methodology?lang=en');
    await open(page, '/impact/methodology?lang=en');

    const persons = 'input[name="value:groups.officialsMedia.persons"]';
    await expectPage(page.locator(persons)).toHaveValue('400');
    await page.fill(persons, '420');
    await page.fill('#edit-reason', 'Referee list came in');
    await page.getByRole('button', { name: 'Save the assumptions' }).click();
    await expectPage(page.locator('.notice.ok')).toHaveText(/^Saved as version \d+\.$/);
    await expectPage(page.locator('tr[data-path="groups.officialsMedia.persons"]')).toContainText('420 persons');
    await expectPage(page.locator('.history > li:first-child')).toContainText('Referee list came in');

    await stale.fill(persons, '430');
    await stale.getByRole('button', { name: 'Save the assumptions' }).click();
    await expectPage(stale.locator('.notice.error')).toContainText('Someone changed these assumptions');
    await stale.close();

    await page.fill(persons, '400');
    await page.fill('#edit-reason', 'Back to the seeded value');
    await page.getByRole('button', { name: 'Save the assumptions' }).click();
    await expectPage(page.locator('tr[data-path="groups.officialsMedia.persons"]')).toContainText('400 persons');
    expect(formatYuan('en', await directWithLocalShare(0.4))).toBe(formatYuan('en', stored));
    await page.close();
  });
});
