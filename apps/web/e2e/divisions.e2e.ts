import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type MessageKey, translate } from '../src/lib/i18n/index.js';
import { expectPage, hydrated, ORGANIZER, signInWithForm, web } from './support/page.js';
import { openBrowser, screenshot } from './support/browser.js';
import { organizerApi } from './support/organizer-api.js';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
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
    await expectPage(page.locator('tr[data-division]')).toHaveCount(divisions.length);
    await expectPage(page.locator(`tr[data-division="${DIVISION}"] th`)).toHaveText(division.name);
    await expectPage(page.locator('#divisions-title')).toHaveText(zh('division.title'));
    await expectPage(page.locator('main')).toContainText(zh('division.illustrativeNote'));

    // A manager signs in and registers a team: the division is required, picked from a list.
    const home = await managerWithTeam(`潍坊小花${RUN}`);
    const path = `/events/${event.id}/register`;
    await signInWithForm(page, { email: home.email, password: PASSWORD }, path);
    // Submitting without a division: the page says so beside the list, and nothing is stored.
    await page.getByRole('button', { name: zh('registration.register.submit', { team: `潍坊小花${RUN}` }) }).click();
    await page.locator('#divisionId-error').waitFor();
    await expectPage(page.locator('#divisionId-error')).toContainText(zh('division.error.required'));
    await expectPage(page.locator('#divisionId')).toHaveAttribute('aria-invalid', 'true');
    expect(
      (await api.call<Registration[]>('GET', `/events/${event.id}/registrations`)).some(
        (r) => r.teamId === home.teamId,
      ),
    ).toBe(false);
    await page.selectOption('#divisionId', division.id);
    await page.getByRole('button', { name: zh('registration.register.submit', { team: `潍坊小花${RUN}` }) }).click();
    await page.waitForURL(/registered=1/);
    await expectPage(page.locator('[data-registered-division]')).toHaveAttribute('data-registered-division', DIVISION);
    await expectPage(page.locator('[data-registered-division]')).toHaveText(
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
    await signInWithForm(orgPage, ORGANIZER, manage);
    await orgPage.selectOption('#division', division.id);
    await orgPage.getByRole('button', { name: zh('competition.generate.preview') }).click();
    await orgPage.getByRole('button', { name: zh('competition.generate.save') }).click();
    await orgPage.waitForURL(/generated=3/);
    // The organizer's overview breaks participation down by division and by city (teams, people).
    await orgPage.goto(web('/organizer'));
    const row = orgPage.locator(`[data-testid="participation-divisions"] tr[data-division="${DIVISION}"] td`);
    await expectPage(row).toHaveText(['3', '24']);
    await expectPage(orgPage.locator('[data-testid="participation-cities"]')).toContainText('潍坊');
    await orgPage.goto(web('/organizer?lang=en'));
    await expectPage(orgPage.locator('#cities-title')).toHaveText(en('division.participation.byCity'));
    await expectPage(orgPage.locator('[data-testid="participation-cities"]')).toContainText('Weifang');
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
    await hydrated(page);
    await page.selectOption('#division', DIVISION);
    await page.getByRole('button', { name: zh('division.filter.apply') }).click();
    await page.waitForURL(/division=U8-girls/);
    const groups = page.locator('section.group');
    await expectPage(groups).toHaveCount(1);
    await expectPage(groups.first()).toHaveAttribute('data-division', division.id);
    await expectPage(groups.first()).toHaveAttribute('aria-label', division.name);
    const order = await groups
      .first()
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-team-id')));
    expect(order).toEqual([home.teamId, qingdao?.teamId, yantai?.teamId]);
    await screenshot(page, 'divisions-standings-zh-CN');

    // In English, on a phone: the same table, worded in English, no sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(web(`/events/${event.id}/standings?division=${DIVISION}&lang=en`));
    await expectPage(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectPage(page.locator('section.group').first()).toHaveAttribute('aria-label', division.nameEn);
    await expectPage(page.locator('label[for="division"]')).toHaveText(en('division.label'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'divisions-standings-en-phone');

    // The embeddable widget takes the division too, and the whole view ranks each division in its own table.
    await page.goto(web(`/embed/events/${event.id}/standings?division=${DIVISION}`));
    await expectPage(page.locator('tbody tr')).toHaveCount(3);
    const whole = await page.goto(web(`/embed/events/${event.id}/standings`));
    expect(whole?.status()).toBe(200);
    const everyDivision = await api.call<{ groups: { divisionId: string }[] }>('GET', `/events/${event.id}/standings`);
    expect(everyDivision.groups.map((g) => g.divisionId)).toContain(division.id);
    await expectPage(page.locator('table')).toHaveCount(everyDivision.groups.length);

    // The schedule filtered to the division shows its three games only.
    await page.goto(web(`/events/${event.id}/schedule?division=${DIVISION}`));
    await expectPage(page.locator('tr[data-match]')).toHaveCount(3);
    await page.close();
  }, 180_000);
});
