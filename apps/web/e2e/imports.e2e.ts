import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MessageKey, translate } from '../src/lib/i18n/index.js';
import { expectPage, ORGANIZER, signInWithForm } from './support/page.js';
import { openBrowser, screenshot } from './support/browser.js';
import { organizerApi } from './support/organizer-api.js';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);

const { call, signIn, seeded } = organizerApi();

const CITIES = [
  '青岛',
  '济南',
  '烟台',
  '潍坊',
  '淄博',
  '威海',
  '日照',
  '临沂',
  '德州',
  '聊城',
  '滨州',
  '菏泽',
  '枣庄',
  '东营',
  '泰安',
  '济宁',
];
const SURNAMES = ['张', '王', '李', '赵', '刘'];

/** 16 Future Stars-style city teams of five, as a Chinese Excel saves CSV: GB18030. Two rows are wrong on purpose. */
function sheet(): { file: string; duplicateRow: number; formulaRow: number } {
  const lines = ['队名,城市,姓名,号码,角色,出生日期'];
  CITIES.forEach((city, t) => {
    SURNAMES.forEach((surname, p) => {
      const number = p === 1 && t === 3 ? 4 : p + 4; // team 4's second player repeats number 4
      const player = p === 2 && t === 9 ? "=cmd|' /C calc'!A0" : `${surname}${city}${p + 1}`;
      lines.push(
        `${city}未来之星,${city},${player},${number},${p === 4 ? '教练' : '球员'},${p === 4 ? '' : 41000 + t * 10 + p}`,
      );
    });
  });
  const dir = mkdtempSync(join(tmpdir(), 'sailcourt-import-'));
  const file = join(dir, '未来之星报名表.csv');
  writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'gb18030'));
  return { file, duplicateRow: 2 + 3 * 5 + 1, formulaRow: 2 + 9 * 5 + 2 };
}

let organizer: BrowserContext;
beforeAll(async () => {
  organizer = await openBrowser();
});
afterAll(async () => {
  await organizer?.close();
});

describe('spreadsheet import', () => {
  it('an organizer imports a GB18030 CSV of 16 teams with rosters, fixes the two flagged rows, and commits', async () => {
    await signIn();
    // A seeded league nobody else's test registers for (the home page counts the season's events, so none is added).
    const event = await seeded('community-league');
    expect((await call<unknown[]>('GET', `/events/${event.id}/registrations`)).length).toBe(0);
    const { file, duplicateRow, formulaRow } = sheet();

    const page = await organizer.newPage();
    const path = `/events/${event.id}/import`;
    await signInWithForm(page, ORGANIZER, path);

    await page.setInputFiles('#import-file', file);
    await page.getByRole('button', { name: zh('import.preview'), exact: true }).click();
    await page.locator('[data-problems]').waitFor();
    await expectPage(page.locator('[data-encoding]')).toHaveAttribute('data-encoding', 'gb18030');
    await expectPage(page.locator('[data-problems]')).toHaveAttribute('data-problems', '2');
    await expectPage(page.locator('table.rows tbody tr[data-row]')).toHaveCount(80);
    expect(
      await page.locator('tr.bad').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row')))),
    ).toEqual([duplicateRow, formulaRow]);
    await expectPage(page.locator(`#problem-${duplicateRow}`)).toContainText('number 4 is already used by row');
    await expectPage(page.locator(`#problem-${formulaRow}`)).toContainText('formula');
    expect(
      await page.locator(`tr[data-row="${formulaRow}"] input[data-column="player"]`).getAttribute('aria-invalid'),
    ).toBe('true');
    await screenshot(page, 'import-preview-flagged');
    // Nothing is stored by the preview.
    expect((await call<unknown[]>('GET', `/events/${event.id}/registrations`)).length).toBe(0);

    await page.fill(`tr[data-row="${duplicateRow}"] input[data-column="number"]`, '12');
    await page.fill(`tr[data-row="${formulaRow}"] input[data-column="player"]`, '孙悟空');
    await page.getByRole('button', { name: zh('import.commit'), exact: true }).click();
    await page.locator('p.saved').waitFor();
    await expectPage(page.locator('p.saved')).toContainText(zh('import.done', { created: 16, updated: 0, people: 80 }));
    await screenshot(page, 'import-committed');

    const registrations = await call<{ teamName: string; status: string; rosterSize: number }[]>(
      'GET',
      `/events/${event.id}/registrations`,
    );
    expect(registrations).toHaveLength(16);
    expect(registrations.every((r) => r.status === 'confirmed' && r.rosterSize === 5)).toBe(true);
    expect(registrations.map((r) => r.teamName).sort()).toEqual(CITIES.map((c) => `${c}未来之星`).sort());
  });
});
