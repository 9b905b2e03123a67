import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('h1')).toContain('双星锦湖2023青岛篮球季');
    expect(await page.textContent('main')).toContain('未篮梦想');
    // The 15 seeded events, and any an organizer added since (other test files may add one).
    expect(await page.locator('.events > li').count()).toBe(await seasonEventCount());
    expect(await seasonEventCount()).toBeGreaterThanOrEqual(15);
    expect(await page.textContent('.events')).toContain('CBA夏季联赛');
    expect(await page.locator('.rally tbody tr').count()).toBe(5);
    await screenshot(page, 'home-zh-CN');

    await page.getByRole('button', { name: /English/ }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.textContent('h1')).toContain('Qingdao Basketball Season');
    expect(await page.locator('.events > li').count()).toBe(await seasonEventCount());
    expect(await page.textContent('.events')).toContain('CBA Summer League');
    expect(await page.textContent('main')).toContain('Future Hoop Dreams');
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
    expect(await page.textContent('h1')).toMatch(/CBA/);
    expect(await page.textContent('main')).toMatch(/国信体育馆|Guoxin Gymnasium/);
    await page.close();
  });

  it('has landmarks and a skip link for keyboard and screen-reader users', async () => {
    const page = await browser.newPage();
    await page.goto(inject('webUrl'));
    expect(await page.locator('header').count()).toBe(1);
    expect(await page.locator('nav').count()).toBeGreaterThan(0);
    expect(await page.locator('main#main').count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#main');
    await page.close();
  });
});
