import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, type MessageKey, translate } from '../src/lib/i18n/index.js';
import { expectPage, ORGANIZER, signInWithForm, web } from './support/page.js';
import { openBrowser, screenshot } from './support/browser.js';
import { organizerApi } from './support/organizer-api.js';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);

const { call, signIn, seeded } = organizerApi();

/**
 * The seeded 3x3 street tournament (ruleset fiba-3x3, May Fourth Square, 15–30 July) with four more teams, registered
 * through the API as an organizer would. Seeded events only: the home page counts the season's events.
 */
async function streetTournament(prefix: string): Promise<{ eventId: string; teams: string[] }> {
  await signIn();
  const event = await seeded('street-3x3-tournament');
  expect(event.ruleset).toBe('fiba-3x3');
  const teams: string[] = [];
  for (const letter of ['甲', '乙', '丙', '丁']) {
    const team = await call<{ id: string }>('POST', '/teams', {
      name: `${prefix}${letter}队`,
      nameEn: `${prefix} ${letter}`,
      sport: 'basketball',
    });
    await call('POST', `/events/${event.id}/registrations`, { teamId: team.id, roster: [{ name: '球员' }] });
    teams.push(team.id);
  }
  return { eventId: event.id, teams };
}

let organizer: BrowserContext;
let fan: BrowserContext;
beforeAll(async () => {
  [organizer, fan] = await Promise.all([openBrowser(), openBrowser()]);
});
afterAll(async () => {
  await Promise.all([organizer?.close(), fan?.close()]);
});

describe('officials and 3x3', () => {
  it('an organizer assigns an official; a clashing assignment is refused beside the game; the official’s page lists the game', async () => {
    const { eventId, teams } = await streetTournament('三人');
    const [t0, t1, t2, t3] = teams as [string, string, string, string];
    const first = await call<{ id: string }>('POST', `/events/${eventId}/matches`, {
      homeTeamId: t0,
      awayTeamId: t1,
      startsAt: '2023-07-16T10:00:00+08:00',
    });
    const second = await call<{ id: string }>('POST', `/events/${eventId}/matches`, {
      homeTeamId: t2,
      awayTeamId: t3,
      startsAt: '2023-07-16T10:15:00+08:00',
    });
    const ref = await call<{ id: string }>('POST', '/officials', { name: '周裁判', roles: ['referee', 'table'] });

    const page = await organizer.newPage();
    const board = `/events/${eventId}/officials`;
    await signInWithForm(page, ORGANIZER, board);

    // Both games need officials, and say so.
    const game1 = page.locator(`li.game[data-match-id="${first.id}"]`);
    const game2 = page.locator(`li.game[data-match-id="${second.id}"]`);
    await expectPage(game1).toHaveAttribute('data-needs', 'true');
    await expectPage(game2).toHaveAttribute('data-needs', 'true');

    await game1.locator('select[name="officialId"]').selectOption(ref.id);
    await game1.getByRole('button', { name: zh('officials.assign.submit') }).click();
    await game1.locator('.saved').waitFor();
    await expectPage(game1.locator('.crew')).toContainText('周裁判');

    // The same official at 10:15 (a 3x3 game takes 30 minutes): refused, beside the second game, in words.
    await game2.locator('select[name="officialId"]').selectOption(ref.id);
    await game2.getByRole('button', { name: zh('officials.assign.submit') }).click();
    const clash = game2.locator('.clash');
    await clash.waitFor();
    const other = `${formatDate('zh-CN', '2023-07-16T10:00:00+08:00', { month: 'short', day: 'numeric' })} 10:00 三人甲队 对 三人乙队`;
    await expectPage(clash).toContainText(zh('officials.clash.overlap', { official: '周裁判', game: other }));
    await expectPage(game2.locator('select[name="officialId"]')).toHaveAttribute('aria-invalid', 'true');
    await expectPage(game2).toHaveAttribute('data-needs', 'true');
    await screenshot(page, 'officials-clash-refused');
    const stored = await call<{ games: { matchId: string }[] }>('GET', `/officials/${ref.id}/games`);
    expect(stored.games.map((g) => g.matchId)).toEqual([first.id]);

    // The official's public page and feed.
    const pub = await fan.newPage();
    await pub.goto(web(`/officials/${ref.id}?lang=zh-CN`));
    await expectPage(pub.locator(`tr[data-match-id="${first.id}"]`)).toContainText('三人甲队 对 三人乙队');
    const ics = await fetch(web(`/officials/${ref.id}/calendar.ics`));
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect((await ics.text()).match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('the 3x3 standings explain each tie-break, in Chinese and in English', async () => {
    const { eventId, teams } = await streetTournament('街头');
    const [a, b, c, d] = teams as [string, string, string, string];
    // A, B, C 2–1 in a circle, all beat D; D forfeits to A (w-0): averages B 20, C 18, A 17.5.
    const games: [string, string, Record<string, unknown>][] = [
      [a, b, { homeScore: 20, awayScore: 18 }],
      [c, d, { homeScore: 18, awayScore: 10 }],
      [b, c, { homeScore: 21, awayScore: 19 }],
      [a, d, { forfeitedBy: d }],
      [c, a, { homeScore: 17, awayScore: 15 }],
      [b, d, { homeScore: 21, awayScore: 16 }],
    ];
    for (const [i, [home, away, result]] of games.entries()) {
      const m = await call<{ id: string }>('POST', `/events/${eventId}/matches`, {
        homeTeamId: home,
        awayTeamId: away,
        group: 'B',
        startsAt: `2023-07-2${1 + Math.floor(i / 2)}T${i % 2 === 0 ? '09' : '15'}:00:00+08:00`,
      });
      await call('PUT', `/matches/${m.id}/result`, result);
    }
    const page = await fan.newPage();
    await page.goto(web(`/events/${eventId}/standings?lang=en`));
    const order = await page
      .locator('section[data-group="B"] table.standings-3x3 tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-team-id')));
    expect(order).toEqual([b, c, a, d]);
    await expectPage(page.locator(`tr[data-team-id="${c}"] .why`)).toHaveText(
      'Behind 街头 乙 and ahead of 街头 甲 on points scored per game (forfeit wins left out) (18 vs 20, 17.5)',
    );
    await expectPage(page.locator('details[data-ruleset="fiba-3x3"] summary')).toHaveText(
      translate('en', 'competition.standings3x3.rules.title'),
    );
    await page.goto(web(`/events/${eventId}/standings?lang=zh-CN`));
    await expectPage(page.locator(`tr[data-team-id="${b}"] .why`)).toHaveText(
      '凭场均得分(不计弃权胜场)排在街头丙队和街头甲队之前(20 对 18、17.5)',
    );
    await screenshot(page, 'standings-3x3');
  });
});
