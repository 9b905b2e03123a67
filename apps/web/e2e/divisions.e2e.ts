import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type MessageKey, translate } from '../src/lib/i18n/index.js';
import { openBrowser, screenshot } from './support/browser.js';
import { organizerApi } from './support/organizer-api.js';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const web = (path: string) => `${inject('webUrl')}${path}`;
const api = organizerApi();

// The seeded Future Stars league has six divisions (illustrative); this test plays in U8 girls, which no other test touches.
const DIVISION = 'U8-girls';
const RUN = String(Date.now()).slice(-5);
const PASSWORD = 'mini-hoops-2023';

type Division = { id: string; code: string; name: string; nameEn: string };
type Registration = { id: string; teamId: string; status: string; divisionId: string | null };
type Game = { id: string; homeTeamId: string; awayTeamId: string; divisionId: string | null };

let browser: BrowserContext;
beforeAll(async () => {
  await api.signIn();
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

/** A team manager's account and team with a saved roster of girls born in 2016, made the way the pages would. */
async function managerWithTeam(name: string): Promise<{ email: string; token: string; teamId: string }> {
  const email = `u8-${RUN}-${name.length}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const signup = await fetch(`${inject('apiUrl')}/api/auth/signup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, displayName: `${name}教练` }),
  });
  expect(signup.status).toBe(201);
  const { accessToken: token } = (await signup.json()) as { accessToken: string };
  const auth = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const team = await fetch(`${inject('apiUrl')}/api/teams`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ name, sport: 'basketball', city: '潍坊', cityEn: 'Weifang' }),
  });
  const teamId = ((await team.json()) as { id: string }).id;
  const roster = Array.from({ length: 8 }, (_, i) => ({
    name: `${name}队员${i + 1}`,
    number: i + 4,
    role: 'player',
    birthYear: 2016,
  }));
  const saved = await fetch(`${inject('apiUrl')}/api/teams/${teamId}/roster`, {
    method: 'PUT',
    headers: auth,
    body: JSON.stringify({ roster }),
  });
  expect(saved.status, await saved.clone().text()).toBe(200);
  return { email, token, teamId };
}

describe('divisions', () => {
  it('a manager registers into a division on the page; the division’s standings rank its own teams only', async () => {
    const event = await api.seeded('future-stars-mini-basketball-league');
    const divisions = await api.call<Division[]>('GET', `/events/${event.id}/divisions`);
    const division = divisions.find((d) => d.code === DIVISION) as Division;
    expect(division).toBeDefined();

    // The public event page lists the divisions, marked illustrative.
    const page = await browser.newPage();
    await page.goto(web(`/events/${event.id}`));
    expect(await page.locator('tr[data-division]').count()).toBe(divisions.length);
    expect(await page.locator(`tr[data-division="${DIVISION}"] th`).textContent()).toBe(division.name);
    expect(await page.textContent('#divisions-title')).toBe(zh('division.title'));
    expect(await page.textContent('main')).toContain(zh('division.illustrativeNote'));

    // A manager signs in and registers a team: the division is required, picked from a list.
    const home = await managerWithTeam(`潍坊小花${RUN}`);
    const path = `/events/${event.id}/register`;
    await page.goto(web(`/login?next=${encodeURIComponent(path)}`));
    await settled(page);
    await page.fill('#email', home.email);
    await page.fill('#password', PASSWORD);
    await page.getByRole('button', { name: zh('login.submit'), exact: true }).click();
    await page.waitForURL((url) => url.pathname === path);
    await settled(page);
    // Submitting without a division: the page says so beside the list, and nothing is stored.
    await page.getByRole('button', { name: zh('registration.register.submit', { team: `潍坊小花${RUN}` }) }).click();
    await page.locator('#divisionId-error').waitFor();
    expect(await page.textContent('#divisionId-error')).toContain(zh('division.error.required'));
    expect(await page.getAttribute('#divisionId', 'aria-invalid')).toBe('true');
    expect(
      (await api.call<Registration[]>('GET', `/events/${event.id}/registrations`)).some(
        (r) => r.teamId === home.teamId,
      ),
    ).toBe(false);
    await page.selectOption('#divisionId', division.id);
    await page.getByRole('button', { name: zh('registration.register.submit', { team: `潍坊小花${RUN}` }) }).click();
    await page.waitForURL(/registered=1/);
    expect(await page.getAttribute('[data-registered-division]', 'data-registered-division')).toBe(DIVISION);
    expect(await page.textContent('[data-registered-division]')).toBe(
      zh('division.registered', { name: division.name }),
    );
    await screenshot(page, 'divisions-registered');
    const stored = (await api.call<Registration[]>('GET', `/events/${event.id}/registrations`)).find(
      (r) => r.teamId === home.teamId,
    );
    expect(stored).toMatchObject({ divisionId: division.id, status: 'pending' });

    // The organizer confirms it, adds two more teams to the division, schedules the division and enters results.
    await api.call('PATCH', `/registrations/${stored?.id}`, { status: 'confirmed' });
    const others = [await managerWithTeam(`青岛小星${RUN}`), await managerWithTeam(`烟台海鸥${RUN}`)];
    for (const other of others)
      await api.call('POST', `/events/${event.id}/registrations`, { teamId: other.teamId, divisionId: DIVISION });
    // The organizer's schedule page: pick the division, preview, save; only that division's teams meet.
    const org = await openBrowser();
    const orgPage = await org.newPage();
    const manage = `/events/${event.id}/manage/schedule`;
    await orgPage.goto(web(`/login?next=${encodeURIComponent(manage)}`));
    await settled(orgPage);
    await orgPage.fill('#email', 'organizer@sailcourt.local');
    await orgPage.fill('#password', 'sailcourt-organizer');
    await orgPage.getByRole('button', { name: zh('login.submit'), exact: true }).click();
    await orgPage.waitForURL((url) => url.pathname === manage);
    await settled(orgPage);
    await orgPage.selectOption('#division', division.id);
    await orgPage.getByRole('button', { name: zh('competition.generate.preview') }).click();
    await orgPage.getByRole('button', { name: zh('competition.generate.save') }).click();
    await orgPage.waitForURL(/generated=3/);
    // The organizer's overview breaks participation down by division and by city (teams, people).
    await orgPage.goto(web('/organizer'));
    const row = orgPage.locator(`[data-testid="participation-divisions"] tr[data-division="${DIVISION}"] td`);
    expect(await row.allTextContents()).toEqual(['3', '24']);
    expect(await orgPage.locator('[data-testid="participation-cities"]').textContent()).toContain('潍坊');
    await orgPage.goto(web('/organizer?lang=en'));
    expect(await orgPage.locator('#cities-title').textContent()).toBe(en('division.participation.byCity'));
    expect(await orgPage.locator('[data-testid="participation-cities"]').textContent()).toContain('Weifang');
    await screenshot(orgPage, 'divisions-organizer-participation-en');
    await org.close();
    const plan = { matches: await api.call<Game[]>('GET', `/events/${event.id}/matches?division=${DIVISION}`) };
    expect(plan.matches).toHaveLength(3);
    expect(plan.matches.every((g) => g.divisionId === division.id)).toBe(true);
    const teamsInGames = new Set(plan.matches.flatMap((g) => [g.homeTeamId, g.awayTeamId]));
    expect([...teamsInGames].sort()).toEqual([home.teamId, ...others.map((o) => o.teamId)].sort());
    // The home team wins both its games; Qingdao beats Yantai.
    const [qingdao, yantai] = others;
    for (const game of plan.matches) {
      const homeWins =
        game.homeTeamId === home.teamId || (game.homeTeamId === qingdao?.teamId && game.awayTeamId === yantai?.teamId);
      const awayWins =
        game.awayTeamId === home.teamId || (game.awayTeamId === qingdao?.teamId && game.homeTeamId === yantai?.teamId);
      expect(homeWins || awayWins).toBe(true);
      await api.call(
        'PUT',
        `/matches/${game.id}/result`,
        homeWins ? { homeScore: 18, awayScore: 10 } : { homeScore: 10, awayScore: 18 },
      );
    }

    // The standings page: pick the division from the filter; one table, the division's three teams, ranked.
    await page.goto(web(`/events/${event.id}/standings`));
    await settled(page);
    await page.selectOption('#division', DIVISION);
    await page.getByRole('button', { name: zh('division.filter.apply') }).click();
    await page.waitForURL(/division=U8-girls/);
    const groups = page.locator('section.group');
    expect(await groups.count()).toBe(1);
    expect(await groups.first().getAttribute('data-division')).toBe(division.id);
    expect(await groups.first().getAttribute('aria-label')).toBe(division.name);
    const order = await groups
      .first()
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-team-id')));
    expect(order).toEqual([home.teamId, qingdao?.teamId, yantai?.teamId]);
    await screenshot(page, 'divisions-standings-zh-CN');

    // In English, on a phone: the same table, worded in English, no sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(web(`/events/${event.id}/standings?division=${DIVISION}&lang=en`));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('section.group').first().getAttribute('aria-label')).toBe(division.nameEn);
    expect(await page.textContent('label[for="division"]')).toBe(en('division.label'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'divisions-standings-en-phone');

    // The embeddable widget takes the division too, and the whole view ranks each division in its own table.
    await page.goto(web(`/embed/events/${event.id}/standings?division=${DIVISION}`));
    expect(await page.locator('tbody tr').count()).toBe(3);
    const whole = await page.goto(web(`/embed/events/${event.id}/standings`));
    expect(whole?.status()).toBe(200);
    const everyDivision = await api.call<{ groups: { divisionId: string }[] }>('GET', `/events/${event.id}/standings`);
    expect(everyDivision.groups.map((g) => g.divisionId)).toContain(division.id);
    expect(await page.locator('table').count()).toBe(everyDivision.groups.length);

    // The schedule filtered to the division shows its three games only.
    await page.goto(web(`/events/${event.id}/schedule?division=${DIVISION}`));
    expect(await page.locator('tr[data-match]').count()).toBe(3);
    await page.close();
  }, 180_000);
});
