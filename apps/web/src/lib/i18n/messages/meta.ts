import type { MessageTable } from '../types.js';

/** Descriptions for search results and link previews (PageMeta): one sentence a page, saying what a reader finds there. */
export const metaMessages = {
  'meta.imageAlt': {
    'zh-CN': 'Sailcourt 赛场:青岛 2023 夏季篮球季与环山东半岛帆船拉力赛',
    en: 'Sailcourt: the Qingdao 2023 basketball season and the Shandong offshore rally',
  },
  'meta.event': {
    'zh-CN': '{event}:报名、赛程、积分榜与淘汰赛对阵。',
    en: '{event}: registration, schedule, standings and knockout bracket.',
  },
  'meta.schedule': {
    'zh-CN': '{event}全部比赛的时间、场馆、比分与实时比分。',
    en: 'Every game of {event}: times, venues, results and live scores.',
  },
  'meta.standings': {
    'zh-CN': '{event}积分榜:按 FIBA 规则排名,并说明每一个并列如何决出。',
    en: '{event} standings, ranked by the FIBA rules, with every tie-break explained.',
  },
  'meta.bracket': { 'zh-CN': '{event}淘汰赛对阵与结果。', en: '{event}: the knockout bracket and its results.' },
  'meta.match': { 'zh-CN': '{match},{event}:比分、时间与场馆。', en: '{match}, {event}: score, time and venue.' },
  'meta.rally': {
    'zh-CN': '{rally}:各航段成绩、总成绩、航线地图与船只航迹。',
    en: '{rally}: leg results, overall standings, the route map and the boats’ tracks.',
  },
  'meta.methodology': {
    'zh-CN': '旅游影响估算的方法、假设、来源与敏感性。',
    en: 'How the tourism impact is estimated: method, assumptions, sources and sensitivity.',
  },
  'meta.official': {
    'zh-CN': '{official}执裁的比赛与日历订阅。',
    en: 'Games officiated by {official}, with a calendar feed.',
  },
} as const satisfies MessageTable;
