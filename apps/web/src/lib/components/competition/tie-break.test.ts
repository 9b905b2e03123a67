import { describe, expect, it } from 'vitest';
import { describeTieBreak, type TieBreak } from './tie-break.js';

const names: Record<string, Record<'zh-CN' | 'en', string>> = {
  ln: { 'zh-CN': '辽宁', en: 'Liaoning' },
  gd: { 'zh-CN': '广东', en: 'Guangdong' },
  sz: { 'zh-CN': '深圳', en: 'Shenzhen' },
};
const zh = (id: string) => names[id]?.['zh-CN'] ?? id;
const en = (id: string) => names[id]?.en ?? id;

describe('tie-break explanations in the reader’s language', () => {
  const diff: TieBreak = {
    criterion: 'overall-diff',
    tiedWith: ['gd'],
    values: [
      { teamId: 'ln', value: 101 },
      { teamId: 'gd', value: 73 },
    ],
  };

  it('says who a team is ahead of, on which criterion, with signed differences', () => {
    expect(describeTieBreak('en', 'ln', diff, 1, en)).toBe(
      'Ahead of Guangdong on points difference in all group games (+101 vs +73)',
    );
    expect(describeTieBreak('zh-CN', 'ln', diff, 1, zh)).toBe('凭全部小组赛净胜分排在广东之前(+101 对 +73)');
  });

  it('says who a team is behind, from the same structured values', () => {
    const behind: TieBreak = { ...diff, tiedWith: ['ln'] };
    expect(describeTieBreak('en', 'gd', behind, 2, en)).toBe(
      'Behind Liaoning on points difference in all group games (+73 vs +101)',
    );
    expect(describeTieBreak('zh-CN', 'gd', behind, 2, zh)).toBe('因全部小组赛净胜分排在辽宁之后(+73 对 +101)');
  });

  it('places the middle team of three between the others on head-to-head points', () => {
    const h2h: TieBreak = {
      criterion: 'head-to-head-points',
      tiedWith: ['ln', 'sz'],
      values: [
        { teamId: 'ln', value: 4 },
        { teamId: 'gd', value: 3 },
        { teamId: 'sz', value: 2 },
      ],
    };
    expect(describeTieBreak('en', 'gd', h2h, 2, en)).toBe(
      'Behind Liaoning and ahead of Shenzhen on head-to-head classification points (3 vs 4, 2)',
    );
    expect(describeTieBreak('zh-CN', 'gd', h2h, 2, zh)).toBe('按相互间比赛积分排在辽宁之后、深圳之前(3 对 4、2)');
  });

  it('says when teams share a rank while games remain, and when lots must decide', () => {
    const level: TieBreak = { criterion: 'level', tiedWith: ['gd', 'sz'], values: [] };
    expect(describeTieBreak('en', 'ln', level, 1, en)).toBe(
      'Level with Guangdong and Shenzhen on every criterion so far; sharing rank 1 while group games remain',
    );
    expect(describeTieBreak('zh-CN', 'ln', { ...level, criterion: 'lot' }, 1, zh)).toBe(
      '与广东和深圳各项指标完全相同;小组赛已结束,由抽签决定(并列第 1 名)',
    );
  });

  it('says who recorded a lot and when, and where the team was drawn', () => {
    const drawn: TieBreak = {
      criterion: 'lot',
      tiedWith: ['gd', 'sz'],
      values: [],
      lot: { recordedBy: '王老师', recordedAt: '2023-08-05T20:15:00+08:00', drawn: 2 },
    };
    expect(describeTieBreak('en', 'ln', drawn, 2, en)).toBe(
      'Level with Guangdong and Shenzhen on every criterion; decided by lot (recorded by 王老师, at Aug 5 20:15): drawn 2 of 3',
    );
    expect(describeTieBreak('zh-CN', 'ln', drawn, 2, zh)).toBe(
      '与广东和深圳各项指标完全相同,由抽签决定(王老师于8月5日 20:15记录):抽签第 2 位(共 3 队)',
    );
  });

  it('says why head-to-head did not decide: the teams have not met yet, or they are level on it', () => {
    const overall: TieBreak = {
      criterion: 'overall-diff',
      tiedWith: ['gd'],
      values: [
        { teamId: 'ln', value: 101 },
        { teamId: 'gd', value: 73 },
      ],
    };
    const names: Record<string, string> = { ln: 'Liaoning', gd: 'Guangdong' };
    const nameOf = (id: string) => names[id] ?? id;
    expect(describeTieBreak('en', 'ln', overall, 1, nameOf, () => false)).toBe(
      'Has not met Guangdong yet, so head-to-head cannot decide. Ahead of Guangdong on points difference in all group games (+101 vs +73)',
    );
    expect(describeTieBreak('en', 'ln', overall, 1, nameOf, () => true)).toBe(
      'Level with Guangdong on head-to-head. Ahead of Guangdong on points difference in all group games (+101 vs +73)',
    );
    const zhNames: Record<string, string> = { ln: '辽宁', gd: '广东' };
    expect(
      describeTieBreak(
        'zh-CN',
        'ln',
        overall,
        1,
        (id) => zhNames[id] ?? id,
        () => false,
      ),
    ).toBe('与广东尚未交手,无法比较相互间成绩;凭全部小组赛净胜分排在广东之前(+101 对 +73)');
    // Decided by head-to-head itself: nothing to add.
    const h2h: TieBreak = {
      criterion: 'head-to-head-points',
      tiedWith: ['gd'],
      values: [
        { teamId: 'ln', value: 2 },
        { teamId: 'gd', value: 1 },
      ],
    };
    expect(describeTieBreak('en', 'ln', h2h, 1, nameOf, () => true)).not.toMatch(/met|Level with/);
  });
});
