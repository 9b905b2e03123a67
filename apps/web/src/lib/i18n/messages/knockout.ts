import type { MessageTable } from '../types.js';

/** Group stage → knockout: the organizer's preview and confirmation of the draw (issue 12). */
export const knockoutMessages = {
  'knockout.link': { 'zh-CN': '小组赛 → 淘汰赛抽签', en: 'Group stage → knockout draw' },
  'knockout.title': { 'zh-CN': '由小组排名排定淘汰赛', en: 'Draw the knockout from the groups' },
  'knockout.intro': {
    'zh-CN':
      '先预览(不保存),确认后才生成对阵和首轮比赛。两组配对时交叉对阵(A1–B2、B1–A2……),同组的第一、二名分在不同半区;有最佳第三名等跨组名额时,按规则的跨组排名排定种子,首轮尽量避开同组球队。',
    en: 'Preview first (nothing is saved); the bracket and its first games are created only when you confirm. Groups in pairs cross over (A1–B2, B1–A2, …), a group’s winner and runner-up in opposite halves; with best third-placed teams and the like, seeds follow the ruleset’s ranking across groups and teams of one group are kept apart in the first round where possible.',
  },
  'knockout.options': { 'zh-CN': '抽签选项', en: 'Draw options' },
  'knockout.bestNextPlaced': { 'zh-CN': '跨组最佳名次出线数', en: 'Best next-placed teams that also qualify' },
  'knockout.bestNextPlacedHint': {
    'zh-CN': '如每组前 2 名出线,这里填最佳第三名的数量;留空为 0',
    en: 'With two per group, the number of best third-placed teams; blank means 0',
  },
  'knockout.preview': { 'zh-CN': '预览抽签(不保存)', en: 'Preview the draw (nothing saved)' },
  'knockout.previewTitle': { 'zh-CN': '抽签预览', en: 'Draw preview' },
  'knockout.pattern.crossover': {
    'zh-CN': '交叉对阵:A1–B2、C1–D2……在上半区,B1–A2、D1–C2……在下半区。',
    en: 'Crossover: A1–B2, C1–D2, … in the top half; B1–A2, D1–C2, … in the bottom half.',
  },
  'knockout.pattern.ranked': {
    'zh-CN': '按跨组排名排定种子(1 对最后一名……),首轮避开同组球队。',
    en: 'Seeded by the ranking across groups (1 v last, …), teams of one group kept apart in the first round.',
  },
  'knockout.firstRound': { 'zh-CN': '首轮对阵', en: 'First round' },
  'knockout.sameGroup': { 'zh-CN': '同组相遇(无法避免)', en: 'same group (unavoidable)' },
  'knockout.rankingTitle': { 'zh-CN': '跨组排名(同名次球队)', en: 'Ranking across groups (same place)' },
  'knockout.col.group': { 'zh-CN': '组别', en: 'Group' },
  'knockout.col.record': { 'zh-CN': '胜–负', en: 'W–L' },
  'knockout.col.diff': { 'zh-CN': '净胜分', en: 'Points difference' },
  'knockout.col.average': { 'zh-CN': '场均得分', en: 'Points per game' },
  'knockout.col.why': { 'zh-CN': '排在下一名之前的依据', en: 'Above the next team by' },
  'knockout.col.qualifies': { 'zh-CN': '出线', en: 'Qualifies' },
  'knockout.yes': { 'zh-CN': '是', en: 'Yes' },
  'knockout.no': { 'zh-CN': '否', en: 'No' },
  'knockout.disregarded': {
    'zh-CN': '(不计与末位队的 {count} 场)',
    en: {
      one: '({count} game against a last-placed team not counted)',
      other: '({count} games against last-placed teams not counted)',
    },
  },
  'knockout.criterion.win-record': { 'zh-CN': '胜负战绩', en: 'Win–loss record' },
  'knockout.criterion.points-diff': { 'zh-CN': '净胜分', en: 'Points difference' },
  'knockout.criterion.points-scored': { 'zh-CN': '得分', en: 'Points scored' },
  'knockout.criterion.points-average': {
    'zh-CN': '场均得分(不计弃权胜场)',
    en: 'Points per game (forfeit wins left out)',
  },
  'knockout.criterion.seeding': { 'zh-CN': '种子排位', en: 'Seeding' },
  'knockout.criterion.group-order': {
    'zh-CN': '无法区分:需主办方抽签,暂按组别顺序',
    en: 'Nothing separates them: the organizer draws lots (listed in group order for now)',
  },
  'knockout.unfinished': {
    'zh-CN': '小组赛还有 {count} 场没有结果。',
    en: { one: '{count} group game has no result yet.', other: '{count} group games have no result yet.' },
  },
  'knockout.allowIncomplete': {
    'zh-CN': '小组赛未全部结束也按当前排名确认(之后的结果不会改变对阵)',
    en: 'Confirm on the current standings although group games remain (later results will not change the draw)',
  },
  'knockout.bracketExists': {
    'zh-CN': '本赛事已经有淘汰赛对阵,不能再确认一次。',
    en: 'This event already has a knockout bracket; it cannot be confirmed again.',
  },
  'knockout.drawChanged': {
    'zh-CN': '预览之后小组排名有变化,请重新预览。',
    en: 'The group standings changed since the preview: preview the draw again.',
  },
  'knockout.confirmNote': {
    'zh-CN': '确认后保存对阵,并生成首轮比赛。',
    en: 'Confirming saves the bracket and creates the first-round games.',
  },
  'knockout.confirm': { 'zh-CN': '确认对阵', en: 'Confirm the draw' },
  'knockout.refused': { 'zh-CN': '未能确认对阵', en: 'The draw was not confirmed' },
} as const satisfies MessageTable;
