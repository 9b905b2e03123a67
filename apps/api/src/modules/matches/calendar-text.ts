import type { EntityLike } from './calendar-types.js';

export type CalendarLanguage = 'zh-CN' | 'en';

/**
 * The calendar reader's language: `?lang=` first, else the first language of Accept-Language (English for `en…`,
 * Chinese for anything else). null when the client states none: the feed keeps its original bilingual form.
 */
export function calendarLanguage(lang: unknown, acceptLanguage: string | undefined): CalendarLanguage | null {
  if (lang === 'en' || lang === 'zh-CN') return lang;
  const first = (acceptLanguage ?? '').split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (first === '' || first === '*') return null;
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

/** A published name in the reader's language: the English one when there is one, else the Chinese as published. */
export const named = (language: CalendarLanguage, item: EntityLike | null | undefined): string =>
  item ? (language === 'en' && item.nameEn ? item.nameEn : item.name) : '';

/** A playoff slot code ('R1-M2', 'third-place') in words; an unknown code as it is. */
function slotWords(slot: string, game: (round: string, number: string) => string, thirdPlace: string): string {
  if (slot === 'third-place') return thirdPlace;
  const m = /^R(\d+)-M(\d+)$/.exec(slot);
  return m ? game(m[1] ?? '', m[2] ?? '') : slot;
}

/** Every word the calendar writes itself, in each language, so a feed never mixes them. */
export const CALENDAR_TEXT = {
  'zh-CN': {
    versus: '对',
    postponed: '[延期] ',
    forfeit: '(弃权)',
    playoffs: (slot: string) => slotWords(slot, (r, g) => `淘汰赛第 ${r} 轮第 ${g} 场`, '三、四名决赛'),
    group: (group: string) => `${group}组`,
    round: (round: number) => `第 ${round} 轮`,
    court: (court: number) => `${court}号场`,
    starts: (at: string) => `开赛时间(北京时间):${at}`,
    eventCalendar: (event: string) => `${event} 赛程`,
    teamCalendar: (team: string) => `${team} 赛程`,
    separator: ',',
  },
  en: {
    versus: 'vs',
    postponed: '[Postponed] ',
    forfeit: ' (forfeit)',
    playoffs: (slot: string) => slotWords(slot, (r, g) => `Playoff round ${r}, game ${g}`, 'Third-place game'),
    group: (group: string) => `Group ${group}`,
    round: (round: number) => `Round ${round}`,
    court: (court: number) => `court ${court}`,
    starts: (at: string) => `Starts (China Standard Time): ${at}`,
    eventCalendar: (event: string) => `${event}: games`,
    teamCalendar: (team: string) => `${team}: games`,
    separator: ', ',
  },
} as const;
