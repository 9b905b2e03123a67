import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectPage, hydrated, signInBrowser, web } from './support/page.js';
import { openBrowser, screenshot } from './support/browser.js';
import {
  axeViolations,
  codeNames,
  otherLanguage,
  PHONE,
  phonePage,
  readerTexts,
  sidewaysProblems,
  SMALL_PHONE,
} from './support/phone.js';

/**
 * Every job's pages on a phone, in both languages: nothing scrolls sideways, every table is whole or turned into
 * cards, no code names reach the reader (text or ARIA), no words of the other language, and axe-core (WCAG 2.1 AA)
 * finds nothing. Screenshots go to e2e/artifacts/phone-*.png.
 */
const api = (path: string) => `${inject('apiUrl')}/api${path}`;
const LOCALES = ['zh-CN', 'en'] as const;
type Locale = (typeof LOCALES)[number];

/**
 * Proper nouns and official abbreviations that stay as they are in either language: names, RRS scoring codes,
 * units of the sea and of time zones, and the boats' class. Kept short on purpose: anything else is a finding.
 */
const PROPER_NOUNS = [
  'Sailcourt',
  'CBA',
  'FIBA',
  'RRS',
  'UTC',
  'Beneteau First 40',
  'First 40',
  'CHN',
  'World Sailing',
  'iCalendar',
  'Google',
  'Outlook',
  'Apple',
  'JavaScript',
  'Tab',
  'eventIMPACTS',
  'Crompton',
  'Natural Earth',
  'world-atlas',
  // Names the test's team manager gave in Chinese only (user-entered proper nouns have no English form).
  '王教练',
  '崂山小飞虎',
  '青岛',
  '海风队',
  '浪花队',
  '石老人队',
  '周领队',
  // What other test files, sharing this platform, type as users: a manager's name, an organizer's account name and
  // notes on assumption changes. User-entered text stays in the language it was written in.
  '周教练',
  'Organizer',
  'Referee list came in',
  'Back to the seeded value',
  'DNC',
  'DNS',
  'DNF',
  'OCS',
  'RET',
  'DSQ',
  'DNE',
  'UFD',
  'BFD',
  'RDG',
  'DPI',
  'ZFP',
  'SCP',
  'NSC',
  'OSR',
  'Excel',
  'CSV',
  'ics',
  'webcal',
  'https',
  'Email',
  'email',
];

let browser: BrowserContext;
let managerBrowser: BrowserContext;
let organizerBrowser: BrowserContext;
const paths = {
  match: '',
  event: 'cba-summer-league-2023',
  team: '',
  futureStars: 'future-stars-mini-basketball-league',
};

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(api(path), init);
  expect(res.status, `${path}: ${res.status}`).toBeLessThan(300);
  return (await res.json()) as T;
}

beforeAll(async () => {
  [browser, managerBrowser, organizerBrowser] = await Promise.all([openBrowser(), openBrowser(), openBrowser()]);
  // The API takes ids; the season's events are found by their slugs.
  const seasons = await json<{ id: string; slug: string }[]>('/seasons');
  const season = seasons.find((s) => s.slug === 'qingdao-basketball-2023');
  const events = await json<{ id: string; slug: string | null }[]>(`/seasons/${season?.id}/events`);
  paths.event = events.find((e) => e.slug === 'cba-summer-league-2023')?.id ?? '';
  paths.futureStars = events.find((e) => e.slug === 'future-stars-mini-basketball-league')?.id ?? '';
  const matches = await json<{ id: string }[]>(`/events/${paths.event}/matches`);
  paths.match = matches[0]?.id ?? '';
  // A team manager with a team and its roster.
  const email = `phone-${Date.now()}@example.com`;
  const signup = await json<{ accessToken: string }>('/auth/signup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'phone-first-2023', displayName: '王教练' }),
  });
  const auth = { 'content-type': 'application/json', authorization: `Bearer ${signup.accessToken}` };
  const team = await json<{ id: string }>('/teams', {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ name: '崂山小飞虎', sport: 'basketball', city: '青岛' }),
  });
  paths.team = team.id;
  await signInBrowser(managerBrowser, { email, password: 'phone-first-2023' });
  await signInBrowser(organizerBrowser);
});
afterAll(async () => {
  await Promise.all([browser?.close(), managerBrowser?.close(), organizerBrowser?.close()]);
});

type Check = { name: string; path: () => string; who: 'public' | 'manager' | 'organizer' };
const PAGES: Check[] = [
  { name: 'home', path: () => '/', who: 'public' },
  { name: 'event', path: () => `/events/${paths.event}`, who: 'public' },
  { name: 'schedule', path: () => `/events/${paths.event}/schedule`, who: 'public' },
  { name: 'standings', path: () => `/events/${paths.event}/standings`, who: 'public' },
  { name: 'bracket', path: () => `/events/${paths.event}/bracket`, who: 'public' },
  { name: 'match', path: () => `/matches/${paths.match}`, who: 'public' },
  { name: 'rally', path: () => '/rally/shandong-peninsula-rally-2023', who: 'public' },
  { name: 'impact', path: () => '/impact', who: 'public' },
  { name: 'methodology', path: () => '/impact/methodology', who: 'public' },
  { name: 'login', path: () => '/login', who: 'public' },
  { name: 'signup', path: () => '/signup', who: 'public' },
  { name: 'teams', path: () => '/teams/mine', who: 'manager' },
  { name: 'roster', path: () => `/teams/${paths.team}/edit`, who: 'manager' },
  { name: 'register', path: () => `/events/${paths.futureStars}/register`, who: 'manager' },
  { name: 'me', path: () => '/me', who: 'manager' },
  { name: 'organizer', path: () => '/organizer', who: 'organizer' },
  { name: 'organizer-event', path: () => `/organizer/events/${paths.futureStars}`, who: 'organizer' },
  { name: 'manage', path: () => `/events/${paths.event}/manage`, who: 'organizer' },
  { name: 'manage-schedule', path: () => `/events/${paths.event}/manage/schedule`, who: 'organizer' },
  { name: 'leg-edit', path: () => '/rally/shandong-peninsula-rally-2023/legs/1/edit', who: 'organizer' },
];

async function open(check: Check, locale: Locale, size: { width: number; height: number } = PHONE): Promise<Page> {
  const context = check.who === 'manager' ? managerBrowser : check.who === 'organizer' ? organizerBrowser : browser;
  const page = await phonePage(context, size);
  const path = check.path();
  await page.goto(web(`${path}${path.includes('?') ? '&' : '?'}lang=${locale}`));
  await hydrated(page);
  await expectPage(page.locator('html')).toHaveAttribute('lang', locale);
  return page;
}

describe.each(LOCALES)('phone pages in %s at 390 × 844', (locale) => {
  it.each(PAGES.map((p) => [p.name, p] as const))(
    '%s: fits the screen, reads in one language, names no code, passes axe',
    async (_name, check) => {
      const page = await open(check, locale);
      const findings: Record<string, unknown> = {};
      const sideways = await sidewaysProblems(page);
      if (sideways.length > 0) findings.sideways = sideways;
      const { text, labels } = await readerTexts(page);
      const codes = codeNames([text, ...labels]);
      if (codes.length > 0) findings.codeNames = codes;
      const foreign = otherLanguage(locale, [text, ...labels].join(' \n '), PROPER_NOUNS);
      if (foreign.length > 0) findings.otherLanguage = foreign;
      const violations = await axeViolations(page);
      if (violations.length > 0) findings.axe = violations;
      await screenshot(page, `phone-${check.name}-${locale}`);
      await page.close();
      expect(findings).toEqual({});
    },
  );
});

const PUBLIC_PAGES = PAGES.filter((p) => p.who === 'public');

describe('the smallest phones (360 px)', () => {
  it.each(PUBLIC_PAGES.map((p) => [p.name, p] as const))('%s does not scroll sideways', async (_name, check) => {
    for (const locale of LOCALES) {
      const page = await open(check, locale, SMALL_PHONE);
      expect(await sidewaysProblems(page), locale).toEqual([]);
      await page.close();
    }
  });
});

describe('what search results and link previews show', () => {
  const SHARED = PUBLIC_PAGES.filter((p) => p.name !== 'login' && p.name !== 'signup');
  it.each(SHARED.map((p) => [p.name, p] as const))(
    '%s has a description, an Open Graph title, description and picture',
    async (_name, check) => {
      for (const locale of LOCALES) {
        const page = await open(check, locale);
        const meta = await page.evaluate(() => {
          const content = (selector: string) => document.head.querySelector(selector)?.getAttribute('content') ?? '';
          return {
            title: document.title,
            description: content('meta[name="description"]'),
            ogTitle: content('meta[property="og:title"]'),
            ogDescription: content('meta[property="og:description"]'),
            ogImage: content('meta[property="og:image"]'),
            ogUrl: content('meta[property="og:url"]'),
          };
        });
        expect(meta.description.length, `${locale} description`).toBeGreaterThan(10);
        expect(meta.ogDescription).toBe(meta.description);
        expect(meta.title.startsWith(meta.ogTitle) && meta.ogTitle.length > 0, `${locale} og:title`).toBe(true);
        expect(new URL(meta.ogUrl).pathname).toBe(new URL(page.url()).pathname);
        const image = await fetch(meta.ogImage);
        expect(image.headers.get('content-type')).toBe('image/png');
        await page.close();
      }
    },
  );
});

describe('the phone header', () => {
  it('folds the navigation behind a menu button that opens and says so', async () => {
    const page = await open(PAGES[0]!, 'en');
    const menu = page.getByRole('button', { name: 'Menu' });
    await expectPage(menu).toHaveAttribute('aria-expanded', 'false');
    await expectPage(page.locator('#site-menu')).not.toBeVisible();
    await menu.click();
    await expectPage(menu).toHaveAttribute('aria-expanded', 'true');
    await expectPage(page.getByRole('link', { name: 'Sailing rally' })).toBeVisible();
    const box = await menu.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    await page.close();
  });

  it('draws a focus ring on the navy header with at least 3:1 contrast', async () => {
    const page = await open(PAGES[0]!, 'zh-CN');
    await page.locator('header .brand').focus();
    const colors = await page.evaluate(() => {
      const brand = document.querySelector('header .brand') as HTMLElement;
      return {
        outline: getComputedStyle(brand).outlineColor,
        background: getComputedStyle(document.querySelector('header') as HTMLElement).backgroundColor,
      };
    });
    const luminance = (css: string) => {
      const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? [])
        .slice(0, 3)
        .map(Number)
        .map((c) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    };
    const [light, dark] = [luminance(colors.outline), luminance(colors.background)].sort((a, b) => b - a);
    expect((light! + 0.05) / (dark! + 0.05)).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});
