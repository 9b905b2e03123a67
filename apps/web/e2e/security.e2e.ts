import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type MessageKey, translate } from '../src/lib/i18n/index.js';
import { openBrowser } from './support/browser.js';
import { hydrated, ORGANIZER, web } from './support/page.js';

/** Issue 11 in a real browser: redirects stay on the site, pages cannot be framed, sign-out ends the session. */

const zh = (key: MessageKey) => translate('zh-CN', key);

let browser: BrowserContext;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, next: string): Promise<void> {
  await page.goto(web(`/login?next=${encodeURIComponent(next)}`));
  await page.fill('#email', ORGANIZER.email);
  await page.fill('#password', ORGANIZER.password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 }),
    page.getByRole('button', { name: zh('login.submit'), exact: true }).click(),
  ]);
}

describe('redirects after sign-in stay on the site', () => {
  // The outside probe's payloads: a backslash and an encoded tab both turned into //evil.example.
  it.each(['/\\evil.example', '/\t/evil.example', '//evil.example', 'https://evil.example/', '/x/..//evil.example'])(
    'lands on the site for next=%j',
    async (next) => {
      const page = await browser.newPage();
      try {
        await signIn(page, next);
        expect(new URL(page.url()).origin).toBe(inject('webUrl'));
        expect(new URL(page.url()).pathname).toBe('/organizer'); // the organizer's own start page, not the asked-for one
      } finally {
        await page.context().clearCookies();
        await page.close();
      }
    },
  );

  it('still follows a path of the site', async () => {
    const page = await browser.newPage();
    try {
      await signIn(page, '/organizer');
      expect(new URL(page.url()).pathname).toBe('/organizer');
    } finally {
      await page.context().clearCookies();
      await page.close();
    }
  });

  it('keeps the language switch and sign-up redirects on the site too (HTTP)', async () => {
    const origin = inject('webUrl');
    for (const redirectTo of ['/\\evil.example', '/\t/evil.example', '//evil.example']) {
      const res = await fetch(web('/language'), {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ locale: 'en', redirectTo }),
      });
      expect(res.status).toBe(303);
      expect(new URL(res.headers.get('location') ?? '', origin).origin).toBe(origin);
    }
    const back = await fetch(web('/language'), {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ locale: 'en', redirectTo: '/impact?lang=zh-CN&x=1' }),
    });
    expect(back.headers.get('location')).toBe('/impact?x=1');
  });
});

describe('security headers', () => {
  it('refuses to let another site frame an organizer page, and says so in its headers', async () => {
    const page = await browser.newPage();
    try {
      await signIn(page, '/organizer');
      const response = await page.goto(web('/organizer'));
      const headers = response?.headers() ?? {};
      expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['strict-transport-security']).toBeUndefined(); // plain HTTP here

      // A page of another origin tries to frame it: Chromium shows its error page instead.
      const attacker = await browser.newPage();
      try {
        await attacker.goto('data:text/html,<title>x</title>');
        await attacker.setContent(`<iframe id="victim" src="${web('/organizer')}" width="800" height="600"></iframe>`);
        await attacker.waitForTimeout(1500);
        const frame = attacker.frames().find((f) => f !== attacker.mainFrame());
        const framedText = frame ? await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '') : '';
        // Unprotected, the frame would show the site (the organizer page, or the sign-in page it sends strangers to).
        expect(frame?.url().startsWith(inject('webUrl')) === true && framedText.length > 0).toBe(false);
      } finally {
        await attacker.close();
      }
    } finally {
      await page.context().clearCookies();
      await page.close();
    }
  });

  it('leaves pages working under the CSP: no violation on the home, impact and rally pages', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    try {
      await page.goto(web('/'));
      await page.goto(web('/impact'));
      await page.goto(web('/rally/shandong-peninsula-rally-2023'));
      await hydrated(page);
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('sign-out', () => {
  it('revokes the session on the API: a copy of the old cookie no longer opens /organizer', async () => {
    const page = await browser.newPage();
    try {
      await signIn(page, '/organizer');
      const session = (await page.context().cookies()).find((c) => c.name === 'sailcourt_session');
      expect(session).toBeDefined();
      await page.goto(web('/'));
      await page.locator('form[action="/logout"] button').first().click();
      await page.waitForURL((url) => url.pathname === '/');

      const thief = await openBrowser();
      try {
        if (session) await thief.addCookies([session]);
        const stolen = await thief.newPage();
        await stolen.goto(web('/organizer'));
        expect(new URL(stolen.url()).pathname).not.toBe('/organizer');
      } finally {
        await thief.close();
      }
    } finally {
      await page.context().clearCookies();
      await page.close();
    }
  });
});
