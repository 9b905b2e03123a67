import { expect } from '@playwright/test';
import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { runsScripts } from './browser.js';

/**
 * Playwright's web-first assertions (`toHaveText`, `toBeVisible`, `toHaveURL`, `toHaveCount` …): each retries
 * until the page agrees or the timeout passes, so a test waits for what it checks rather than for the network
 * to fall quiet. Vitest's `expect` stays for plain values. The timeout allows for a two-core machine shared by
 * several runs; a passing check returns as soon as the page agrees.
 */
export const expectPage = expect.configure({ timeout: 15_000 });

/** An address on the web site under test. */
export const web = (path: string): string => `${inject('webUrl')}${path}`;

/**
 * Resolves once SvelteKit has hydrated the page. The root layout adds its menu button only when it mounts,
 * which is after every component inside it has mounted, so from then on typing is kept and forms are enhanced.
 * Pages that run no scripts (a browser opened without JavaScript, `blockScripts`) never hydrate: for them this
 * returns at once.
 */
export async function hydrated(page: Page): Promise<void> {
  if (!runsScripts(page.context()) || scriptsBlocked.has(page)) return;
  await expectPage(page.locator('button[aria-controls="site-menu"]')).toBeAttached();
}

const scriptsBlocked = new WeakSet<Page>();

/** This page gets the site's HTML but none of its scripts (a reader whose scripts fail to arrive). */
export async function blockScripts(page: Page): Promise<void> {
  await page.route(/\/_app\/.*\.js(\?.*)?$/, (route) => route.abort());
  scriptsBlocked.add(page);
}

/** Opens a path of the web site and waits until the page is live. */
export async function open(page: Page, path: string): Promise<Page> {
  await page.goto(web(path));
  await hydrated(page);
  return page;
}

export type Account = { email: string; password: string };
export const ORGANIZER: Account = { email: 'organizer@sailcourt.local', password: 'sailcourt-organizer' };

/**
 * Signs in by the web's own form, so the session cookie is the real one. With `next`, the form leads there and
 * this waits until that page is live; without, it waits until the form has led anywhere else.
 */
export async function signInWithForm(page: Page, account: Account = ORGANIZER, next?: string): Promise<void> {
  await open(page, next === undefined ? '/login' : `/login?next=${encodeURIComponent(next)}`);
  await page.fill('#email', account.email);
  await page.fill('#password', account.password);
  await page.locator('main button[type=submit]').click();
  const landing = next?.split('?')[0];
  await page.waitForURL((url) => (landing === undefined ? url.pathname !== '/login' : url.pathname === landing));
  await hydrated(page);
}

/** Signs a whole browser in (its session cookie serves every later page) and tells where the form led. */
export async function signInBrowser(context: BrowserContext, account: Account = ORGANIZER): Promise<string> {
  const page = await context.newPage();
  try {
    await signInWithForm(page, account);
    return new URL(page.url()).pathname;
  } finally {
    await page.close();
  }
}
