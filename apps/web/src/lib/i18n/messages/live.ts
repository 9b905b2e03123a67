import type { MessageTable } from '../types.js';

/** Live game day: live scores for fans, the scorer console, scorer links and embeds. */
export const liveMessages = {
  'live.connected': { 'zh-CN': '实时更新中', en: 'Live updates on' },
  'live.connecting': { 'zh-CN': '正在连接实时比分…', en: 'Connecting to live scores…' },
  'live.now': { 'zh-CN': '正在进行', en: 'Live now' },
  'live.today': { 'zh-CN': '今日比赛', en: 'Today’s games' },
  'live.strip': { 'zh-CN': '正在进行 / 今日', en: 'Live now / today' },
  'live.noneToday': { 'zh-CN': '今天({day})没有比赛。', en: 'No games today ({day}).' },
  'live.period.quarter': { 'zh-CN': '第{number}节', en: 'Q{number}' },
  'live.period.overtime': { 'zh-CN': '加时{number}', en: 'OT{number}' },
  'live.announce.score': {
    'zh-CN': '比分:{home} {homeScore},{away} {awayScore}',
    en: 'Score: {home} {homeScore}, {away} {awayScore}',
  },
  'live.announce.started': { 'zh-CN': '比赛开始:{home} 对 {away}', en: 'Tip-off: {home} v {away}' },
  'live.announce.final': {
    'zh-CN': '终场:{home} {homeScore},{away} {awayScore}',
    en: 'Final: {home} {homeScore}, {away} {awayScore}',
  },
  'live.announce.period': {
    'zh-CN': '{period}开始,{home} {homeScore},{away} {awayScore}',
    en: '{period} under way: {home} {homeScore}, {away} {awayScore}',
  },
  'score.title': { 'zh-CN': '临场记分', en: 'Live scoring' },
  'score.start': { 'zh-CN': '开始比赛', en: 'Start the game' },
  'score.periodEnd': { 'zh-CN': '本节结束', en: 'End of period' },
  'score.undo': { 'zh-CN': '撤销上一分', en: 'Undo last score' },
  'score.final': { 'zh-CN': '终场', en: 'Final' },
  'score.finalConfirm': {
    'zh-CN': '确认终场比分 {home} {homeScore} : {awayScore} {away}?确认后计入积分榜。',
    en: 'Confirm the final score {home} {homeScore} – {awayScore} {away}? It goes into the standings.',
  },
  'score.finalYes': { 'zh-CN': '确认终场', en: 'Yes, it is final' },
  'score.cancel': { 'zh-CN': '取消', en: 'Cancel' },
  'score.add': {
    'zh-CN': '{team} 加 {count} 分',
    en: { one: '{count} point to {team}', other: '{count} points to {team}' },
  },
  'score.waiting.one': { 'zh-CN': '{count} 个操作待发送', en: '{count} action waiting' },
  'score.waiting.other': { 'zh-CN': '{count} 个操作待发送', en: '{count} actions waiting' },
  'score.synced': { 'zh-CN': '已全部同步', en: 'All sent' },
  'score.offline': {
    'zh-CN': '网络已断开:操作保存在本机,联网后按顺序发送。',
    en: 'Offline: taps are kept on this device and sent in order when the network is back.',
  },
  'score.refused': { 'zh-CN': '服务器未接受一个操作:{reason}', en: 'The server refused an action: {reason}' },
  'score.unauthorized': {
    'zh-CN': '记分链接已失效或无权记分,操作保存在本机。请向主办方索取新链接。',
    en: 'The scorer link has expired or does not allow scoring; taps are kept on this device. Ask the organizer for a new link.',
  },
  'score.problem.notLive': {
    'zh-CN': '比赛不在进行中(尚未开始或已结束),不能记分。',
    en: 'The game is not being played (not started, or over): this cannot be scored.',
  },
  'score.problem.alreadyStarted': { 'zh-CN': '比赛已经开始或已经结束。', en: 'The game has already started or ended.' },
  'score.problem.invalidPoints': {
    'zh-CN': '按本场比赛的规则,一次得分不能是这个分值。',
    en: 'A basket cannot be worth that many points under this game’s rules.',
  },
  'score.problem.unknownTarget': {
    'zh-CN': '要撤销的操作不属于本场比赛。',
    en: 'The action to undo is not part of this game.',
  },
  'score.problem.notUndoable': {
    'zh-CN': '这个操作不能撤销,或已经撤销。',
    en: 'That action cannot be undone, or already was.',
  },
  'score.problem.levelScore': {
    'zh-CN': '比分相同,篮球比赛不能以平局结束:请进行加时赛。',
    en: 'The score is level: a basketball game cannot end in a draw. Play overtime.',
  },
  'score.problem.postponed': {
    'zh-CN': '比赛已延期:请先重新安排比赛时间。',
    en: 'The game is postponed: reschedule it before scoring it.',
  },
  'score.problem.linkUnknown': { 'zh-CN': '这个记分链接无效。', en: 'This scorer link is not valid.' },
  'score.problem.linkOtherGame': {
    'zh-CN': '这个记分链接属于另一场比赛。',
    en: 'This scorer link is for another game.',
  },
  'score.problem.linkRevoked': { 'zh-CN': '这个记分链接已被撤销。', en: 'This scorer link was revoked.' },
  'score.problem.linkExpired': { 'zh-CN': '这个记分链接已过期。', en: 'This scorer link has expired.' },
  'score.problem.other': { 'zh-CN': '服务器未能执行这个操作。', en: 'The server could not apply this action.' },
  'score.needLink': {
    'zh-CN': '记分需要主办方账号或本场比赛的记分链接。',
    en: 'Scoring needs an organizer account or a scorer link for this game.',
  },
  'score.serverScore': { 'zh-CN': '服务器比分', en: 'Score on the server' },
  'score.notStarted': { 'zh-CN': '比赛尚未开始', en: 'Not started yet' },
  'score.ended': { 'zh-CN': '比赛已结束', en: 'The game is over' },
  'score.open': { 'zh-CN': '打开记分台', en: 'Open the scorer console' },
  'score.links.title': { 'zh-CN': '记分链接', en: 'Scorer links' },
  'score.links.intro': {
    'zh-CN': '记分链接让记分员(无需账号)只为本场比赛记分,到期或撤销后失效。',
    en: 'A scorer link lets a scorer without an account score this game only, until it expires or is revoked.',
  },
  'score.links.label': { 'zh-CN': '给谁用(可选)', en: 'Who is it for (optional)' },
  'score.links.create': { 'zh-CN': '生成记分链接', en: 'Make a scorer link' },
  'score.links.made': {
    'zh-CN': '请把这个链接发给记分员。它只显示这一次:',
    en: 'Give this link to the scorer. It is shown only this once:',
  },
  'score.links.expires': { 'zh-CN': '有效期至 {when}', en: 'Valid until {when}' },
  'score.links.revoked': { 'zh-CN': '已撤销', en: 'Revoked' },
  'score.links.revoke': { 'zh-CN': '撤销', en: 'Revoke' },
  'score.links.none': { 'zh-CN': '还没有记分链接。', en: 'No scorer links yet.' },
  'embed.fullPage': { 'zh-CN': '在 Sailcourt 查看完整页面', en: 'Full page on Sailcourt' },
} as const satisfies MessageTable;
