import { describe, expect, it } from 'vitest';
import { describe3x3TieBreak, type TieBreak3x3 } from './tie-break-3x3.js';

const names: Record<string, Record<'zh-CN' | 'en', string>> = {
  cze: { 'zh-CN': '捷克', en: 'Czech Republic' },
  ita: { 'zh-CN': '意大利', en: 'Italy' },
  mas: { 'zh-CN': '马来西亚', en: 'Malaysia' },
};
const zh = (id: string) => names[id]?.['zh-CN'] ?? id;
const en = (id: string) => names[id]?.en ?? id;

// The FIBA 3x3 World Cup 2018 women's Pool A tie (see the domain's classification-3x3.test.ts).
describe('3x3 tie-break explanations in the reader’s language', () => {
  const h2h: TieBreak3x3 = {
    criterion: 'head-to-head',
    tiedWith: ['ita'],
    values: [
      { teamId: 'cze', value: 1 },
      { teamId: 'ita', value: 0 },
    ],
  };

  it('head-to-head between two teams, in wins', () => {
    expect(describe3x3TieBreak('en', 'cze', h2h, 1, en)).toBe(
      'Ahead of Italy on the game between them (1 won vs 0 won)',
    );
    expect(describe3x3TieBreak('zh-CN', 'ita', { ...h2h, tiedWith: ['cze'] }, 2, zh)).toBe(
      '因两队间比赛胜负排在捷克之后(0 胜 对 1 胜)',
    );
  });

  it('the points average of three, middle team between the others', () => {
    const avg: TieBreak3x3 = {
      criterion: 'points-average',
      tiedWith: ['cze', 'mas'],
      values: [
        { teamId: 'cze', value: 20 },
        { teamId: 'ita', value: 18 },
        { teamId: 'mas', value: 17.5 },
      ],
    };
    expect(describe3x3TieBreak('en', 'ita', avg, 2, en)).toBe(
      'Behind Czech Republic and ahead of Malaysia on points scored per game (forfeit wins left out) (18 vs 20, 17.5)',
    );
    expect(describe3x3TieBreak('zh-CN', 'ita', avg, 2, zh)).toBe(
      '按场均得分(不计弃权胜场)排在捷克之后、马来西亚之前(18 对 20、17.5)',
    );
  });

  it('seeding: the lower number ranks higher, and the order, not the number, says ahead or behind', () => {
    const seeding: TieBreak3x3 = {
      criterion: 'seeding',
      tiedWith: ['ita'],
      values: [
        { teamId: 'cze', value: 7 },
        { teamId: 'ita', value: 8 },
      ],
    };
    expect(describe3x3TieBreak('en', 'cze', seeding, 1, en)).toBe('Ahead of Italy on seeding (seed 7 vs seed 8)');
    expect(describe3x3TieBreak('zh-CN', 'ita', { ...seeding, tiedWith: ['cze'] }, 2, zh)).toBe(
      '因种子排位排在捷克之后(8 号种子 对 7 号种子)',
    );
  });

  it('level: nothing separates them', () => {
    const level: TieBreak3x3 = { criterion: 'level', tiedWith: ['ita', 'mas'], values: [] };
    expect(describe3x3TieBreak('en', 'cze', level, 1, en)).toBe(
      'Level with Italy and Malaysia on wins, head-to-head and points average, and no seeding separates them; sharing rank 1',
    );
    expect(describe3x3TieBreak('zh-CN', 'cze', level, 1, zh)).toBe(
      '与意大利和马来西亚胜场、相互胜负和场均得分均相同,且无种子排位可分先后(并列第 1 名)',
    );
  });

  it('lot: the order the organizer drew, who recorded it and when', () => {
    const lot: TieBreak3x3 = {
      criterion: 'lot',
      tiedWith: ['ita', 'mas'],
      values: [],
      lot: { recordedBy: 'Li Na', recordedAt: '2023-07-30T18:00:00+08:00', drawn: 1 },
    };
    expect(describe3x3TieBreak('en', 'cze', lot, 1, en)).toBe(
      'Level with Italy and Malaysia on wins, head-to-head and points average, with no seeding; decided by lot (recorded by Li Na, at Jul 30 18:00): drawn 1 of 3',
    );
  });
});
