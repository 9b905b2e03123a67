import type { MessageTable } from '../types.js';

/** Spreadsheet import of a schedule (issue 12): the organizer's page over the API's preview and commit. */
export const scheduleImportMessages = {
  'scheduleImport.link': { 'zh-CN': '从表格导入赛程', en: 'Import a schedule from a spreadsheet' },
  'scheduleImport.title': { 'zh-CN': '从表格导入赛程', en: 'Import a schedule from a spreadsheet' },
  'scheduleImport.intro': {
    'zh-CN':
      '每行一场比赛:日期、时间、主队、客队、场馆、场地、组别、轮次(Excel 的日期和时间数值也可以)。球队须已确认报名。先预览:每一行的问题(包括时间冲突)都会标出;改正后导入,要么全部导入,要么都不导入。已有的同一场比赛不会重复。',
    en: 'One game per row: date, time, home team, away team, venue, court, group, round (Excel date and time numbers work too). Teams must hold confirmed registrations. Preview first: every row’s problems, clashes included, are flagged; fix them, then import: every game goes in or none does. A game already there is not added twice.',
  },
  'scheduleImport.column.date': { 'zh-CN': '日期', en: 'Date' },
  'scheduleImport.column.time': { 'zh-CN': '时间', en: 'Time' },
  'scheduleImport.column.home': { 'zh-CN': '主队', en: 'Home' },
  'scheduleImport.column.away': { 'zh-CN': '客队', en: 'Away' },
  'scheduleImport.column.venue': { 'zh-CN': '场馆', en: 'Venue' },
  'scheduleImport.column.court': { 'zh-CN': '场地', en: 'Court' },
  'scheduleImport.column.group': { 'zh-CN': '组别', en: 'Group' },
  'scheduleImport.column.round': { 'zh-CN': '轮次', en: 'Round' },
  'scheduleImport.counts': {
    'zh-CN': '没有发现问题:将新增 {created} 场,已有 {existing} 场不变。',
    en: 'No problems: {created|unit.games} to add, {existing} already there left alone.',
  },
  'scheduleImport.commit': { 'zh-CN': '导入全部比赛', en: 'Import every game' },
  'scheduleImport.done': {
    'zh-CN': '已导入:新增 {created} 场比赛,已有 {existing} 场未变。',
    en: 'Imported: {created|unit.games} added, {existing} already there.',
  },
} as const satisfies MessageTable;
