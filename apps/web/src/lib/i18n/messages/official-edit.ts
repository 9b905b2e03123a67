import type { MessageTable } from '../types.js';

/** Editing an official (issue 12): name, contact, roles, affiliations, availability. */
export const officialEditMessages = {
  'officials.edit.link': { 'zh-CN': '编辑', en: 'Edit' },
  'officials.edit.title': { 'zh-CN': '编辑人员:{name}', en: 'Edit official: {name}' },
  'officials.edit.nameEn': { 'zh-CN': '英文名(可选)', en: 'English name (optional)' },
  'officials.edit.affiliated': { 'zh-CN': '关联球队(不执裁其比赛)', en: 'Affiliated teams (never their games)' },
  'officials.edit.affiliatedHint': {
    'zh-CN': '按住 Ctrl(Mac 上为 ⌘)可多选。',
    en: 'Hold Ctrl (⌘ on a Mac) to choose several.',
  },
  'officials.edit.availability': {
    'zh-CN': '可执裁时间(每行一段,北京时间)',
    en: 'Available (one window a line, China Standard Time)',
  },
  'officials.edit.availabilityHint': {
    'zh-CN': '例如 2023-07-15 08:00 – 18:00;留空表示未限制。',
    en: 'For example 2023-07-15 08:00 – 18:00; blank means no restriction recorded.',
  },
  'officials.edit.availabilityLine': {
    'zh-CN': '第 {line} 行不是时间段,请写成 2023-07-15 08:00 – 18:00',
    en: 'Line {line} is not a window: write it as 2023-07-15 08:00 – 18:00',
  },
  'officials.edit.rolesEmpty': { 'zh-CN': '至少选择一项职责', en: 'Choose at least one role' },
  'officials.edit.brokenIntro': {
    'zh-CN': '未保存:这项修改会与其已安排的比赛冲突。请先撤下这些安排。',
    en: 'Not saved: the change would break games this official already works. Remove those assignments first.',
  },
  'officials.edit.broken.affiliated': {
    'zh-CN': '与已安排的比赛冲突:该场比赛有所选的关联球队',
    en: 'Breaks an assigned game: a team chosen here plays it',
  },
  'officials.edit.broken.unavailable': {
    'zh-CN': '与已安排的比赛冲突:新的时间段未覆盖该场比赛',
    en: 'Breaks an assigned game: the new windows do not cover it',
  },
  'officials.edit.broken.role': {
    'zh-CN': '与已安排的比赛冲突:其在该场比赛担任这一职责',
    en: 'Breaks an assigned game: the official works it in that role',
  },
  'officials.edit.game': { 'zh-CN': '查看比赛', en: 'See the game' },
  'officials.edit.submit': { 'zh-CN': '保存', en: 'Save' },
  'officials.edit.saved': { 'zh-CN': '已保存', en: 'Saved' },
} as const satisfies MessageTable;
