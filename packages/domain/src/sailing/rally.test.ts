import { describe, expect, it } from 'vitest';
import type { RallyLegResultInput } from './leg-scoring.js';
import { scoreRally, type RallyLegWithResults } from './rally.js';

// 2023 Shandong Port Cup Fairyland Coast Peninsula Cities Sailing Rally
// (“山东港口杯”仙境海岸半岛城市帆船拉力赛), 19 June – 4 July 2023: 7 finishing teams, one-design
// Beneteau First 40 (rating 1), five legs Qingdao → Weifang → Yantai → Weihai → Rizhao → Qingdao.
// The official final order comes from public reports (see docs/product.md). Leg results, start
// times and finish times were NOT published: everything below except the team names, the leg
// route and the final order is ILLUSTRATIVE, chosen so that low point with one discard yields the
// official order (with a race tie in leg 5 and a series tie broken by A8.2 for 4th place).
// Distances are shortest sea paths measured on a coastline map (≈801 nm against the official ≈840).
const TEAMS = [
  'qingdao-port-danquan-saiman', // 1 山东港口青岛港—丹泉酒业·赛曼队
  'weifang-port-mengzhilan-feiyu', // 2 潍坊港—梦之蓝·飞鱼帆船队
  'dongying-port-sailing-city-qingdao', // 3 东营港—帆船之都·青岛帆船队
  'weihai-port-qingdao-film-academy', // 4 威海港—青岛电影学院队
  'yantai-port-mingxing', // 5 烟台港—山东“明兴”队
  'rizhao-port-go-sailing', // 6 日照港—我要去航海队
  'binzhou-port-quanshi-fitness', // 7 滨州港—全时健身队
] as const;

type Team = (typeof TEAMS)[number];
const [QD, WF, DY, WH, YT, RZ, BZ] = TEAMS;

interface IllustrativeLeg {
  readonly number: number;
  readonly route: string;
  readonly startsAt: string;
  readonly distanceNm: number;
  /** Elapsed hours of the leg winner. */
  readonly winnerHours: number;
  /** Finishing order; an inner array is a dead heat; teams left out did not finish. */
  readonly order: readonly (Team | readonly Team[])[];
}

const LEGS: readonly IllustrativeLeg[] = [
  {
    number: 1,
    route: 'Qingdao → Weifang',
    startsAt: '2023-06-19T10:00:00+08:00',
    distanceNm: 345,
    winnerHours: 55.5,
    order: [QD, WF, DY, YT, WH, RZ, BZ],
  },
  {
    number: 2,
    route: 'Weifang → Yantai',
    startsAt: '2023-06-24T09:00:00+08:00',
    distanceNm: 127,
    winnerHours: 19.25,
    order: [WF, QD, DY, YT, RZ, WH, BZ],
  },
  {
    number: 3,
    route: 'Yantai → Weihai',
    startsAt: '2023-06-27T10:00:00+08:00',
    distanceNm: 41,
    winnerHours: 5.75,
    order: [QD, DY, WF, WH, YT, BZ, RZ],
  },
  {
    number: 4,
    route: 'Weihai → Rizhao',
    startsAt: '2023-06-29T09:00:00+08:00',
    distanceNm: 230,
    winnerHours: 34,
    order: [WF, DY, QD, WH, YT, RZ],
  },
  {
    number: 5,
    route: 'Rizhao → Qingdao',
    startsAt: '2023-07-04T07:00:00+08:00',
    distanceNm: 58,
    winnerHours: 8.5,
    order: [QD, DY, [WH, YT], WF, RZ, BZ],
  },
];

function legWithResults(leg: IllustrativeLeg): RallyLegWithResults {
  const start = Date.parse(leg.startsAt);
  const results: RallyLegResultInput[] = [];
  leg.order.forEach((slot, position) => {
    // 17 minutes between consecutive finishing slots; dead heats share the same second.
    const finishedAt = new Date(start + leg.winnerHours * 3_600_000 + position * 17 * 60_000).toISOString();
    for (const entryId of typeof slot === 'string' ? [slot] : slot) results.push({ entryId, finishedAt });
  });
  const finished = new Set(results.map((r) => r.entryId));
  for (const entryId of TEAMS) if (!finished.has(entryId)) results.push({ entryId, code: 'DNF' });
  return { number: leg.number, startsAt: leg.startsAt, distanceNm: leg.distanceNm, results };
}

describe('2023 Shandong peninsula rally replay (illustrative leg results)', () => {
  const scored = scoreRally({
    entries: TEAMS.map((entryId) => ({ entryId, rating: 1 })),
    legs: LEGS.map(legWithResults),
    discards: 1,
  });

  it('reproduces the official final order 1..7', () => {
    expect(scored.standings.map((row) => [row.rank, row.entryId])).toEqual(TEAMS.map((team, i) => [i + 1, team]));
  });

  it('scores the legs: a dead heat shares 3.5 points, a DNF scores 7 + 1 = 8', () => {
    const leg5 = scored.legs.find((l) => l.number === 5)?.rows ?? [];
    expect(
      leg5
        .filter((r) => r.points === 3.5)
        .map((r) => r.entryId)
        .sort(),
    ).toEqual([WH, YT].sort());
    const leg4 = scored.legs.find((l) => l.number === 4)?.rows ?? [];
    expect(leg4.find((r) => r.entryId === BZ)).toMatchObject({ code: 'DNF', points: 8, place: null });
    expect(leg4.find((r) => r.entryId === WF)).toMatchObject({ place: 1, points: 1, elapsedSeconds: 34 * 3600 });
    expect(leg4.find((r) => r.entryId === WF)?.speedKnots).toBeCloseTo(230 / 34, 9);
  });

  it('nets, discards and the A8.2 tie-break for 4th place', () => {
    expect(scored.standings.map((r) => [r.entryId, r.total, r.net])).toEqual([
      [QD, 8, 5],
      [WF, 12, 7],
      [DY, 12, 9],
      [WH, 22.5, 16.5],
      [YT, 21.5, 16.5],
      [RZ, 30, 23],
      [BZ, 35, 27],
    ]);
    const weihai = scored.standings.find((r) => r.entryId === WH);
    const yantai = scored.standings.find((r) => r.entryId === YT);
    expect(weihai?.tieBreak?.rule).toBe('A8.2');
    expect(weihai?.tieBreak?.tiedWith).toEqual([YT]);
    // Yantai's two 5s: the earlier (leg 3) is excluded (A2.1).
    expect(yantai?.legs.filter((l) => l.discarded).map((l) => l.number)).toEqual([3]);
    expect(weihai?.legs.filter((l) => l.discarded).map((l) => l.number)).toEqual([2]);
  });

  it('without the discard the order would differ (Yantai ahead of Weihai), so the rally setting matters', () => {
    const noDiscard = scoreRally({
      entries: TEAMS.map((entryId) => ({ entryId })),
      legs: LEGS.map(legWithResults),
      discards: 0,
    });
    expect(noDiscard.standings.findIndex((r) => r.entryId === YT)).toBeLessThan(
      noDiscard.standings.findIndex((r) => r.entryId === WH),
    );
  });

  it('cumulative-time table: the boat with a DNF ranks after every complete boat', () => {
    const last = scored.cumulativeTime[scored.cumulativeTime.length - 1];
    expect(last).toMatchObject({ entryId: BZ, complete: false, legsCompleted: 4, rank: 7 });
    expect(scored.cumulativeTime.slice(0, 6).every((r) => r.complete)).toBe(true);
  });
});
