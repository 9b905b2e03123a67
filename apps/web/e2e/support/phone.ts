import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

/** The phone the issue's walkthrough used, and a narrower one. */
export const PHONE = { width: 390, height: 844 } as const;
export const SMALL_PHONE = { width: 360, height: 780 } as const;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
};

/** axe-core's WCAG 2.1 A/AA rules, run inside the page (its script injected into Chromium). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated by the browser's debugging protocol, which the pages' CSP (no inline scripts) does not govern.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 160) })),
    }));
  });
}

/** Whatever sticks out sideways: the page itself, a scroll box with hidden overflow, or a table wider than the screen. */
export async function sidewaysProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1)
      problems.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('main *'))) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || el.closest('details:not([open])')) continue;
      if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1)
        problems.push(`${describe(el)} scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`);
    }
    for (const table of Array.from(document.querySelectorAll('main table'))) {
      const box = table.getBoundingClientRect();
      if (box.width > 0 && box.right > window.innerWidth + 1)
        problems.push(`${describe(table)} is cut off (${Math.round(box.right)} > ${window.innerWidth})`);
      // Squeezed: a cell narrower than two characters while holding a longer word.
      for (const cell of Array.from(table.querySelectorAll<HTMLElement>('td, th'))) {
        const r = cell.getBoundingClientRect();
        const text = (cell.innerText ?? '').trim();
        if (r.width > 0 && r.width < 28 && text.length > 2 && getComputedStyle(cell).display !== 'none') {
          problems.push(`${describe(table)} squeezes "${text.slice(0, 20)}" into ${Math.round(r.width)} px`);
          break;
        }
      }
    }
    return problems;
  });
}

/** Page text and accessible names (aria-label, title, alt) outside elements marked with another language; formulas (code) are notation, not language. */
export async function readerTexts(page: Page): Promise<{ text: string; labels: string[] }> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const foreign = (el: Element | null) => {
      const marked = el?.closest('[lang]');
      return (
        marked !== null &&
        marked !== undefined &&
        marked !== document.documentElement &&
        marked.getAttribute('lang') !== pageLang
      );
    };
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (
        !parent ||
        foreign(parent) ||
        parent.closest('script, style, noscript, svg title, code, [translate="no"]') ||
        parent.closest('[hidden]')
      )
        continue;
      parts.push(node.textContent ?? '');
    }
    const labels: string[] = [];
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], img[alt]'))) {
      if (foreign(el)) continue;
      for (const attr of ['aria-label', 'title', 'alt']) {
        const value = el.getAttribute(attr);
        if (value) labels.push(value);
      }
    }
    return { text: parts.join(' '), labels };
  });
}

/** Identifiers and file names that mean nothing to a reader: startsAt, venueId, seeds/data/x.json, R1-M1. */
export function codeNames(texts: string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/\b[a-z]+(?:[A-Z][a-z0-9]+)+\b/g)) found.add(m[0]);
    for (const m of text.matchAll(/\b[\w./-]+\.(?:json|txt|md|ts)\b/g)) found.add(m[0]);
    for (const m of text.matchAll(/\bR\d+-M\d+\b/g)) found.add(m[0]);
  }
  return [...found];
}

/** Words of the other language: Latin words on a Chinese page, Chinese characters on an English one. */
export function otherLanguage(locale: 'zh-CN' | 'en', text: string, allowed: readonly string[]): string[] {
  let rest = text;
  for (const name of [...allowed].sort((a, b) => b.length - a.length)) rest = rest.split(name).join(' ');
  const pattern = locale === 'zh-CN' ? /[A-Za-z][A-Za-z'’-]{2,}(?:\s+[A-Za-z][A-Za-z'’-]+)*/g : /[\u3400-\u9fff]+/g;
  return [...new Set([...rest.matchAll(pattern)].map((m) => m[0]))];
}

/** A page at phone size, for the given language (?lang= sets the reader's choice). */
export async function phonePage(
  browser: BrowserContext,
  size: { width: number; height: number } = PHONE,
): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize(size);
  return page;
}
