import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectPage } from './support/page.js';
import { openBrowser, screenshot } from './support/browser.js';

let browser: BrowserContext;

async function seasonEventCount(): Promise<number> {
  const api = (path: string) =>
    fetch(`${inject('apiUrl')}/api${path}`).then((r) => r.json() as Promise<{ id: string; slug: string }[]>);
  const season = (await api('/seasons')).find((s) => s.slug === 'qingdao-basketball-2023');
  return (await api(`/seasons/${season?.id}/events`)).length;
}
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('home page', () => {
  it('shows the season and its 15 events in Chinese, then in English after the switch', async () => {
    const page = await browser.newPage();
    await page.goto(inject('webUrl'));
    await expectPage(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expectPage(page.locator('h1')).toContainText('双星锦湖2023青岛篮球季');
    await expectPage(page.locator('main')).toContainText('未篮梦想');
    // The 15 seeded events, and any an organizer added since (other test files may add one).
    await expectPage(page.locator('.events > li')).toHaveCount(await seasonEventCount());
    expect(await seasonEventCount()).toBeGreaterThanOrEqual(15);
    await expectPage(page.locator('.events')).toContainText('CBA夏季联赛');
    await expectPage(page.locator('.rally tbody tr')).toHaveCount(5);
    await screenshot(page, 'home-zh-CN');

    await page.getByRole('button', { name: /English/ }).click();
    await expectPage(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectPage(page.locator('h1')).toContainText('Qingdao Basketball Season');
    await expectPage(page.locator('.events > li')).toHaveCount(await seasonEventCount());
    await expectPage(page.locator('.events')).toContainText('CBA Summer League');
    await expectPage(page.locator('main')).toContainText('Future Hoop Dreams');
    await screenshot(page, 'home-en');
    await page.close();
  });

  it('opens an event page from its card, keyboard first', async () => {
    const page = await browser.newPage();
    await page.goto(inject('webUrl'));
    const link = page.locator('a[href^="/events/"]').filter({ hasText: /CBA/ }).first();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/events\//);
    await expectPage(page.locator('h1')).toHaveText(/CBA/);
    await expectPage(page.locator('main')).toHaveText(/国信体育馆|Guoxin Gymnasium/);
    await page.close();
  });

  it('has landmarks and a skip link for keyboard and screen-reader users', async () => {
    const page = await browser.newPage();
    await page.goto(inject('webUrl'));
    await expectPage(page.locator('header')).toHaveCount(1);
    await expectPage(page.locator('nav').first()).toBeAttached();
    await expectPage(page.locator('main#main')).toHaveCount(1);
    await page.keyboard.press('Tab');
    await expectPage(page.locator(':focus')).toHaveAttribute('href', '#main');
    await page.close();
  });
});
