import { type MessageKey, messages } from './messages/index.js';

export type { MessageKey } from './messages/index.js';
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return messages[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Published records hold the Chinese name in `name` and the English one, when known, in `nameEn`. */
export function pickName(locale: Locale, zh: string, english: string | null | undefined): string {
  return locale === 'en' && english ? english : zh;
}

export function formatDate(locale: Locale, isoDate: string, options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' }): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', ...options }).format(new Date(isoDate.length === 10 ? `${isoDate}T12:00:00+08:00` : isoDate));
}

export function formatDateRange(locale: Locale, start: string, end: string): string {
  const withYear: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
  if (start === end) return formatDate(locale, start, withYear);
  return `${formatDate(locale, start)} – ${formatDate(locale, end, withYear)}`;
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

/** Money in the reader's own units: 2亿元 in Chinese, 200M yuan in English. */
export function formatYuan(locale: Locale, value: number): string {
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 2 }).format(value);
  return translate(locale, 'unit.yuan', { value: compact });
}
