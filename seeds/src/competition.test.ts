import { generateRoundRobin, scheduleMatchSlots } from '@sailcourt/domain';
import { describe, expect, it } from 'vitest';
import { illustrativeScore } from './competition.js';
import { loadBasketballSeason, loadCbaSummerLeagueSchedule, loadCbaSummerLeagueTeams } from './data.js';

const plan = loadCbaSummerLeagueSchedule();
const slugs = loadCbaSummerLeagueTeams().map((t) => t.slug);
const event = loadBasketballSeason().events.find((e) => e.slug === plan.eventSlug)!;

describe('the CBA Summer League seed plan', () => {
  it('is marked illustrative and names a strength for every team', () => {
    expect(plan.source).toBe('illustrative');
    expect(Object.keys(plan.strength).sort()).toEqual([...slugs].sort());
    expect(event.venueSlug).toBe(plan.venueSlug);
  });

  it('fits the whole round robin on the venue’s one court within the event’s dates', () => {
    const { placed, unplaced } = scheduleMatchSlots({
      pairings: generateRoundRobin(slugs).flatMap((r) => r.pairings),
      startDate: event.startDate,
      endDate: event.endDate,
      dailySlots: plan.dailySlots,
      courts: [{ venueId: plan.venueSlug, court: '1' }],
      timeZoneOffset: '+08:00',
      minRestHours: plan.minRestHours,
      matchDurationMinutes: plan.matchDurationMinutes,
    });
    expect(unplaced).toEqual([]);
    expect(placed).toHaveLength(45);
    expect(placed.filter((p) => p.startsAt.slice(0, 10) < plan.resultsBefore)).toHaveLength(25);
  });

  it('makes up scores that are plausible, never level and the same on every run', () => {
    for (const [i, home] of slugs.entries()) {
      for (const away of slugs.slice(i + 1)) {
        const score = illustrativeScore(plan, home, away, 1);
        expect(score.home).not.toBe(score.away);
        expect(Math.min(score.home, score.away)).toBeGreaterThan(50);
        expect(Math.max(score.home, score.away)).toBeLessThan(130);
        expect(illustrativeScore(plan, home, away, 1)).toEqual(score);
      }
    }
  });
});
