import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type MessageKey, translate } from '../src/lib/i18n/index.js';
import { expectPage } from './support/page.js';
import { openBrowser, screenshot } from './support/browser.js';

// A short leg of its own (Qingdao → Rizhao round a mark off Xuejiadao), so the test owns every fix; dated
// before the seeded rally so that the home page keeps showing the seeded one (the latest rally).
const START = { lat: 36.085, lon: 120.315 };
const MARK = { lat: 35.975, lon: 120.325, name: 'Off Xuejiadao' };
const FINISH = { lat: 35.405, lon: 119.565 };
const LEG_START = Date.parse('2023-05-01T10:00:00+08:00');
const HOUR = 3_600_000;

let browser: BrowserContext;
let rallyId = '';
let fast = '';
let steady = '';

const api = async <T>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> => {
  const response = await fetch(`${inject('apiUrl')}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

/** Along the course by share of its length (linear in degrees between marks; good enough for a test track). */
function along(share: number): { lat: number; lon: number } {
  const first = 0.12; // the short run to the mark
  if (share <= first) {
    const f = share / first;
    return { lat: START.lat + (MARK.lat - START.lat) * f, lon: START.lon + (MARK.lon - START.lon) * f };
  }
  const f = (share - first) / (1 - first);
  return { lat: MARK.lat + (FINISH.lat - MARK.lat) * f, lon: MARK.lon + (FINISH.lon - MARK.lon) * f };
}

/** Steady: a fix every 10 minutes, at the finish 10 hours after the start. */
function steadyGpx(): string {
  const points = Array.from({ length: 61 }, (_, i) => ({
    at: new Date(LEG_START + i * 600_000).toISOString(),
    ...along(i / 60),
  }));
  const trkpts = points
    .map((p) => `<trkpt lat="${p.lat.toFixed(5)}" lon="${p.lon.toFixed(5)}"><time>${p.at}</time></trkpt>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="plotter" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>\n${trkpts}\n</trkseg></trk></gpx>\n`;
}

/** The organizer's API token, as a script of theirs would sign in. */
const organizerToken = async (): Promise<string> =>
  (
    await api<{ accessToken: string }>('/auth/login', {
      method: 'POST',
      body: { email: 'organizer@sailcourt.local', password: 'sailcourt-organizer' },
    })
  ).accessToken;

/** A rally of the test's own: one leg on the course above from 10:00 on its first day, and one entry per boat. */
async function rallyWithBoats(
  token: string,
  rally: { name: string; nameEn: string; startDate: string; endDate: string },
  boats: readonly string[],
  teamName: (boat: string) => string,
): Promise<{ id: string; entries: string[] }> {
  const { id } = await api<{ id: string }>('/rallies', { method: 'POST', token, body: rally });
  await api(`/rallies/${id}/legs`, {
    method: 'POST',
    token,
    body: {
      number: 1,
      from: '青岛',
      to: '日照',
      fromEn: 'Qingdao',
      toEn: 'Rizhao',
      distanceNm: 60,
      startsAt: `${rally.startDate}T10:00:00+08:00`,
      start: START,
      finish: FINISH,
      waypoints: [MARK],
    },
  });
  const entries: string[] = [];
  for (const boat of boats) {
    const team = await api<{ id: string }>('/teams', {
      method: 'POST',
      token,
      body: { name: teamName(boat), sport: 'sailing' },
    });
    entries.push(
      (
        await api<{ id: string }>(`/rallies/${id}/entries`, {
          method: 'POST',
          token,
          body: { teamId: team.id, boatName: boat },
        })
      ).id,
    );
  }
  return { id, entries };
}

beforeAll(async () => {
  browser = await openBrowser();
  const token = await organizerToken();
  const rally = await rallyWithBoats(
    token,
    { name: '追踪测试拉力赛', nameEn: 'Tracker test rally', startDate: '2023-05-01', endDate: '2023-05-03' },
    ['Fast Starter', 'Steady'],
    (boat) => `${boat} ${Date.now()}`,
  );
  rallyId = rally.id;
  [fast, steady] = rally.entries as [string, string];
  // The fast starter leads early, then stalls well short of the finish.
  const fastFixes = [0, 1, 2, 3, 4, 6, 8, 10].map((h) => ({
    entryId: fast,
    at: new Date(LEG_START + h * HOUR).toISOString(),
    ...along(Math.min(0.7, h * 0.175)),
  }));
  await api(`/rallies/${rallyId}/positions`, { method: 'POST', token, body: fastFixes });
});

afterAll(async () => {
  await browser.close();
});

const zh = (key: MessageKey, params?: Record<string, string | number>) =>
  translate('zh-CN', key as 'app.name', params as Record<string, never>);
const boardRows = (page: Page) => page.locator('table.tracker-board tbody tr');

describe('rally tracker', () => {
  it('an organizer imports a GPX for one boat; the map shows it; the replay moves the boats and the leaderboard follows', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('webUrl')}/login?lang=en&next=${encodeURIComponent(`/rally/${rallyId}/tracks/import`)}`);
    await page.fill('#email', 'organizer@sailcourt.local');
    await page.fill('#password', 'sailcourt-organizer');
    await Promise.all([
      page.waitForURL((url) => url.pathname.endsWith('/tracks/import')),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);

    await page.selectOption('#entryId', steady);
    await page.setInputFiles('#file', {
      name: 'steady.gpx',
      mimeType: 'application/gpx+xml',
      buffer: Buffer.from(steadyGpx()),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.waitForSelector('[data-testid="import-points"]');
    await expectPage(page.locator('[data-testid="import-points"]')).toHaveText('61');
    // Previewed, not stored.
    expect((await api<unknown[]>(`/rallies/${rallyId}/tracks?entryId=${steady}`)).length).toBe(0);
    await screenshot(page, 'tracker-import-preview');

    await Promise.all([
      page.waitForURL((url) => url.pathname === `/rally/${rallyId}`),
      page.getByRole('button', { name: 'Store 61 points' }).click(),
    ]);
    await expectPage(page.locator('.notice')).toContainText('61');

    // At the file's last fix the steady boat has finished and leads; its trail is on the map.
    const map = page.locator('.rally-map svg');
    await expectPage(map.locator(`.trail[data-entry="${steady}"]`)).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);
    await expectPage(map.locator(`.boat[data-entry="${steady}"]`)).toHaveCount(1);
    await expectPage(boardRows(page).first()).toHaveAttribute('data-entry', steady);
    await expectPage(boardRows(page).first().locator('td.dtf')).toContainText('Finished');
    await expectPage(page.locator('table.tracker-board th[scope="col"]')).toHaveText([
      'Rank',
      'Boat',
      'DTF',
      'DTL',
      'Speed',
      'ETA',
      'Last fix',
    ]);

    // Replay to 13:00: the fast starter leads, and both boats sit elsewhere on the map.
    const before = await map.locator(`.boat[data-entry="${steady}"]`).getAttribute('transform');
    await page.locator('#replay-at').fill(String(LEG_START + 3 * HOUR));
    await expectPage(boardRows(page).first()).toHaveAttribute('data-entry', fast);
    await expectPage(boardRows(page).first().locator('td.dtf')).toHaveText(/nm/);
    await expectPage(map.locator(`.boat[data-entry="${steady}"]`)).not.toHaveAttribute('transform', before ?? '');
    await expectPage(page.locator('output.time')).toHaveText('2023-05-01 13:00');
    await screenshot(page, 'tracker-replay');

    // Play runs the clock forward; Pause stops it.
    await page.getByRole('button', { name: 'Play' }).click();
    await expectPage(page.locator('output.time')).not.toHaveText('2023-05-01 13:00');
    await page.getByRole('button', { name: 'Pause' }).click();

    // The crossing is a proposal: the organizer fills it into the leg's results, checks, and saves.
    await page.goto(`${inject('webUrl')}/rally/${rallyId}/legs/1/edit?lang=en`);
    await page.getByRole('button', { name: /Fill in the tracker’s finish times \(1\)/ }).click();
    await expectPage(page.locator(`input[name="finish:${steady}"]`)).toHaveValue('2023-05-01 20:00:00');
    expect(await api<unknown[]>(`/rallies/${rallyId}/legs/1/results`)).toEqual([]);
    await Promise.all([
      page.waitForURL((url) => url.searchParams.has('saved')),
      page.getByRole('button', { name: 'Save results' }).click(),
    ]);
    const results = await api<{ entryId: string; finishedAt: string | null; place: number | null }[]>(
      `/rallies/${rallyId}/legs/1/results`,
    );
    expect(results.find((r) => r.entryId === steady)).toMatchObject({
      finishedAt: '2023-05-01T20:00:00+08:00',
      place: 1,
    });
    await page.close();
  });

  it('fits a 360 px phone screen, and the leaderboard is a real table', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`${inject('webUrl')}/rally/${rallyId}?lang=zh-CN#tracker`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectPage(page.locator('table.tracker-board caption')).toContainText('第 1 赛段');
    await expectPage(boardRows(page)).toHaveCount(2);
    await expectPage(boardRows(page).first().locator('th[scope="row"]')).toHaveCount(1);
    await screenshot(page, 'tracker-360');
    await page.close();
  });

  it('labels the seeded 2023 tracks illustrative', async () => {
    const page = await browser.newPage();
    await page.goto(
      `${inject('webUrl')}/rally/shandong-peninsula-rally-2023?lang=en&tleg=1&at=${Date.parse('2023-06-20T12:00:00+08:00')}#tracker`,
    );
    await expectPage(page.locator('#tracker .note')).toContainText('illustrative');
    await expectPage(boardRows(page)).toHaveCount(7);
    await expectPage(page.locator('.rally-map .trail')).toHaveCount(7);
    await page.close();
  });

  it('follows live: positions posted through the API appear on the open page without a reload, until the reader replays', async () => {
    const token = await organizerToken();
    // A rally of its own, dated before the others so that no other page changes.
    const rally = await rallyWithBoats(
      token,
      { name: '实时追踪测试', nameEn: 'Live tracker test', startDate: '2023-04-20', endDate: '2023-04-21' },
      ['Early', 'Late'],
      (boat) => `${boat} live ${Date.now()}`,
    );
    const legStart = Date.parse('2023-04-20T10:00:00+08:00');
    const [early, late] = rally.entries as [string, string];
    await api(`/rallies/${rally.id}/positions`, {
      method: 'POST',
      token,
      body: [0, 1, 2].map((h) => ({
        entryId: early,
        at: new Date(legStart + h * HOUR).toISOString(),
        ...along(h * 0.1),
      })),
    });

    const page = await browser.newPage();
    await page.goto(`${inject('webUrl')}/rally/${rally.id}?lang=en#tracker`);
    await page.locator('[data-live-state="live"]').waitFor();
    await expectPage(page.locator('[data-live-state="live"]')).toContainText('Following live');
    const map = page.locator('.rally-map svg');
    await expectPage(map.locator(`.boat[data-entry="${late}"]`)).toHaveCount(0);
    await expectPage(page.locator(`table.tracker-board tr[data-entry="${late}"] td.dtf`)).toHaveText('—');
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    // The late boat's tracker posts its first fixes, ahead of the early boat: it appears and takes the lead.
    await api(`/rallies/${rally.id}/positions`, {
      method: 'POST',
      token,
      body: [1, 2, 3].map((h) => ({
        entryId: late,
        at: new Date(legStart + h * HOUR).toISOString(),
        ...along(h * 0.2),
      })),
    });
    await expectPage(boardRows(page).first()).toHaveAttribute('data-entry', late);
    await expectPage(page.locator(`table.tracker-board tr[data-entry="${late}"] td.dtf`)).toHaveText(/nm/);
    await expectPage(map.locator(`.boat[data-entry="${late}"]`)).toHaveCount(1);
    await expectPage(map.locator(`.trail[data-entry="${late}"]`)).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await screenshot(page, 'tracker-live');

    // Replaying stops following: a new fix does not move the board back to now; "Back to live" does.
    await page.locator('#replay-at').fill(String(legStart + HOUR));
    await page.getByRole('button', { name: 'Back to live' }).waitFor();
    await expectPage(page.locator('[data-live-state]')).toHaveCount(0);
    await api(`/rallies/${rally.id}/positions`, {
      method: 'POST',
      token,
      body: [{ entryId: early, at: new Date(legStart + 4 * HOUR).toISOString(), ...along(0.9) }],
    });
    await page.waitForTimeout(1_000);
    await expectPage(page.locator('output.time')).toHaveText('2023-04-20 11:00');
    await page.getByRole('button', { name: 'Back to live' }).click();
    await expectPage(boardRows(page).first()).toHaveAttribute('data-entry', early);
    await expectPage(page.locator('output.time')).toHaveText('2023-04-21 23:59');
    await page.close();
  });

  it('words a track file’s refusals, refused lines and reading notes in the reader’s language', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('webUrl')}/rally/${rallyId}/tracks/import?lang=zh-CN`);
    const upload = async (name: string, body: string) => {
      await page.selectOption('#entryId', fast);
      await page.setInputFiles('#file', { name, mimeType: 'text/csv', buffer: Buffer.from(body) });
      await page.getByRole('button', { name: zh('rally.import.preview') }).click();
    };
    await upload('garbage.csv', 'lorem ipsum\nnot a track\n');
    await page.locator('.error-summary').waitFor();
    await expectPage(page.locator('.error-summary')).toContainText(zh('rally.import.problem.missingColumns'));
    await expectPage(page.locator('.error-summary')).toContainText(
      zh('rally.import.row.missingColumn', { column: zh('rally.import.column.lat') }),
    );

    // A time without zone (read as UTC+8) and a latitude of 95 (refused alone).
    await upload('fixes.csv', 'time,lat,lon\n2023-05-02 08:00:00,36.0,120.3\n2023-05-02 08:10:00,95,120.3\n');
    await page.locator('[data-testid="import-points"]').waitFor();
    const preview = page.locator('section.preview');
    await expectPage(preview).toContainText(zh('rally.import.note.localTime'));
    await expectPage(preview).toContainText(zh('rally.import.note.encoding', { encoding: 'UTF-8' }));
    await preview.locator('details summary').click();
    await expectPage(preview.locator('details li').first()).toHaveText(`#3: ${zh('rally.import.row.latitude')}`);
    await expectPage(preview.locator('[lang="en"]')).toHaveCount(0);
    await page.close();
  });
});
