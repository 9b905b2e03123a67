import type { MessageTable } from '../types.js';

/** Ties the rules leave to a drawing of lots: the organizer records the order drawn (issue 12). */
export const lotMessages = {
  'lots.link': { 'zh-CN': '抽签决定的并列名次', en: 'Ties decided by lot' },
  'lots.title': { 'zh-CN': '记录抽签结果', en: 'Record a drawing of lots' },
  'lots.intro': {
    'zh-CN':
      '小组赛全部结束后,若球队在规则的所有步骤后仍然并列(FIBA 附录 D.1.3;三人篮球无种子排名时),名次由抽签决定。抽签后按抽到的顺序记录,积分榜随即按此排名并注明由谁在何时记录。',
    en: 'When a complete group leaves teams level on every step of the rules (FIBA Appendix D.1.3; 3x3 without seeding), lots decide their places. Draw them, then record the order drawn: the standings follow it and say who recorded it, and when.',
  },
  'lots.none': { 'zh-CN': '目前没有需要抽签决定的并列。', en: 'No tie is waiting for a drawing of lots.' },
  'lots.noGroup': { 'zh-CN': '积分榜', en: 'Table' },
  'lots.tiedAt': { 'zh-CN': '并列第 {rank} 名', en: 'level at place {rank}' },
  'lots.place': { 'zh-CN': '第 {place} 名', en: 'Place {place}' },
  'lots.record': { 'zh-CN': '记录抽签顺序', en: 'Record the order drawn' },
  'lots.saved': { 'zh-CN': '抽签结果已记录,积分榜已更新。', en: 'The draw is recorded; the standings follow it.' },
  'lots.refused': {
    'zh-CN': '每支并列球队须且只能选一次,并且只能是这一组仍待抽签的并列球队。',
    en: 'Choose each tied team exactly once, and only the teams of a tie still waiting for lots.',
  },
  'lots.history': { 'zh-CN': '已记录的抽签', en: 'Draws recorded' },
  'lots.historyNone': { 'zh-CN': '尚未记录抽签。', en: 'No draw recorded yet.' },
  'lots.recordedBy': { 'zh-CN': '{name} 于 {at} 记录', en: 'recorded by {name} at {at}' },
} as const satisfies MessageTable;
