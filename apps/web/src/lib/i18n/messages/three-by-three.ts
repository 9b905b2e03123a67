import type { MessageTable } from '../types.js';

/** FIBA 3x3 standings: columns, tie-break criteria and the ranking rules (issue 12). */
export const threeByThreeMessages = {
  'competition.tie3x3.criterion.head-to-head': { 'zh-CN': '两队间比赛胜负', en: 'the game between them' },
  'competition.tie3x3.criterion.points-average': {
    'zh-CN': '场均得分(不计弃权胜场)',
    en: 'points scored per game (forfeit wins left out)',
  },
  'competition.tie3x3.criterion.seeding': { 'zh-CN': '种子排位', en: 'seeding' },
  'competition.tie3x3.criterion.lot': { 'zh-CN': '抽签', en: 'the lot drawn' },
  'competition.tie3x3.unseeded': { 'zh-CN': '无种子', en: 'unseeded' },
  'competition.tie3x3.seed': { 'zh-CN': '{seed} 号种子', en: 'seed {seed}' },
  'competition.tie3x3.wins': { 'zh-CN': '{wins} 胜', en: '{wins} won' },
  'competition.tie3x3.lotDrawn': {
    'zh-CN':
      '与{teams}胜场、相互胜负和场均得分均相同且无种子排位,由抽签决定({by}于{at}记录):抽签第 {drawn} 位(共 {count} 队)',
    en: 'Level with {teams} on wins, head-to-head and points average, with no seeding; decided by lot (recorded by {by}, at {at}): drawn {drawn} of {count}',
  },
  'competition.tie3x3.level': {
    'zh-CN': '与{teams}胜场、相互胜负和场均得分均相同,且无种子排位可分先后(并列第 {rank} 名)',
    en: 'Level with {teams} on wins, head-to-head and points average, and no seeding separates them; sharing rank {rank}',
  },
  'competition.standings3x3.average': { 'zh-CN': '场均', en: 'Avg' },
  'competition.standings3x3.averageLong': {
    'zh-CN': '场均得分(弃权胜场不计)',
    en: 'Points scored per game (forfeit wins left out)',
  },
  'competition.standings3x3.forfeitWin': {
    'zh-CN': '弃权胜(W:0)不计入场均得分',
    en: 'forfeit wins (w-0) are left out of the average',
  },
  'competition.standings3x3.rules.title': {
    'zh-CN': '排名规则(国际篮联三人篮球规则:排名程序)',
    en: 'How teams are ranked (FIBA 3x3 Rules of the Game, ranking procedure)',
  },
  'competition.standings3x3.rules.wins': {
    'zh-CN':
      '胜场多者列前(各队场次不等时比较胜率)。比赛先得 21 分或常规时间结束时领先者胜;平局进入加时,先得 2 分者胜。',
    en: 'Most wins (the win ratio while teams have played different numbers of games). A game is won at 21 or at the end of regular time; a level game goes to overtime, won by the first team to score 2.',
  },
  'competition.standings3x3.rules.h2h': {
    'zh-CN': '两队胜场相同时,比较两队间比赛胜负。三队及以上相同时不用此条。',
    en: 'Two teams level on wins: the winner of the game between them. Not used for three or more.',
  },
  'competition.standings3x3.rules.average': {
    'zh-CN': '仍相同时,比较场均得分;弃权比赛记为 W:0,胜方该场不计入场均,弃权方该场记 0 分。',
    en: 'Then points scored per game; a forfeit is scored w-0: it stays out of the winner’s average and counts 0 in the forfeiting team’s.',
  },
  'competition.standings3x3.rules.seeding': {
    'zh-CN': '仍相同时,种子排位高者列前。',
    en: 'Still level: the higher seed ranks first.',
  },
  'competition.match.overtime': { 'zh-CN': '加时', en: 'OT' },
  'competition.manage.overtime': { 'zh-CN': '加时赛决出', en: 'Decided in overtime' },
  'competition.match.forfeitScore': { 'zh-CN': 'W', en: 'W' },
} as const satisfies MessageTable;
