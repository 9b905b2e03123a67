import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

/**
 * Debian's Chromium, headless, with everything that would call out to the network switched off.
 * `javaScriptEnabled: false` checks that a page works as plain HTML forms. The service worker (which keeps
 * the scorer console offline) is blocked unless asked for: requests it controls are hidden from Playwright.
 */
export async function openBrowser(
  options: { javaScriptEnabled?: boolean; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'sailcourt-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  if (options.javaScriptEnabled === false) withoutScripts.add(context);
  return context;
}

const withoutScripts = new WeakSet<BrowserContext>();

/** Whether pages of this context run their scripts (and so hydrate). */
export const runsScripts = (context: BrowserContext): boolean => !withoutScripts.has(context);

/** Kept as a CI artifact (apps/web/e2e/artifacts/), so a reviewer can see what the test saw. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
