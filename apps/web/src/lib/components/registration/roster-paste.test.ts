import { describe, expect, it } from 'vitest';
import { parseRosterPaste } from './roster-paste.js';

describe('pasting a roster', () => {
  it('reads a 10-player list in Chinese, one per line, with commas of either width and enumeration commas', () => {
    const text = [
      '王小明, 4, 球员',
      '李子涵，5，后卫',
      '张浩然、6、前锋、2012',
      '刘一诺,7',
      '陈思远,8',
      '杨俊熙,9',
      '赵宇航,10',
      '黄嘉乐,11',
      '周子墨,12',
      '吴天佑,13',
      '孙教练,主教练',
    ].join('\n');
    const { rows, skipped } = parseRosterPaste(text, 'basketball');
    expect(skipped).toEqual([]);
    expect(rows).toHaveLength(11);
    expect(rows[0]).toEqual({ name: '王小明', number: '4', position: '', role: '', birthYear: '' });
    expect(rows[1]).toMatchObject({ name: '李子涵', number: '5', position: 'guard' });
    expect(rows[2]).toMatchObject({ name: '张浩然', number: '6', position: 'forward', birthYear: '2012' });
    expect(rows[10]).toMatchObject({ name: '孙教练', number: '', role: 'coach' });
  });

  it('reads tab-separated spreadsheet rows in English, roles in any case', () => {
    const { rows } = parseRosterPaste('Li Ming\t23\tPlayer\nAnna Chen\tAssistant coach\n', 'basketball');
    expect(rows).toEqual([
      { name: 'Li Ming', number: '23', position: '', role: '', birthYear: '' },
      { name: 'Anna Chen', number: '', position: '', role: 'assistant-coach', birthYear: '' },
    ]);
  });

  it('keeps an unknown role word, so the form marks it beside its field instead of dropping it', () => {
    const { rows } = parseRosterPaste('王小明, 4, 替补', 'basketball');
    expect(rows[0]?.role).toBe('替补');
  });

  it('reports a line without a name and keeps going', () => {
    const { rows, skipped } = parseRosterPaste('王小明, 4\n\n7, 球员\n李子涵, 5', 'basketball');
    expect(rows.map((r) => r.name)).toEqual(['王小明', '李子涵']);
    expect(skipped).toEqual([{ line: 3, text: '7, 球员', reason: 'no-name' }]);
  });

  it('knows sailing roles', () => {
    const { rows } = parseRosterPaste('张帆, 船长\n李航, navigator\n王浪, 船员', 'sailing');
    expect(rows.map((r) => r.role)).toEqual(['skipper', 'navigator', '']);
  });
});
