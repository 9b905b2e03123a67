import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { translate } from '../../src/lib/i18n/index.js';

/** Signs the local organizer in on the login page and waits until it has led on to `path`. */
export async function signInPage(page: Page, path: string): Promise<void> {
  await page.goto(`${inject('webUrl')}/login?next=${encodeURIComponent(path)}`);
  await page.fill('#email', 'organizer@sailcourt.local');
  await page.fill('#password', 'sailcourt-organizer');
  await page.getByRole('button', { name: translate('zh-CN', 'login.submit'), exact: true }).click();
  await page.waitForURL((url) => url.pathname === path);
}
