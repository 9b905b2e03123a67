import type { MessageTable } from '../types.js';

/** Referees and table officials: the assignment board, suggestions, an official's own page (issue 12). */
export const officialsMessages = {
  'officials.tab': { 'zh-CN': '裁判安排', en: 'Officials' },
  'officials.board.title': { 'zh-CN': '裁判与记录台安排', en: 'Referee and table assignments' },
  'officials.board.intro': {
    'zh-CN':
      '每场比赛需要 {referee} 名裁判和 {table} 名记录台人员。同一人不能执裁时间重叠的比赛;在不同场馆之间至少留 {buffer} 分钟路程;不能执裁与其有关联球队的比赛。',
    en: 'Each game needs {referee|unit.referees} and {table|unit.tableOfficials}. Nobody works overlapping games, {buffer|unit.minutes} are kept for travel between venues, and nobody works a game of a team they are affiliated with.',
  },
  'officials.board.unassigned': {
    'zh-CN': '{count} 场比赛尚缺人员',
    en: { one: '{count} game still needs officials', other: '{count} games still need officials' },
  },
  'officials.board.allAssigned': { 'zh-CN': '所有比赛人员已齐', en: 'Every game is fully staffed' },
  'officials.board.none': { 'zh-CN': '本赛事还没有比赛。', en: 'This event has no games yet.' },
  'officials.board.noOfficials': { 'zh-CN': '还没有裁判,请先在下方添加。', en: 'No officials yet: add them below.' },
  'officials.game.missing': {
    'zh-CN': '缺 {referee} 名裁判、{table} 名记录台',
    en: 'Needs {referee|unit.referees}, {table} table',
  },
  'officials.game.complete': { 'zh-CN': '人员已齐', en: 'Fully staffed' },
  'officials.game.teams': { 'zh-CN': '{home} 对 {away}', en: '{home} v {away}' },
  'officials.assign.official': { 'zh-CN': '人员', en: 'Official' },
  'officials.assign.role': { 'zh-CN': '职责', en: 'Role' },
  'officials.assign.submit': { 'zh-CN': '安排', en: 'Assign' },
  'officials.assign.saved': { 'zh-CN': '已安排', en: 'Assigned' },
  'officials.assign.remove': { 'zh-CN': '撤下', en: 'Remove' },
  'officials.role.referee': { 'zh-CN': '裁判', en: 'Referee' },
  'officials.role.table': { 'zh-CN': '记录台', en: 'Table' },
  'officials.clash.title': { 'zh-CN': '无法安排:', en: 'Not assigned:' },
  'officials.clash.overlap': {
    'zh-CN': '时间冲突:{official}同时执裁 {game}',
    en: 'Clash: {official} works {game} at the same time',
  },
  'officials.clash.travel': {
    'zh-CN': '路程不足:{official}在另一场馆执裁 {game},两场之间不足 {buffer} 分钟',
    en: 'No time to travel: {official} works {game} at another venue, less than {buffer|unit.minutes} apart',
  },
  'officials.clash.affiliated': {
    'zh-CN': '关联球队:{official}与参赛球队有关联',
    en: 'Affiliated: {official} is connected with a team in this game',
  },
  'officials.clash.unavailable': {
    'zh-CN': '{official}在比赛时间没有空',
    en: '{official} is not available at that time',
  },
  'officials.clash.role': { 'zh-CN': '{official}不担任该职责', en: '{official} does not work in that role' },
  'officials.clash.already-assigned': { 'zh-CN': '{official}已在本场比赛中', en: '{official} already works this game' },
  'officials.clash.other': { 'zh-CN': '无法安排({detail})', en: 'Not assigned ({detail})' },
  'officials.suggest.title': { 'zh-CN': '自动建议', en: 'Suggestions' },
  'officials.suggest.intro': {
    'zh-CN': '按每人场次均衡地为空缺位置提出建议,且满足所有检查。确认后才会保存。',
    en: 'Proposes officials for the open places, balancing games per official and respecting every check. Nothing is saved until you confirm.',
  },
  'officials.suggest.submit': { 'zh-CN': '生成建议', en: 'Suggest assignments' },
  'officials.suggest.none': { 'zh-CN': '没有可建议的安排。', en: 'Nothing to suggest.' },
  'officials.suggest.unfilled': {
    'zh-CN': '仍有 {count} 个位置无人可排',
    en: { one: '{count} place nobody can take', other: '{count} places nobody can take' },
  },
  'officials.suggest.save': { 'zh-CN': '保存全部建议', en: 'Save all suggestions' },
  'officials.suggest.saved': {
    'zh-CN': '已保存 {count} 项安排',
    en: { one: '{count} assignment saved', other: '{count} assignments saved' },
  },
  'officials.list.title': { 'zh-CN': '人员', en: 'Officials' },
  'officials.list.games': {
    'zh-CN': '本赛事 {count} 场',
    en: { one: '{count} game in this event', other: '{count} games in this event' },
  },
  'officials.add.title': { 'zh-CN': '添加人员', en: 'Add an official' },
  'officials.add.name': { 'zh-CN': '姓名', en: 'Name' },
  'officials.add.contact': { 'zh-CN': '联系方式(仅组织者可见)', en: 'Contact (organizers only)' },
  'officials.add.roles': { 'zh-CN': '职责', en: 'Roles' },
  'officials.add.submit': { 'zh-CN': '添加', en: 'Add' },
  'officials.add.saved': { 'zh-CN': '已添加 {name}', en: '{name} added' },
  'officials.page.title': { 'zh-CN': '{name} 的执裁安排', en: 'Games of {name}' },
  'officials.page.none': { 'zh-CN': '暂无安排。', en: 'No games assigned yet.' },
  'officials.page.calendar': { 'zh-CN': '订阅日历(iCal)', en: 'Subscribe (iCal)' },
} as const satisfies MessageTable;
