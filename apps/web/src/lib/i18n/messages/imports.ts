import type { MessageTable } from '../types.js';

/** Spreadsheet import of teams with rosters (issue 12). */
export const importMessages = {
  'import.tab': { 'zh-CN': '表格导入', en: 'Import' },
  'import.title': { 'zh-CN': '从表格导入球队和名单', en: 'Import teams and rosters from a spreadsheet' },
  'import.intro': {
    'zh-CN':
      '每行一人:队名、城市、姓名、号码、角色、出生日期。支持 Excel/WPS 保存的 CSV(UTF-8 或 GB18030)和 XLSX,最大 10 MB、5000 行。先预览,改正标出的行后再导入;要么全部导入,要么都不导入。同一文件再导入不会重复。',
    en: 'One person per row: team, city, name, number, role, birth date. CSV from Excel or WPS (UTF-8 or GB18030) or XLSX, up to 10 MB and 5,000 rows. Preview first, fix the flagged rows, then import: every row goes in or none does. Importing the same file again duplicates nothing.',
  },
  'import.export': { 'zh-CN': '导出当前球队和名单', en: 'Export the current teams and rosters' },
  'import.file': { 'zh-CN': '表格文件', en: 'Spreadsheet file' },
  'import.preview': { 'zh-CN': '预览', en: 'Preview' },
  'import.previewTitle': { 'zh-CN': '预览:{file}', en: 'Preview: {file}' },
  'import.encoding': { 'zh-CN': '编码:{encoding}', en: 'Encoding: {encoding}' },
  'import.rows': { 'zh-CN': '{count} 行', en: { one: '{count} row', other: '{count} rows' } },
  'import.problems': {
    'zh-CN': '有 {count} 处问题,请在下方改正后再导入。',
    en: { one: '{count} problem: fix it below, then import.', other: '{count} problems: fix them below, then import.' },
  },
  'import.noProblems': { 'zh-CN': '没有发现问题。', en: 'No problems found.' },
  'import.people': { 'zh-CN': '{count} 人', en: { one: '{count} person', other: '{count} people' } },
  'import.action.create': { 'zh-CN': '新建并报名', en: 'new team, registered' },
  'import.action.update': { 'zh-CN': '更新名单', en: 'roster replaced' },
  'import.row': { 'zh-CN': '行', en: 'Row' },
  'import.column.team': { 'zh-CN': '队名', en: 'Team' },
  'import.column.city': { 'zh-CN': '城市', en: 'City' },
  'import.column.player': { 'zh-CN': '姓名', en: 'Name' },
  'import.column.number': { 'zh-CN': '号码', en: 'Number' },
  'import.column.role': { 'zh-CN': '角色', en: 'Role' },
  'import.column.birthDate': { 'zh-CN': '出生日期', en: 'Birth date' },
  'import.problem': { 'zh-CN': '第 {row} 行「{column}」:{reason}', en: 'Row {row}, {column}: {reason}' },
  'import.commit': { 'zh-CN': '导入全部', en: 'Import all' },
  'import.done': {
    'zh-CN': '已导入:新建 {created} 队,更新 {updated} 队,共 {people} 人',
    en: 'Imported: {created|unit.teams} created, {updated} updated, {people|unit.people}',
  },
} as const satisfies MessageTable;
